// Unit tests of the layout plan and the page estimate. The expected line breaks were measured in
// LibreOffice 7.4 (main/core/export/layout.test.ts checks whole documents against it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GBT9704_PROFILE, profileTwips } from './formatProfile';
import type { LayoutParagraph } from './pageEstimate';
import { estimatePages, layoutPlan, normaliseDate, paginate, paragraphLines, textWidth, titleLines } from './pageEstimate';
import type { ReportBlock } from './reportModel';

const P = GBT9704_PROFILE;
const C = (n: number): string => '测试'.repeat(100).slice(0, n);

/** Lines of one body paragraph (first line indent in twips, 640 = 2 characters). */
function lines(text: string, firstLine = 0): string[] {
  const p: LayoutParagraph = { kind: 'body', block: 0, runs: [{ text, role: 'body' }], align: 'both', firstLine, left: 0, right: 0, lineHeight: 579, keepNext: false, keepLines: false };
  return paragraphLines(P, p);
}

const para = (text: string): ReportBlock => ({ type: 'paragraph', text });
const heading = (level: 1 | 2 | 3 | 4, number: string, text: string): ReportBlock => ({ type: 'heading', level, kind: null, text, number, runInBody: null, hint: null });
const role = (r: 'addressee' | 'closing' | 'attachment' | 'signature' | 'date', text: string): ReportBlock => ({ type: 'role', role: r, text });

test('a full body line holds 28 characters, 26 after the 2-character indent', () => {
  const out = lines(C(100));
  assert.deepEqual(out.map((l) => l.length), [28, 28, 28, 16]);
  assert.deepEqual(lines(C(60), 640).map((l) => l.length), [26, 28, 6]);
});

test('Latin and digits take Times New Roman widths plus LibreOffice’s Asian/Latin spacing', () => {
  // Widths LibreOffice gave (twips from the line start to the last 测 of each string + 测).
  const prefix = (text: string): number => textWidth(P, `${text}测`) - 320;
  const measured: [string, number][] = [
    ['测1测', 922],
    ['测12测', 1076],
    ['测A测', 992],
    ['测,测', 714],
    ['测(测)测', 1168],
    ['测1%测', 1120],
    ['测“测”测', 1573],
    ['测“A”测', 1316],
    ['测，2021', 1324],
    ['测 测', 696],
    ['（1）明确', 1424],
    ['测·测', 740],
  ];
  for (const [text, twips] of measured) assert.ok(Math.abs(prefix(text) - twips) <= 3, `${text}: ${prefix(text)} ≠ ${twips}`);
});

test('forbidden line starts and ends, hanging marks and unbreakable Latin words follow LibreOffice', () => {
  // A mark after a Chinese character hangs in the margin …
  assert.deepEqual(lines(`${C(28)}、后面`).map((l) => l.length), [29, 2]);
  // … but not after a digit: "1。" wraps together.
  assert.equal(lines(`${C(27)}1。后面`)[0], C(27));
  // A closing quote does not start a line: the character before it goes along.
  assert.equal(lines(`${C(28)}”后面`)[0], C(27));
  // An opening quote does not end a line.
  assert.equal(lines(`${C(27)}“测测`)[0], C(27));
  // ”2022 and 2022“ do not break; ”测 does.
  assert.equal(lines(`${C(27)}”2022年后面`)[0], C(26));
  assert.equal(lines(`${C(27)}”测测测`)[0], `${C(27)}”`);
  assert.equal(lines(`${C(25)}2022“测后面`)[0], C(25));
  // —— and …… stay whole.
  assert.equal(lines(`${C(27)}——后面`)[0], C(27));
});

test('a long title breaks into balanced lines at word boundaries, never leaving one character alone', () => {
  assert.deepEqual(titleLines(P, '2025年上半年工作总结'), ['2025年上半年工作总结']);
  const two = titleLines(P, '关于进一步加强和改进新时代基层意识形态工作的实施意见');
  assert.deepEqual(two, ['关于进一步加强和改进新时代', '基层意识形态工作的实施意见']);
  const t = profileTwips(P);
  const orphanRisk = titleLines(P, C(21));
  assert.equal(orphanRisk.length, 2);
  assert.ok(orphanRisk.every((l) => l.length >= 10 && textWidth(P, l, 'title') <= t.textWidth));
});

test('dates are written in Arabic numerals without padding', () => {
  assert.equal(normaliseDate('2025年07月01日'), '2025年7月1日');
  assert.equal(normaliseDate('二〇二五年七月一日'), '2025年7月1日');
  assert.equal(normaliseDate('二〇二五年十二月三十一日'), '2025年12月31日');
  assert.equal(normaliseDate('2025-7-1'), '2025年7月1日');
  assert.equal(normaliseDate('七月一日'), '七月一日');
});

test('the plan: title, empty line, 主送机关 with "：", headings with literal markers, 附件说明 hanging, 署名 and date on the grid', () => {
  const plan = layoutPlan(P, {
    title: '关于2025年上半年工作情况的报告',
    blocks: [
      role('addressee', '市委'),
      para('今年以来，我们做了很多工作。'),
      heading(1, '一、', '主要工作'),
      { type: 'heading', level: 2, kind: null, text: '加强领导。', number: '（一）', runInBody: '我们加强了领导。', hint: null },
      para(''),
      role('attachment', '附件：1.统计表'),
      role('attachment', '2.台账'),
      para(''),
      role('signature', '某某市某某局'),
      role('date', '2025年07月01日'),
    ],
  });
  assert.deepEqual(
    plan.map((p) => p.kind),
    ['title', 'blank', 'addressee', 'body', 'heading', 'runIn', 'blank', 'attachment', 'attachment', 'blank', 'signature', 'date'],
  );
  const [title, , addressee, body, h1, runIn, , a1, a2, , sig, date] = plan as LayoutParagraph[] as [LayoutParagraph, ...LayoutParagraph[]] & LayoutParagraph[];
  assert.equal(title.align, 'center');
  assert.equal(addressee?.runs[0]?.text, '市委：');
  assert.equal(addressee?.firstLine, 0);
  assert.equal(body?.firstLine, 640);
  assert.equal(h1?.runs[0]?.text, '一、主要工作');
  assert.deepEqual(runIn?.runs, [
    { text: '（一）加强领导。', role: 'heading2' },
    { text: '我们加强了领导。', role: 'body' },
  ]);
  // 附件： starts 2 characters in; the second item's number sits under the first's, names align.
  const label = textWidth(P, '附件：');
  const number = textWidth(P, '1.');
  assert.equal(a1?.left, Math.round(640 + label + number));
  assert.equal((a1?.left ?? 0) + (a1?.firstLine ?? 0), 640);
  assert.equal(a1?.runs[0]?.text, '附件：1.统计表');
  assert.equal(a2?.runs[0]?.text, '2.台账');
  assert.equal(Math.round((a2?.left ?? 0) + (a2?.firstLine ?? 0)), Math.round(640 + label));
  // Unsealed, date longer than the 署名: the date sits 2 characters from the right, the 署名's first
  // character 2 characters left of the date's.
  const W = profileTwips(P).textWidth;
  const adv = 315;
  assert.equal(date?.runs[0]?.text, '2025年7月1日');
  assert.equal(date?.align, 'right');
  assert.equal(date?.right, 2 * adv);
  const dateStart = W - 2 * adv - textWidth(P, '2025年7月1日');
  assert.equal(sig?.align, 'left');
  assert.equal(sig?.left, Math.round(dateStart - 2 * adv));
});

test('unsealed with a long 署名: 署名 two characters from the right, date two characters right of its first character; sealed: date four from the right, 署名 centred', () => {
  const blocks = [para('正文。'), role('signature', '中共某某市委宣传部办公室'), role('date', '2025年7月1日')];
  const W = profileTwips(P).textWidth;
  const plan = layoutPlan(P, { title: '', blocks });
  const sig = plan.find((p) => p.kind === 'signature');
  const date = plan.find((p) => p.kind === 'date');
  assert.equal(sig?.align, 'right');
  assert.equal(sig?.right, 630);
  const sigStart = W - 630 - textWidth(P, '中共某某市委宣传部办公室');
  assert.equal(date?.left, Math.round(sigStart + 630));
  const sealed = layoutPlan({ ...P, signature: { ...P.signature, sealed: true } }, { title: '', blocks });
  const sDate = sealed.find((p) => p.kind === 'date');
  const sSig = sealed.find((p) => p.kind === 'signature');
  assert.equal(sDate?.right, 4 * 315);
  const dateW = textWidth(P, '2025年7月1日');
  const sigW = textWidth(P, '中共某某市委宣传部办公室');
  assert.equal(sSig?.left, Math.round(W - 4 * 315 - dateW + (dateW - sigW) / 2));
});

test('pages: 22 lines each, the title and its empty line count, a heading never ends a page', () => {
  // Title (1 line) + empty line + 20 one-line paragraphs = 22 lines: one page.
  const oneLine = Array.from({ length: 20 }, () => para(C(20)));
  assert.equal(estimatePages({ title: '工作总结', blocks: oneLine }, P).pages, 1);
  assert.equal(estimatePages({ title: '工作总结', blocks: [...oneLine, para('多一行')] }, P).pages, 2);
  // A heading on line 22 moves to page 2 with the paragraph after it.
  const withHeading = estimatePages({ title: '工作总结', blocks: [...oneLine.slice(0, 19), heading(1, '一、', '主要工作'), para('正文')] }, P);
  assert.equal(withHeading.pages, 2);
  assert.deepEqual(withHeading.breaks[0], { page: 2, block: 19, paragraph: 21, line: 0 });
  // A 3-line paragraph splits across pages (no widow control): line 2 starts page 2.
  const split = estimatePages({ title: '', blocks: [...Array.from({ length: 21 }, () => para('一行')), para(C(70))] }, P);
  assert.deepEqual(split.breaks, [{ page: 2, block: 21, paragraph: 21, line: 1 }]);
  assert.equal(paginate([], [], 100).pages, 1);
});
