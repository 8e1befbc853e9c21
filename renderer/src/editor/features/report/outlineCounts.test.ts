// The live outline's remembered counts give exactly core's outlineOf, before and after edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphNode } from '@common/documentModel';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import { fieldParagraphNode, headingNode, outlineOf, roleBlockNode, runInParagraphNode } from '@common/reportModel';
import type { FieldValues } from '@common/reportModel';
import { outlineWithCounts } from './outlineCounts';

function doc(children: SerializedNode[]): DocumentContent {
  return { root: { type: 'root', version: 1, children } };
}

test('outlineWithCounts equals outlineOf', () => {
  const blocks = [
    fieldParagraphNode('{{单位}}今年以来，认真贯彻落实。'),
    headingNode(1, '主要工作', { kind: 'situation' }),
    runInParagraphNode(2, '抓学习AB。', 'CD开展学习12次，一是学理论，二是学业务。'),
    headingNode(3, '完善制度'),
    paragraphNode('修订制度5项，word count 3 words.'),
    headingNode(2, '强作风'),
    paragraphNode(''),
    headingNode(1, '存在的问题', { target: 600 }),
    paragraphNode('调研不够深入。'),
    roleBlockNode('signature', '{{单位}}'),
  ];
  for (const fields of [{}, { 单位: '某某局' }] as FieldValues[]) {
    assert.deepEqual(outlineWithCounts(doc(blocks), fields), outlineOf(doc(blocks), fields));
  }
  // After an edit (cached counts for unchanged blocks are reused).
  const edited = [...blocks];
  edited[4] = paragraphNode('修订制度5项，新增8项。');
  assert.deepEqual(outlineWithCounts(doc(edited)), outlineOf(doc(edited)));
});
