import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentContentSchema, documentPlainText, paragraphNode, textNode } from './documentModel';
import type { DocumentContent, SerializedNode } from './documentModel';
import {
  fieldParagraphNode,
  fillFields,
  guessSectionKind,
  headingNode,
  outlineOf,
  readingText,
  reportOutline,
  reportPlainText,
  roleBlockNode,
  runInParagraphNode,
} from './reportModel';

/** A document from blocks. */
function doc(...children: SerializedNode[]): DocumentContent {
  return documentContentSchema.parse({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } });
}

test('eleven level-1 sections read 一、 … 十一、 in Word, and subsections restart under each', () => {
  const blocks: SerializedNode[] = [];
  for (let i = 1; i <= 11; i += 1) {
    blocks.push(headingNode(1, `第${i}部分`), fieldParagraphNode('正文。'));
    if (i === 11) blocks.push(headingNode(2, '小节甲'), headingNode(2, '小节乙'));
  }
  const lines = readingText('报告', doc(...blocks)).split('\n');
  assert.equal(lines[2], '一、第1部分');
  assert.ok(lines.includes('十、第10部分'));
  assert.ok(lines.includes('十一、第11部分'));
  assert.deepEqual(lines.slice(-2), ['（一）小节甲', '（二）小节乙']);
});

test('a skipped level starts at 1; run-in headings count in the same sequence as block headings', () => {
  const content = doc(
    headingNode(1, '主要工作'),
    headingNode(3, '跳过二级的小标题'),
    runInParagraphNode(2, '高度重视，专题研究部署。', '党组会议专题研究3次。'),
    runInParagraphNode(2, '压实责任，层层传导压力。', '签订责任书12份。'),
    headingNode(3, '建立台账'),
    headingNode(4, '按月更新'),
  );
  assert.equal(
    readingText('意识形态工作情况报告', content),
    [
      '意识形态工作情况报告',
      '',
      '一、主要工作',
      '1.跳过二级的小标题',
      '（一）高度重视，专题研究部署。党组会议专题研究3次。',
      '（二）压实责任，层层传导压力。签订责任书12份。',
      '1.建立台账',
      '（1）按月更新',
    ].join('\n'),
  );
  const outline = outlineOf(content);
  assert.deepEqual(outline.map((h) => [h.number, h.runIn]), [['一、', false], ['1.', false], ['（一）', true], ['（二）', true], ['1.', false], ['（1）', false]]);
  // The run-in body counts toward its own section: 党组会议专题研究 (8) + 3 + 次 + 。 = 11 characters.
  assert.equal(outline[2]?.chars, 11);
});

test('role blocks (主送机关, 署名, 成文日期) are never numbered and never counted in the last section', () => {
  const content = doc(
    roleBlockNode('addressee', '市委宣传部：'),
    fieldParagraphNode('现将有关情况报告如下：'),
    headingNode(1, '下一步工作打算', { kind: 'plan' }),
    fieldParagraphNode('加强队伍建设。'),
    roleBlockNode('closing', '特此报告。'),
    roleBlockNode('signature', '某某市某某局'),
    roleBlockNode('date', '2025年7月10日'),
  );
  const text = readingText('报告', content);
  assert.equal(text, '报告\n\n市委宣传部：\n现将有关情况报告如下：\n一、下一步工作打算\n加强队伍建设。\n特此报告。\n某某市某某局\n2025年7月10日');
  assert.equal(outlineOf(content)[0]?.chars, 7);
});

test('a field filled once reads filled everywhere: title, headings, paragraphs and blocks; unfilled ones stay {{name}}', () => {
  const content = doc(
    fieldParagraphNode('{{年度}}年上半年，{{单位}}坚持……'),
    headingNode(1, '{{年度}}年主要工作', { kind: 'situation' }),
    roleBlockNode('signature', '{{单位}}'),
    roleBlockNode('date', '{{成文日期}}'),
  );
  const fields = { 单位: '某某市某某局', 年度: '2025' };
  assert.equal(
    readingText('{{单位}}{{年度}}年工作总结', content, fields),
    '某某市某某局2025年工作总结\n\n2025年上半年，某某市某某局坚持……\n一、2025年主要工作\n某某市某某局\n{{成文日期}}',
  );
  assert.equal(reportPlainText(content, fields), '2025年上半年，某某市某某局坚持……\n2025年主要工作\n某某市某某局\n{{成文日期}}');
  assert.equal(fillFields('{{单位}}关于{{专项工作}}的报告', fields), '某某市某某局关于{{专项工作}}的报告');
});

test('plain text of a document without report nodes is exactly what it was before (search and counts unchanged)', () => {
  const quote: SerializedNode = { type: 'quote', version: 1, children: [textNode('引文')], direction: null, format: '', indent: 0 };
  const list: SerializedNode = {
    type: 'list',
    version: 1,
    listType: 'number',
    children: [{ type: 'listitem', version: 1, value: 1, children: [textNode('第一项'), { type: 'linebreak', version: 1 }, textNode('续行')] }],
  };
  const plain = doc(paragraphNode('第一段'), { type: 'heading', version: 1, tag: 'h2', children: [textNode('小标题')] }, quote, list, paragraphNode(''));
  assert.equal(reportPlainText(plain, { 单位: '某某局' }), documentPlainText(plain));
  // A run-in heading and its body are one line, as they are one paragraph.
  assert.equal(reportPlainText(doc(runInParagraphNode(2, '高度重视。', '研究部署。'))), '高度重视。研究部署。');
});

test('section kinds are guessed from the heading words of report-structure.md', () => {
  const cases: [string, string | null][] = [
    ['基本情况', 'situation'],
    ['一、主要工作', 'situation'],
    ['工作开展情况', 'situation'],
    ['主要做法', 'situation'],
    ['领导层面部署落实情况', 'situation'],
    ['主要工作及成效', 'situation'],
    ['二、主要成效', 'achievements'],
    ['工作成绩', 'achievements'],
    ['取得的成效', 'achievements'],
    ['工作亮点', 'achievements'],
    ['存在的问题', 'shortcomings'],
    ['（三）存在的不足', 'shortcomings'],
    ['问题及原因', 'shortcomings'],
    ['差距和不足', 'shortcomings'],
    ['四、下一步工作计划', 'plan'],
    ['下步打算', 'plan'],
    ['下一步工作思路', 'plan'],
    ['明年工作打算', 'plan'],
    ['下半年工作打算：', 'plan'],
    ['年度工作计划执行情况', 'situation'],
    ['理论武装“铸魂工程”走深走实', null],
    ['加强学习，强化认识，扎实开展学习活动。', null],
  ];
  for (const [heading, kind] of cases) assert.equal(guessSectionKind(heading), kind, heading);
});

test('the outline says which of 问题不足 and 下步打算 a report lacks; plans and unstructured text lack nothing', () => {
  const summary = doc(
    headingNode(1, '上半年主要工作', { kind: 'situation' }),
    fieldParagraphNode('开展培训8期。'),
    headingNode(1, '存在的不足'),
    headingNode(1, '工作中的几点体会'),
  );
  const outline = reportOutline('{{单位}}上半年工作总结', summary, { 单位: '某某局' });
  assert.equal(outline.title, '某某局上半年工作总结');
  assert.deepEqual(outline.headings.map((h) => h.kind), ['situation', 'shortcomings', null], 'a heading without a stored kind is read by its words');
  assert.deepEqual(outline.missing, ['plan']);
  const bare = doc(headingNode(1, '理论武装走深走实'), headingNode(1, '阵地管理守牢底线'));
  assert.deepEqual(reportOutline('年度工作总结', bare).missing, ['shortcomings', 'plan']);
  assert.deepEqual(reportOutline('2026年工作要点', bare).missing, [], 'a work plan has no shortcomings part');
  assert.deepEqual(reportOutline('工作总结', doc(fieldParagraphNode('只有正文。'))).missing, []);
  // A 存在的问题 subsection counts as the part being present.
  const nested = doc(headingNode(1, '主要工作'), headingNode(2, '存在的问题'), headingNode(1, '下步打算'));
  assert.deepEqual(reportOutline('工作总结', nested).missing, []);
});

test('a section length target from the template reaches the outline', () => {
  const content = doc(headingNode(1, '存在的问题', { kind: 'shortcomings', hint: '写两到三个问题', target: 600 }), fieldParagraphNode('一是学习不够深入。'));
  const [heading] = reportOutline('总结', content).headings;
  assert.deepEqual(heading, { level: 1, number: '一、', text: '存在的问题', kind: 'shortcomings', chars: 9, target: 600 });
});

test('a method phrase is not a section kind: 坚持问题导向 is not a shortcomings part', () => {
  assert.equal(guessSectionKind('坚持问题导向，推动工作落实'), null);
  assert.equal(guessSectionKind('存在的问题'), 'shortcomings');
});
