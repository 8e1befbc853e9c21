// Which block starts page N in the editor, from the export's page estimate; the cached estimator
// gives exactly the export's estimate and re-breaks only the paragraphs that changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GBT9704_PROFILE } from '@common/formatProfile';
import { estimatePages } from '@common/pageEstimate';
import type { ReportBlock } from '@common/reportModel';
import { PageEstimator, pageMarkers, pageStarts, pagesTitle } from './pageLayout';

const P = GBT9704_PROFILE;
const C = (n: number): string => '测试'.repeat(2000).slice(0, n);
const para = (text: string): ReportBlock => ({ type: 'paragraph', text });
const heading = (level: 1 | 2 | 3 | 4, number: string, text: string): ReportBlock => ({ type: 'heading', level, kind: null, text, number, runInBody: null, hint: null });
const role = (r: 'attachment' | 'signature' | 'date', text: string): ReportBlock => ({ type: 'role', role: r, text });
const lines = (n: number, text = '一行'): ReportBlock[] => Array.from({ length: n }, () => para(text));
const isLevel1 = (blocks: readonly ReportBlock[]) => (b: number) => blocks[b]?.type === 'heading' && (blocks[b] as { level: number }).level === 1;

/** Layout and markers of a report titled 工作总结 (title + empty line take the first two rows). */
function layoutOf(blocks: ReportBlock[]) {
  const layout = new PageEstimator(P).estimate({ title: '工作总结', blocks });
  const starts = pageStarts(layout);
  return { layout, starts, markers: pageMarkers(starts, isLevel1(blocks)) };
}

test('a page that starts with a paragraph is marked at the top of that paragraph', () => {
  // Title, empty line and 21 one-line paragraphs: the 21st (block 20) opens page 2.
  const { layout, markers } = layoutOf([...lines(21), para(C(70))]);
  assert.equal(layout.estimate.pages, 2);
  assert.deepEqual(markers, [{ page: 2, block: 20, at: 'start', line: 0 }]);
});

test('a page that starts inside a paragraph is marked above the line it starts with', () => {
  // 20 one-line paragraphs fill page 1; a 60-line paragraph runs over pages 2, 3 and 4.
  const { layout, markers } = layoutOf([...lines(20), para(C(28 * 60))]);
  assert.equal(layout.estimate.pages, 4);
  assert.deepEqual(
    markers.map((m) => [m.page, m.block, m.at, m.line]),
    [
      [2, 20, 'start', 0],
      [3, 20, 'start', 22],
      [4, 20, 'start', 44],
    ],
  );
  // Line 22 of the paragraph is where the export's page 3 starts: 22 lines after page 2's first.
  assert.equal(layout.estimate.breaks[1]?.line, 22);
});

test('a level-1 heading moved to the next page is marked at the bottom of the block before it', () => {
  const blocks = [...lines(19, C(20)), heading(1, '一、', '主要工作'), para('正文')];
  const { starts, markers } = layoutOf(blocks);
  // The heading (block 19) would end page 1: it moves to page 2 with its text.
  assert.deepEqual(starts, [{ page: 2, block: 19, line: 0 }]);
  assert.deepEqual(markers, [{ page: 2, block: 18, at: 'end', line: 0 }]);
  // A level-2 heading carries its own marker.
  const level2 = [...lines(19, C(20)), heading(2, '（一）', '加强领导'), para('正文')];
  assert.deepEqual(layoutOf(level2).markers, [{ page: 2, block: 19, at: 'start', line: 0 }]);
});

test('a page that starts on the empty line the export inserts before 附件说明 starts at the 附件说明 in the editor', () => {
  const blocks = [...lines(20), role('attachment', '附件：1.统计表\n2.台账')];
  const { layout, starts } = layoutOf(blocks);
  assert.equal(layout.estimate.breaks[0]?.block, null);
  assert.deepEqual(starts, [{ page: 2, block: 20, line: 0 }]);
});

test('the cached estimator equals the export’s estimate and re-breaks only changed paragraphs', () => {
  const blocks: ReportBlock[] = [role('attachment', '附件：1.统计表'), ...lines(30, C(200)), heading(1, '一、', '主要工作'), ...lines(40, C(90)), role('signature', '某某局'), role('date', '2025年7月1日')];
  blocks.shift();
  const estimator = new PageEstimator(P);
  const first = estimator.estimate({ title: '2025年上半年工作总结', blocks });
  assert.deepEqual(first.estimate, estimatePages({ title: '2025年上半年工作总结', blocks }, P));
  const again = estimator.estimate({ title: '2025年上半年工作总结', blocks });
  assert.equal(estimator.lastBroken, 0);
  assert.deepEqual(again.estimate, first.estimate);
  // One paragraph grows by three lines: only it is broken into lines again.
  const edited = blocks.map((b, i) => (i === 5 ? para(C(200 + 84)) : b));
  const after = estimator.estimate({ title: '2025年上半年工作总结', blocks: edited });
  assert.equal(estimator.lastBroken, 1);
  assert.deepEqual(after.estimate, estimatePages({ title: '2025年上半年工作总结', blocks: edited }, P));
  assert.equal(after.estimate.lines.reduce((a, b) => a + b, 0), first.estimate.lines.reduce((a, b) => a + b, 0) + 3);
});

test('the count’s tooltip names the profile and its grid', () => {
  assert.match(pagesTitle(P), /GB\/T 9704.*每页 22 行，每行 28 字/);
});

test('the first count of a long report can be spread over several calls, each breaking what time allows', () => {
  const blocks: ReportBlock[] = [...Array.from({ length: 60 }, (_, i) => para(C(100 + i))), heading(1, '一、', '主要工作'), ...Array.from({ length: 60 }, (_, i) => para(C(300 + i)))];
  const estimator = new PageEstimator(P);
  let calls = 0;
  let layout = null;
  // A deadline that runs out after every paragraph: one paragraph per call.
  while (!layout && calls < 1000) {
    layout = estimator.estimate({ title: '工作总结', blocks }, () => true);
    calls += 1;
  }
  assert.ok(calls > 100, `${calls} calls`);
  assert.deepEqual(layout?.estimate, estimatePages({ title: '工作总结', blocks }, P));
  // Everything is counted now: the next call breaks nothing, whatever the deadline says.
  assert.ok(estimator.estimate({ title: '工作总结', blocks }, () => true));
  assert.equal(estimator.lastBroken, 0);
});
