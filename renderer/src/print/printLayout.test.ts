// The print view's pages: the export's lines on the export's pages, each line's runs in their
// element's format, justified like Word, hanging marks flagged; the print stylesheet's @page and
// page numbers follow the profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GBT9704_PROFILE, profileGrid } from '@common/formatProfile';
import type { FormatProfile } from '@common/formatProfile';
import { estimatePages } from '@common/pageEstimate';
import type { ReportBlock } from '@common/reportModel';
import { pageRule, printPages, printStyles } from './printLayout';

const P = GBT9704_PROFILE;
const C = (n: number): string => '测试'.repeat(2000).slice(0, n);
const para = (text: string): ReportBlock => ({ type: 'paragraph', text });
const runIn = (text: string, body: string): ReportBlock => ({ type: 'heading', level: 2, kind: null, text, number: '（一）', runInBody: body, hint: null });
const role = (r: 'signature' | 'date', text: string): ReportBlock => ({ type: 'role', role: r, text });

const blocks: ReportBlock[] = [
  para(`今年以来，${C(300)}`),
  runIn('加强领导。', C(100)),
  ...Array.from({ length: 40 }, (_, i) => para(C(30 + i * 7))),
  para(`${C(26)}、后面的话`),
  role('signature', '某某市某某局'),
  role('date', '2025年7月1日'),
];
const title = '关于进一步加强和改进新时代基层意识形态工作的实施意见';

test('the print view has the export’s pages, each with at most a page of lines', () => {
  const pages = printPages(P, { title, blocks });
  const estimate = estimatePages({ title, blocks }, P);
  assert.equal(pages.length, estimate.pages);
  const perPage = profileGrid(P).linesPerPage;
  for (const page of pages) assert.ok(page.lines.length <= perPage && page.lines.length > 0);
  assert.equal(
    pages.reduce((n, p) => n + p.lines.length, 0),
    estimate.lines.reduce((a, b) => a + b, 0),
  );
});

test('lines keep every character, in their element’s format and position', () => {
  const pages = printPages(P, { title, blocks });
  const lines = pages.flatMap((p) => p.lines);
  // The title: two balanced centred lines, then the empty line.
  assert.deepEqual(lines.slice(0, 3).map((l) => [l.kind, l.align, l.runs.map((r) => r.text).join('')]), [
    ['title', 'center', '关于进一步加强和改进新时代'],
    ['title', 'center', '基层意识形态工作的实施意见'],
    ['blank', 'left', ''],
  ]);
  // Body: the first line indented two characters, full lines justified, the last one not.
  const first = lines.findIndex((l) => l.runs[0]?.text.startsWith('今年以来'));
  assert.equal(lines[first]?.left, 640);
  assert.equal(lines[first]?.align, 'justify');
  assert.equal(lines[first + 1]?.left, 0);
  const paragraph = lines.slice(first, first + 12).filter((l) => l.kind === 'body');
  const text = [];
  for (const l of paragraph) {
    text.push(l.runs.map((r) => r.text).join(''));
    if (l.align !== 'justify') break;
  }
  assert.equal(text.join(''), `今年以来，${C(300)}`);
  // A run-in heading: the heading sentence in the level-2 font, the rest in body font, on one line.
  const runInLine = lines.find((l) => l.kind === 'runIn');
  assert.deepEqual(runInLine?.runs.map((r) => r.role), ['heading2', 'body']);
  assert.equal(runInLine?.runs[0]?.text, '（一）加强领导。');
  // A mark that does not fit hangs past the margin, as LibreOffice sets it.
  const hanging = lines.find((l) => l.runs.some((r) => r.text.endsWith('、')));
  assert.equal(hanging?.hangs, true);
  assert.equal(lines.filter((l) => l.hangs).length >= 1, true);
  // 署名 and date are placed, not justified.
  assert.deepEqual(lines.slice(-2).map((l) => [l.kind, l.align]), [
    ['signature', 'left'],
    ['date', 'right'],
  ]);
});

test('@page: A4 with the profile’s margins (the right one keeps room for hanging marks); other paper by size', () => {
  assert.equal(pageRule(P), 'size: A4; margin: 37mm 18mm 35mm 28mm;');
  const custom: FormatProfile = { ...P, paper: { widthMm: 184, heightMm: 260 }, margins: { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 5 } };
  assert.equal(pageRule(custom), 'size: 184mm 260mm; margin: 30mm 0mm 30mm 25mm;');
});

test('the print stylesheet numbers pages "— N —" outside (odd right, even left) or centred, in the profile’s fonts', () => {
  const css = printStyles(P);
  assert.match(css, /@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —";[^}]*font-size: 14pt;[^}]*padding-top: 7mm;[^}]*padding-right: calc\(14pt \+ 8mm\)/);
  assert.match(css, /@page :left \{ @bottom-left \{[^}]*padding-left: calc\(14pt \+ 0mm\)/);
  assert.match(css, /\.print-view \{ width: 442\.25pt; \}/);
  assert.match(css, /\.print-run-body \{ font-family: "wg-latin-1", "仿宋_GB2312"[^}]*font-size: 16pt; letter-spacing: -0\.25pt;/);
  assert.match(css, /\.print-run-heading1 \{ font-family: "wg-latin-3", "黑体"/);
  assert.match(css, /\.print-run-title \{ font-family: "wg-latin-0", "方正小标宋简体"[^}]*font-size: 22pt/);
  const centred = printStyles({ ...P, pageNumber: { ...P.pageNumber, placement: 'center' } });
  assert.match(centred, /@page \{ @bottom-center \{/);
  assert.doesNotMatch(centred, /@bottom-right/);
});
