// The .docx the export writes, read back as XML: every number and name of word-export.md, and
// what the docx library would have got wrong (blue "Heading N", an empty font table, dropped 0s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GBT9704_PROFILE } from '../../common/formatProfile';
import { isAppError } from '../../common/errors';
import { fieldParagraphNode, headingNode, roleBlockNode, runInParagraphNode } from '../../common/reportModel';
import { exportDocx } from './docx';
import { contentOf, docxParts } from './testSupport';

/** The XML of a style by id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  assert.ok(m, `style ${id} missing`);
  return m[0];
}

const report = contentOf([
  roleBlockNode('addressee', '{{上级单位}}'),
  fieldParagraphNode('今年以来，{{单位}}认真贯彻落实上级部署。现将有关情况报告如下：'),
  headingNode(1, '主要工作', { kind: 'situation' }),
  runInParagraphNode(2, '高度重视，专题研究部署。', '根据市委要求，一是召开专题会议，二是制定工作方案。'),
  headingNode(2, '压实工作责任'),
  headingNode(3, '明确任务分工'),
  headingNode(4, '细化工作措施'),
  fieldParagraphNode('各部门按照分工抓好落实，完成率达到98.5%。'),
  headingNode(1, '存在的问题'),
  headingNode(1, '下一步打算'),
  fieldParagraphNode('继续抓好各项工作。'),
  roleBlockNode('closing', '特此报告。'),
  roleBlockNode('attachment', '附件：1.统计表'),
  roleBlockNode('attachment', '2.台账'),
  roleBlockNode('signature', '{{单位}}'),
]);

test('styles: Normal carries the body grid; Heading1..4 are the built-ins, black, with outline levels; Footer stands alone', async () => {
  const { buffer } = await exportDocx({ title: '{{年度}}工作总结', content: report, fields: { 单位: '某某市某某局', 上级单位: '市委' } });
  const parts = await docxParts(buffer);
  const styles = parts.get('word/styles.xml') ?? '';
  const normal = style(styles, 'Normal');
  assert.match(normal, /<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/);
  assert.match(normal, /<w:spacing w:val="-5"\/>/);
  assert.match(normal, /<w:sz w:val="32"\/>/);
  assert.match(normal, /<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  assert.match(normal, /<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"\/>/);
  assert.match(normal, /<w:jc w:val="both"\/>/);
  assert.match(normal, /<w:widowControl w:val="0"\/>/);
  const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
  for (const level of [1, 2, 3, 4]) {
    const h = style(styles, `Heading${level}`);
    assert.match(h, new RegExp(`<w:name w:val="heading ${level}"/>`));
    assert.match(h, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`));
    assert.match(h, /<w:color w:val="000000"\/>/);
    assert.match(h, /<w:b w:val="0"\/><w:bCs w:val="0"\/><w:i w:val="0"\/>/);
    assert.match(h, new RegExp(`w:eastAsia="${fonts[level - 1]}"`));
    assert.match(h, /<w:basedOn w:val="Normal"\/>/);
  }
  assert.doesNotMatch(styles, /2E74B5|Heading \d/);
  const title = style(styles, 'Title');
  assert.match(title, /w:eastAsia="方正小标宋简体"/);
  assert.match(title, /<w:sz w:val="44"\/>/);
  assert.match(title, /<w:jc w:val="center"\/>/);
  assert.match(title, /<w:ind w:firstLine="0" w:firstLineChars="0"\/>/);
  assert.match(title, /<w:b w:val="0"\/>/);
  assert.match(title, /<w:spacing w:val="0"\/>/);
  const footer = style(styles, 'Footer');
  assert.doesNotMatch(footer, /basedOn/);
  assert.match(footer, /w:eastAsia="宋体"/);
  assert.match(footer, /<w:sz w:val="28"\/>/);
  assert.match(footer, /<w:spacing w:val="0"\/>/);
  assert.match(footer, /<w:jc w:val="right"\/>/);
  assert.match(footer, /w:right="280"/);
  // One definition per style id.
  const ids = [...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length);
  // Role styles carry the Chars form of their first-line indent, so Word drops Normal's 2 characters.
  assert.match(style(styles, 'Addressee'), /<w:name w:val="主送机关"\/>.*w:firstLine="0" w:firstLineChars="0"/s);
  assert.match(style(styles, 'Attachment'), /<w:name w:val="附件说明"\/>.*w:hanging="\d+" w:hangingChars="\d+"/s);
});

test('page, footers and settings: A4, GB/T margins, footer 1307, "— N —" right on odd pages and left on even pages', async () => {
  const { buffer } = await exportDocx({ title: '工作总结', content: report });
  const parts = await docxParts(buffer);
  const doc = parts.get('word/document.xml') ?? '';
  assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(doc, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1307" w:gutter="0"\/>/);
  assert.match(doc, /<w:footerReference w:type="default"/);
  assert.match(doc, /<w:footerReference w:type="even"/);
  assert.match(parts.get('word/settings.xml') ?? '', /<w:evenAndOddHeaders\/>/);
  const footers = [...parts.entries()].filter(([name]) => /word\/footer\d\.xml/.test(name)).map(([, xml]) => xml);
  assert.equal(footers.length, 2);
  for (const xml of footers) {
    assert.match(xml, /<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s);
    assert.doesNotMatch(xml, /<w:ind /);
  }
  assert.deepEqual(footers.map((xml) => /<w:pStyle w:val="(\w+)"\/>/.exec(xml)?.[1]).sort(), ['Footer', 'FooterEven']);
  const even = style(parts.get('word/styles.xml') ?? '', 'FooterEven');
  assert.match(even, /<w:ind w:left="280" w:leftChars="100" w:right="0"/);
  assert.match(even, /<w:jc w:val="left"\/>/);
  assert.doesNotMatch(even, /basedOn/);
  const fontTable = parts.get('word/fontTable.xml') ?? '';
  assert.match(fontTable, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  assert.match(fontTable, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  assert.match(fontTable, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  assert.match(fontTable, /<w:font w:name="Times New Roman">/);
});

test('text: literal markers, never auto-numbering; run-in headings; fields filled or left as {{name}} with warnings', async () => {
  const { buffer, warnings, pages } = await exportDocx({ title: '{{年度}}工作总结', content: report, fields: { 单位: '某某市某某局' } });
  const doc = (await docxParts(buffer)).get('word/document.xml') ?? '';
  assert.doesNotMatch(doc, /<w:numPr>/);
  for (const text of ['一、主要工作', '（一）高度重视，专题研究部署。', '（二）压实工作责任', '1.明确任务分工', '（1）细化工作措施', '二、存在的问题', '三、下一步打算']) {
    assert.ok(doc.includes(`>${text}</w:t>`), text);
  }
  // The run-in heading: Heading2 paragraph, heading sentence in the style's font, the rest in the body font.
  const runIn = /<w:p><w:pPr><w:pStyle w:val="Heading2"\/><w:keepNext w:val="false"\/>.*?<\/w:p>/s.exec(doc)?.[0] ?? '';
  assert.match(runIn, /高度重视，专题研究部署。<\/w:t>.*w:eastAsia="仿宋_GB2312".*根据市委要求/s);
  assert.ok(doc.includes('今年以来，某某市某某局认真贯彻落实上级部署。'));
  assert.ok(doc.includes('>{{上级单位}}：</w:t>'));
  assert.ok(doc.includes('>{{年度}}工作总结</w:t>'));
  assert.deepEqual(warnings, [
    '未填写的填空项：{{年度}}、{{上级单位}}（导出为原样的 {{…}}，请填写后重新导出）',
    '空章节：“二、存在的问题”下没有内容。',
    '缺少成文日期：正文末尾没有成文日期（如 2025年7月1日），公文须在署名下方注明。',
  ]);
  assert.equal(pages, 1);
});

test('profile options: bold level 2 and 3, centred page numbers; an impossible profile is refused', async () => {
  const profile = structuredClone(GBT9704_PROFILE);
  profile.headings[1].bold = true;
  profile.headings[2].bold = true;
  profile.pageNumber.placement = 'center';
  const parts = await docxParts((await exportDocx({ title: '工作总结', content: report, profile })).buffer);
  const styles = parts.get('word/styles.xml') ?? '';
  assert.match(style(styles, 'Heading2'), /<w:b w:val="1"\/>/);
  assert.match(style(styles, 'Heading3'), /<w:b w:val="1"\/>/);
  assert.match(style(styles, 'Heading1'), /<w:b w:val="0"\/>/);
  assert.match(style(styles, 'Footer'), /<w:jc w:val="center"\/>/);
  assert.doesNotMatch(parts.get('word/settings.xml') ?? '', /evenAndOddHeaders/);
  // The body part of a bold run-in heading is explicitly not bold.
  assert.match(parts.get('word/document.xml') ?? '', /<w:pStyle w:val="Heading2"\/><w:keepNext w:val="false"\/>.*?<w:b w:val="false"\/>/s);
  const bad = structuredClone(GBT9704_PROFILE);
  bad.body.lineSpacingPt = 10;
  await assert.rejects(exportDocx({ title: 'x', content: report, profile: bad }), (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT' && /行距/.test(e.message));
});

test('an empty document still exports a valid file', async () => {
  const { buffer, warnings } = await exportDocx({ title: '', content: contentOf([]) });
  const parts = await docxParts(buffer);
  assert.match(parts.get('word/document.xml') ?? '', /<w:body><w:p\/?>/);
  assert.deepEqual(warnings, ['缺少标题：文稿没有标题，导出的文档从正文开始。']);
});
