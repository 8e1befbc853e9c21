// Reading what mammoth leaves out of a .docx: which Word list formats stand for which heading
// level, automatic numbers counted as Word counts them (styles, restarts, deeper levels, empty
// numbered lines), alignment, and matching mammoth's paragraphs back to Word's by their text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headingLevelOfNumbering, layoutParagraphs, matchLayout, MAX_LAYOUT_PARAGRAPHS, scanDocxLayout } from './docxLayout';

test('Word list formats as report heading levels: 一、 （一） 1. （1）; anything else is no heading', () => {
  assert.equal(headingLevelOfNumbering('chineseCounting', '%1、', 0), 1);
  assert.equal(headingLevelOfNumbering('chineseCountingThousand', '%1.', 0), 1);
  assert.equal(headingLevelOfNumbering('chineseCounting', '（%2）', 1), 2);
  assert.equal(headingLevelOfNumbering('chineseCounting', '(%2)', 1), 2);
  assert.equal(headingLevelOfNumbering('decimal', '%3.', 2), 3);
  assert.equal(headingLevelOfNumbering('decimal', '%1、', 0), 3);
  assert.equal(headingLevelOfNumbering('decimalFullWidth', '%3．', 2), 3);
  assert.equal(headingLevelOfNumbering('decimal', '（%4）', 3), 4);
  assert.equal(headingLevelOfNumbering('decimal', '%1.%2', 1), null, 'legal numbering 1.1 is no 公文 marker');
  assert.equal(headingLevelOfNumbering('bullet', '', 0), null);
  assert.equal(headingLevelOfNumbering('chineseCounting', '第%1章', 0), null);
  assert.equal(headingLevelOfNumbering('lowerLetter', '%1.', 0), null);
  assert.equal(headingLevelOfNumbering('chineseCounting', '%1.', 0, true), 3, 'isLgl shows Arabic numbers');
});

const numberingXml = `<w:numbering xmlns:w="x">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="4">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

const stylesXml = `<w:styles xmlns:w="x">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
</w:styles>`;

/** A paragraph of document.xml. */
function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}
const num = (numId: number, ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

test('automatic numbers are counted as Word shows them and become canonical markers; alignment is read', () => {
  const documentXml = `<w:document xmlns:w="x"><w:body>
    ${p('某某局工作总结', '<w:jc w:val="center"/>')}
    ${p('主要工作', '<w:pStyle w:val="1"/>')}
    ${p('抓学习', num(1, 1))}
    ${p('建台账 &amp; 清单', num(1, 2))}
    ${p('', num(1, 2))}
    ${p('定调度', num(1, 2))}
    ${p('正文一段。')}
    <w:tbl><w:tr><w:tc>${p('表格里的编号', num(1, 0))}</w:tc></w:tr></w:tbl>
    ${p('抓作风', num(1, 1))}
    ${p('重新编号', num(3, 2))}
    ${p('要点', num(2, 0))}
    ${p('另一份清单', num(4, 0))}
    ${p('存在问题', '<w:pStyle w:val="a5"/>')}
    ${p('某某局', '<w:jc w:val="right"/><w:pPrChange w:id="1"><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange>')}
  </w:body></w:document>`;
  const layout = layoutParagraphs(scanDocxLayout(documentXml, numberingXml, stylesXml, MAX_LAYOUT_PARAGRAPHS));
  assert.deepEqual(
    layout.map((l) => [l.key, l.marker, l.align]),
    [
      ['某某局工作总结', null, 'center'],
      ['主要工作', '一、', null],
      ['抓学习', '（一）', null],
      ['建台账&清单', '1.', null],
      // The empty numbered line took 2.; the table's numbered paragraph counted 三、 (Word counts it).
      ['定调度', '3.', null],
      ['正文一段。', null, null],
      ['抓作风', '（一）', null],
      ['重新编号', '1.', null],
      ['要点', null, null],
      ['另一份清单', '一、', null],
      ['存在问题', '三、', null],
      ['某某局', null, 'right'],
    ],
  );
});

test('mammoth paragraphs are matched to Word paragraphs by text: line breaks, footnote marks, table rows, unknown lines', () => {
  const layout = [
    { key: '某某局工作总结', align: 'center' as const, marker: null },
    { key: '主要工作', align: null, marker: '一、' },
    { key: '第一行第二行', align: null, marker: '（一）' },
    { key: '有脚注的一段。', align: null, marker: null },
    { key: '某某局', align: 'right' as const, marker: null },
  ];
  const hints = matchLayout(
    [
      { text: '某某局工作总结' },
      { text: '主要 工作' },
      { text: '第一行' },
      { text: '第二行' },
      { text: '甲\t乙', tableRow: true },
      { text: '有脚注的一段。[1]' },
      { text: '文本框里的字' },
      { text: '某某局' },
    ],
    layout,
  );
  assert.deepEqual(hints, [
    { align: 'center', marker: null },
    { align: null, marker: '一、' },
    { align: null, marker: '（一）' },
    { align: null, marker: null },
    null,
    { align: null, marker: null },
    null,
    { align: 'right', marker: null },
  ]);
});
