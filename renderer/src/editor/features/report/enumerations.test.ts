// 重排“一是、二是”: the section at the caret gets continuous enumerations, formatting and other
// sections untouched; broken sections are found for the outline's offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $getRoot } from 'lexical';
import { paragraphNode, textNode } from '@common/documentModel';
import { headingNode, runInParagraphNode } from '@common/reportModel';
import { $renumberAtCaret } from '../../commands';
import { $enumerationSections, $sectionHasBrokenEnumeration } from './enumerations';
import { stored, testEditor } from './testEditor';

const blocks = [
  paragraphNode('今年以来，一是抓学习，三是抓落实。'),
  headingNode(1, '主要工作'),
  paragraphNode('一是健全制度，完善机制。'),
  { ...paragraphNode(''), children: [textNode('三是', 1), textNode('强化督查，四是严格考核。')] },
  runInParagraphNode(2, '压实责任。', '一要明确分工，三要跟踪问效。'),
  headingNode(1, '下步打算'),
  paragraphNode('第一，抓整改；第三，抓提升。'),
];

test('broken sections are found', () => {
  const editor = testEditor(blocks);
  const broken = editor.getEditorState().read(() => $enumerationSections().map((s) => [s.head?.getTextContent() ?? '导语', $sectionHasBrokenEnumeration(s.blocks)]));
  assert.deepEqual(broken, [
    ['导语', true],
    ['主要工作', true],
    ['压实责任。一要明确分工，三要跟踪问效。', true],
    ['下步打算', true],
  ]);
});

test('the command renumbers only the section at the caret and keeps formatting', () => {
  const editor = testEditor(blocks);
  editor.update(
    () => {
      $getRoot().getChildAtIndex(3)?.selectEnd();
      assert.equal($renumberAtCaret(), 2);
    },
    { discrete: true },
  );
  const children = stored(editor).root.children;
  assert.deepEqual(children[3]?.children, [textNode('二是', 1), textNode('强化督查，三是严格考核。')]);
  assert.equal(children[0]?.children?.[0]?.text, '今年以来，一是抓学习，三是抓落实。', 'the 导语 is another section');
  assert.equal(children[4]?.children?.[1]?.text, '一要明确分工，三要跟踪问效。', 'the run-in subsection is its own section');
  // In the run-in paragraph (its sentence is the section's lead-in).
  editor.update(
    () => {
      $getRoot().getChildAtIndex(4)?.selectEnd();
      assert.equal($renumberAtCaret(), 1);
      $getRoot().getChildAtIndex(6)?.selectEnd();
      assert.equal($renumberAtCaret(), 1);
    },
    { discrete: true },
  );
  const after = stored(editor).root.children;
  assert.equal(after[4]?.children?.[1]?.text, '一要明确分工，二要跟踪问效。');
  assert.equal(after[6]?.children?.[0]?.text, '第一，抓整改；第二，抓提升。');
});
