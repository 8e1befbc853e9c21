import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentFromParagraphs } from '@common/documentModel';
import type { DocumentContent } from '@common/documentModel';
import { headingNode, outlineOf, runInParagraphNode } from '@common/reportModel';
import { applyPreviewEdit } from './previewEdits';

function sample(): DocumentContent {
  const base = contentFromParagraphs(['今年以来，我局认真落实各项部署。', '组织学习12次。']);
  base.root.children.splice(1, 0, headingNode(1, '主要工作', { kind: 'situation' }));
  base.root.children.push(runInParagraphNode(2, '高度重视。', '成立领导小组。'), headingNode(1, '下步打算', { kind: 'plan' }));
  return base;
}

test('changing a level renumbers the outline the preview shows', () => {
  const edited = applyPreviewEdit(sample(), { heading: 2, level: 2 });
  assert.deepEqual(outlineOf(edited).map((h) => h.number), ['一、', '（一）', '（二）']);
});

test('marking a heading as body keeps its words in the text', () => {
  const edited = applyPreviewEdit(sample(), { heading: 1, body: true });
  assert.deepEqual(outlineOf(edited).map((h) => h.text), ['主要工作', '下步打算']);
  assert.equal(JSON.stringify(edited).includes('高度重视。'), true);
  assert.equal(JSON.stringify(edited).includes('成立领导小组。'), true);
});

test('kind changes apply to level 1 only, and the input is left as it was', () => {
  const original = sample();
  const before = JSON.stringify(original);
  const edited = applyPreviewEdit(original, { heading: 0, kind: 'achievements' });
  assert.equal(outlineOf(edited)[0]?.kind, 'achievements');
  assert.equal(JSON.stringify(original), before);
});
