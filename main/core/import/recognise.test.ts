// Recognition rules (report-structure.md): markers and their variants, sequences, run-in
// headings, section kinds, title, 署名/成文日期, junk, repeats and the stored node shapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentContentSchema } from '../../common/documentModel';
import { readingText, reportBlocks } from '../../common/reportModel';
import { recogniseText, toDryRunJson } from './index';
import { cleanTitle, recogniseParagraphs, splitRunIn } from './recognise';
import { sectionKindOf } from './sectionKind';

const report = [
  '某某局2025年上半年工作总结',
  '今年以来，我局认真贯彻落实上级部署，各项工作取得新进展。现将有关情况报告如下：',
  '一、主要工作及成效',
  '(一)高度重视，专题研究部署。局党组先后4次专题研究，制定实施方案。',
  '一是健全制度。制定了3项制度，明确了责任分工。',
  '（二）强化理论武装：组织专题学习12次，覆盖干部职工1200人次。',
  '(三突出阵地管理。对网站、公众号开展全面排查。',
  '1、加强网站管理',
  '网站信息发布实行三审三校，全年未发生差错。',
  '1．这一行的编号倒退了，是正文里的一句话而不是标题。',
  '（一）这一行也倒退了，应当是正文内容。',
  '二、存在的问题',
  '个别干部对意识形态工作的重要性认识不足。',
  '二、这是重复的编号，不是标题。',
  '三. 下一步工作打算',
  '下一步，我们将持续压实责任，加强阵地管理。',
  '某某市某某局',
  '二〇二五年七月一日',
].join('\n');

test('markers are read in sequence, variants normalised and recorded', () => {
  const result = recogniseText(report, { source: 'txt' });
  assert.equal(result.title, '某某局2025年上半年工作总结');
  assert.deepEqual(result.outline, [
    { level: 1, text: '主要工作及成效', kind: 'situation' },
    { level: 2, text: '高度重视，专题研究部署', kind: null },
    { level: 2, text: '强化理论武装', kind: null },
    { level: 2, text: '突出阵地管理', kind: null },
    { level: 3, text: '加强网站管理', kind: null },
    { level: 1, text: '存在的问题', kind: 'shortcomings' },
    { level: 1, text: '下一步工作打算', kind: 'plan' },
  ]);
  assert.deepEqual(result.fixes, ['第3段：“(一)” 规范为 “（一）”', '第6段：“(三” 规范为 “（三）”', '第7段：“1、” 规范为 “1.”', '第14段：“三.” 规范为 “三、”']);
  assert.equal(result.signature, '某某市某某局');
  assert.equal(result.date, '二〇二五年七月一日');
});

test('headings are stored without markers; run-in headings share their paragraph; numbering comes back from position', () => {
  const result = recogniseText(report, { source: 'txt' });
  assert.ok(documentContentSchema.safeParse(result.content).success);
  const blocks = reportBlocks(result.content);
  const first = blocks[1];
  assert.deepEqual(first, { type: 'heading', level: 1, kind: 'situation', text: '主要工作及成效', number: '一、', runInBody: null, hint: null });
  const runIn = blocks[2];
  assert.equal(runIn?.type, 'heading');
  if (runIn?.type === 'heading') {
    assert.equal(runIn.text, '高度重视，专题研究部署。');
    assert.equal(runIn.runInBody, '局党组先后4次专题研究，制定实施方案。');
    assert.equal(runIn.number, '（一）');
  }
  // "：" ends a short run-in heading.
  const colon = blocks[4];
  assert.ok(colon?.type === 'heading' && colon.text === '强化理论武装：' && colon.runInBody === '组织专题学习12次，覆盖干部职工1200人次。');
  const text = readingText('标题', result.content);
  assert.match(text, /\n（三）突出阵地管理。对网站/u);
  assert.match(text, /\n1\.加强网站管理\n/u);
  assert.match(text, /\n三、下一步工作打算\n/u);
  // The roles close the document.
  assert.deepEqual(blocks.slice(-2), [
    { type: 'role', role: 'signature', text: '某某市某某局' },
    { type: 'role', role: 'date', text: '二〇二五年七月一日' },
  ]);
});

test('"一是" is never a heading, and markers going backwards are body text', () => {
  const result = recogniseText(report, { source: 'txt' });
  const bodies = reportBlocks(result.content).filter((b) => b.type === 'paragraph').map((b) => b.text);
  assert.ok(bodies.includes('一是健全制度。制定了3项制度，明确了责任分工。'));
  assert.ok(bodies.includes('1．这一行的编号倒退了，是正文里的一句话而不是标题。'));
  assert.ok(bodies.includes('（一）这一行也倒退了，应当是正文内容。'));
  assert.ok(bodies.includes('二、这是重复的编号，不是标题。'));
});

test('（一） needs a 一、 above it, unless the document has no 一、 at all', () => {
  const sectionsOnly = recogniseText('（一）高度重视\n正文一段内容。\n（二）压实责任。正文内容。\n1.细化措施\n正文。', { source: 'paste' });
  assert.deepEqual(
    sectionsOnly.outline.map((h) => [h.level, h.text]),
    [
      [2, '高度重视'],
      [2, '压实责任'],
      [3, '细化措施'],
    ],
  );
  const before = recogniseText('开头一段话，说明情况。\n（一）在一、之前的这一行是正文\n一、主要工作\n（一）加强领导\n正文。', { source: 'paste' });
  assert.deepEqual(
    before.outline.map((h) => [h.level, h.text]),
    [
      [1, '主要工作'],
      [2, '加强领导'],
    ],
  );
});

test('a gap of a few numbers is kept (points deleted), a level restarts under each new parent', () => {
  const result = recogniseText(['一、甲', '（一）子一', '（三）子三', '1.细则一', '2.细则二', '二、乙', '（一）子一', '1.细则一', '（4）小项', '四、丁'].join('\n'), { source: 'paste' });
  assert.deepEqual(
    result.outline.map((h) => `${h.level}${h.text}`),
    ['1甲', '2子一', '2子三', '3细则一', '3细则二', '1乙', '2子一', '3细则一', '4小项', '1丁'],
  );
});

test('full-width digits and mixed brackets are markers, years and decimals are not', () => {
  const result = recogniseText(['一、工作', '１．第一项', '(2）第二小项', '2025.7月以来，全市经济运行平稳。', '1.5倍的增长来自新兴产业。'].join('\n'), { source: 'paste' });
  assert.deepEqual(
    result.outline.map((h) => `${h.level}${h.text}`),
    ['1工作', '3第一项', '4第二小项'],
  );
  assert.deepEqual(result.fixes, ['第2段：“１．” 规范为 “1.”', '第3段：“(2）” 规范为 “（2）”']);
});

test('a marker alone on its line joins the heading text on the next line', () => {
  const result = recogniseText('一、\n主要工作\n正文内容，说明情况。', { source: 'paste' });
  assert.deepEqual(result.outline, [{ level: 1, text: '主要工作', kind: 'situation' }]);
});

test('section kinds come from the heading words; unknown words give other; Traditional words count too', () => {
  assert.equal(sectionKindOf('主要工作及成效'), 'situation');
  assert.equal(sectionKindOf('取得的成效'), 'achievements');
  assert.equal(sectionKindOf('存在的问题及原因'), 'shortcomings');
  assert.equal(sectionKindOf('存在的問題'), 'shortcomings');
  assert.equal(sectionKindOf('下步打算'), 'plan');
  assert.equal(sectionKindOf('明年工作打算'), 'plan');
  assert.equal(sectionKindOf('理论武装走深走实'), 'other');
  // A method, not a problems section.
  assert.equal(sectionKindOf('坚持问题导向 深入开展思想调研'), 'other');
  assert.equal(sectionKindOf('堅持問題導向 深入開展思想調研'), 'other');
});

test('the title: a short first line; web columns and site names are dropped and recorded', () => {
  assert.deepEqual(cleanTitle('迎接社十二大 | 强化引领 夯实基础'), { title: '强化引领 夯实基础', dropped: ['迎接社十二大'] });
  assert.deepEqual(cleanTitle('某某局2025年工作总结_某某新闻网'), { title: '某某局2025年工作总结', dropped: ['某某新闻网'] });
  assert.deepEqual(cleanTitle('努力凝聚思想共识——九三学社中央工作综述'), { title: '努力凝聚思想共识——九三学社中央工作综述', dropped: [] });
  // A first line that is a sentence, a lead-in or a heading is no title.
  assert.equal(recogniseText('今年以来，我局做了大量工作。\n一、主要工作', { source: 'paste' }).title, null);
  assert.equal(recogniseText('现将有关情况报告如下：\n一、主要工作', { source: 'paste' }).title, null);
  assert.equal(recogniseText('一、主要工作\n正文内容。', { source: 'paste' }).title, null);
  // A lone line is text, not a title.
  assert.equal(recogniseText('某某局工作总结', { source: 'paste' }).title, null);
});

test('run-in split: the first sentence (closing quote included) or a short lead ending in ：', () => {
  assert.deepEqual(splitRunIn('高度重视，专题研究部署。根据要求……'), { heading: '高度重视，专题研究部署。', body: '根据要求……' });
  assert.deepEqual(splitRunIn('强化“四个意识”。”后文'), { heading: '强化“四个意识”。”', body: '后文' });
  assert.deepEqual(splitRunIn('加强组织领导：成立领导小组。'), { heading: '加强组织领导：', body: '成立领导小组。' });
  assert.deepEqual(splitRunIn('高度重视。'), { heading: '高度重视。', body: null });
  assert.deepEqual(splitRunIn('主要工作'), { heading: '主要工作', body: null });
  // A time is not a lead.
  assert.deepEqual(splitRunIn('上午8:30召开会议'), { heading: '上午8:30召开会议', body: null });
});

test('repeated paragraphs are kept once and listed; headings are never merged away', () => {
  const para = '局党组先后4次专题研究，制定实施方案。';
  const result = recogniseText(['标题', '一、工作', '1.措施', para, '二、问题', '1.措施', para, para].join('\n'), { source: 'paste' });
  assert.deepEqual(result.duplicates, [{ text: para, count: 3 }]);
  assert.equal(toDryRunJson(result).duplicates, 2);
  assert.equal(result.outline.length, 4);
  assert.equal(reportBlocks(result.content).filter((b) => b.type === 'paragraph' && b.text === para).length, 1);
  // The title repeated as the first body line is a repeat too.
  const twice = recogniseText('某局工作总结\n某局工作总结\n正文内容，说明情况。', { source: 'paste' });
  assert.equal(twice.title, '某局工作总结');
  assert.deepEqual(twice.duplicates, [{ text: '某局工作总结', count: 2 }]);
});

test('web chrome is dropped wherever it is, and listed', () => {
  const result = recogniseText(
    [
      '首页 > 新闻中心 > 工作动态',
      '某某局2025年工作总结',
      '发布时间：2025-07-01 09:30 来源：某某局',
      '【字体：大 中 小】 [朗读] 打印 关闭',
      '分享到：',
      '今年以来，我局认真落实各项部署，现将情况报告如下。',
      'a1b6b7a22d8fbca6ba99420ec97a2f62.jpg',
      '全局干部职工参加专题学习',
      '一、主要工作',
      '图为专题学习现场。',
      '---此处隐藏2000字，下载后查看---',
      '正文内容，说明情况。',
      '用户名：',
      '密码：',
      '作者： 责任编辑：王某',
      '上一篇：某某局召开会议',
      'https://www.example.gov.cn/news/1.html',
      '版权所有：某某局 ICP备12345678号',
    ].join('\n'),
    { source: 'paste' },
  );
  assert.equal(result.title, '某某局2025年工作总结');
  assert.deepEqual(result.removed, [
    '首页 > 新闻中心 > 工作动态',
    '发布时间：2025-07-01 09:30 来源：某某局',
    '【字体：大 中 小】 [朗读] 打印 关闭',
    '分享到：',
    'a1b6b7a22d8fbca6ba99420ec97a2f62.jpg',
    '全局干部职工参加专题学习',
    '图为专题学习现场。',
    '---此处隐藏2000字，下载后查看---',
    '用户名：',
    '密码：',
    '作者： 责任编辑：王某',
    '上一篇：某某局召开会议',
    'https://www.example.gov.cn/news/1.html',
    '版权所有：某某局 ICP备12345678号',
  ]);
  assert.deepEqual(result.outline, [{ level: 1, text: '主要工作', kind: 'situation' }]);
  assert.equal(result.paragraphs, 2);
});

test('white space is normalised; punctuation is left alone', () => {
  const result = recogniseText('\u3000\u3000今年以来,我局\u00a0\u00a0认真落实\u200b部署.\t\n一、 主要工作', { source: 'paste' });
  const blocks = reportBlocks(result.content);
  assert.deepEqual(blocks[0], { type: 'paragraph', text: '今年以来,我局 认真落实部署.' });
  assert.equal(result.outline[0]?.text, '主要工作');
});

test('a date alone at the end is the 成文日期; a unit line needs the date below it to be the 署名', () => {
  const dated = recogniseText('正文内容，说明情况。\n2025年7月1日', { source: 'paste' });
  assert.equal(dated.date, '2025年7月1日');
  assert.equal(dated.signature, null);
  const unsigned = recogniseText('正文内容，说明情况。\n某某市某某局', { source: 'paste' });
  assert.equal(unsigned.signature, null);
  assert.equal(unsigned.date, null);
  const sentence = recogniseText('正文内容。\n特此报告，请审阅。\n2025年7月1日', { source: 'paste' });
  assert.equal(sentence.signature, null);
  assert.equal(sentence.date, '2025年7月1日');
});

test('unmarked 对仗 lines are level-1 headings only in a document without 一、', () => {
  const news = recogniseText(['综述标题', '开头一段，介绍总体情况。', '注重思想引领  系列活动走深走实', '正文内容，说明做了什么事情，取得了哪些成绩。', '强化理论武装  发挥示范作用', '正文内容，说明做了什么事情。'].join('\n'), { source: 'paste' });
  assert.deepEqual(
    news.outline.map((h) => `${h.level}${h.text}`),
    ['1注重思想引领 系列活动走深走实', '1强化理论武装 发挥示范作用'],
  );
  // Short label/value lines copied from a web table are not headings.
  const labels = recogniseText(['开头一段，介绍总体情况。', '姓名 张三', '职务 局长', '正文内容，说明做了什么事情，取得了哪些成绩。'].join('\n'), { source: 'paste' });
  assert.deepEqual(labels.outline, []);
  const marked = recogniseText(['一、主要工作', '注重思想引领  系列活动走深走实', '正文内容，说明做了什么事情，取得了哪些成绩。'].join('\n'), { source: 'paste' });
  assert.deepEqual(
    marked.outline.map((h) => h.text),
    ['主要工作'],
  );
});

test('text with {{fields}} keeps them as fields; empty input gives an empty document', () => {
  const result = recogniseText('{{单位}}2025年工作总结\n{{单位}}认真落实各项部署。', { source: 'paste' });
  assert.equal(result.title, '{{单位}}2025年工作总结');
  assert.equal(result.content.root.children[0]?.children?.[0]?.type, 'wg-field');
  const empty = recogniseText('', { source: 'paste' });
  assert.deepEqual(empty.content.root.children, []);
  assert.equal(empty.title, null);
  assert.equal(empty.paragraphs, 0);
});

test('a paragraph styled Title among the first lines is the title; the lines above it stay body', () => {
  const result = recogniseParagraphs(
    [{ text: '机密★1年' }, { text: '某某局工作总结', isTitle: true }, { text: '正文内容，说明情况。' }],
    { source: 'docx' },
  );
  assert.equal(result.title, '某某局工作总结');
  assert.deepEqual(
    reportBlocks(result.content).map((b) => b.type === 'paragraph' && b.text),
    ['机密★1年', '正文内容，说明情况。'],
  );
});

test('Traditional text keeps its characters; its markers and kind words are still read', () => {
  const result = recogniseText(['一、主要工作開展情況', '（一）加強領導。黨組專題研究部署工作。', '二、存在的問題', '個別幹部認識不到位。', '三、下一步工作計劃', '繼續努力。'].join('\n'), { source: 'paste' });
  assert.deepEqual(result.outline, [
    { level: 1, text: '主要工作開展情況', kind: 'situation' },
    { level: 2, text: '加強領導', kind: null },
    { level: 1, text: '存在的問題', kind: 'shortcomings' },
    { level: 1, text: '下一步工作計劃', kind: 'plan' },
  ]);
  assert.match(readingText('', result.content), /（一）加強領導。黨組專題研究部署工作。/u);
});

test('.docx alignment at the end: an aligned joint 署名 above the date, an aligned name closing the document, never 特此报告', () => {
  const body = [{ text: '某某局2025年工作总结' }, { text: '今年以来，我局认真落实各项部署，取得新进展。' }];
  const joint = recogniseParagraphs([...body, { text: '中共某某局党组、某某局', align: 'right' }, { text: '2025年7月1日', align: 'right' }], { source: 'docx' });
  assert.equal(joint.signature, '中共某某局党组、某某局');
  assert.equal(joint.date, '2025年7月1日');
  // The same line without alignment (a .txt) is body text: 、 reads as a sentence.
  const plain = recogniseParagraphs([...body, { text: '中共某某局党组、某某局' }, { text: '2025年7月1日' }], { source: 'txt' });
  assert.equal(plain.signature, null);
  const noDate = recogniseParagraphs([...body, { text: '某某市某某局', align: 'center' }], { source: 'docx' });
  assert.equal(noDate.signature, '某某市某某局');
  assert.equal(noDate.date, null);
  const closing = recogniseParagraphs([...body, { text: '特此报告', align: 'center' }], { source: 'docx' });
  assert.equal(closing.signature, null);
  assert.deepEqual(reportBlocks(closing.content).at(-1), { type: 'paragraph', text: '特此报告' });
});
