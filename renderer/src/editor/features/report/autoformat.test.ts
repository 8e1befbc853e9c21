// Marker autoformat: typing 二、 （三） 1. （1） (and variants) at a paragraph's start makes it a
// heading without the marker; one undo gives the typed text back; nothing happens while an IME
// composition is open, only once it ends; a finished sentence plus body becomes a run-in heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createParagraphNode, $createTextNode, $getRoot, $setCompositionKey, $getSelection, $isRangeSelection, COMPOSITION_END_TAG, UNDO_COMMAND, REDO_COMMAND } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { fieldParagraphNode, headingNode, runInParagraphNode } from '@common/reportModel';
import { paragraphNode } from '@common/documentModel';
import { LOAD_TAG } from '../../plugins/AutosavePlugin';
import { registerAutoformat } from './ReportPlugin';
import { settle, stored, testEditor } from './testEditor';

/** An editor with history and autoformat, holding one paragraph with the caret at `caret`. */
function setup(text: string, caret = text.length): LexicalEditor {
  const editor = testEditor();
  registerHistory(editor, createEmptyHistoryState(), 0);
  registerAutoformat(editor, { dom: false });
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      const node = $createTextNode(text);
      paragraph.append(node);
      $getRoot().clear().append(paragraph);
      node.select(caret, caret);
    },
    { discrete: true, tag: ['history-push', LOAD_TAG] },
  );
  return editor;
}

/** Types text at the caret as one update (a keystroke). */
function type(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(text);
    },
    { discrete: true },
  );
}

test('typing 二、 at the start of an empty paragraph makes a level-1 heading; Ctrl+Z gives 二、 back', async () => {
  const editor = setup('二');
  type(editor, '、');
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '')]);
  type(editor, '主要成效');
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '主要成效')]);
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  await settle();
  assert.deepEqual(stored(editor).root.children, [paragraphNode('二、')], 'one undo step restores the typed marker');
  // The restored marker is not converted again.
  await settle();
  assert.deepEqual(stored(editor).root.children, [paragraphNode('二、')]);
  editor.dispatchCommand(REDO_COMMAND, undefined);
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '')]);
});

test('every level and the common variants', async () => {
  const cases: [string, string, 1 | 2 | 3 | 4][] = [
    ['（三', '）', 2],
    ['(三', ')', 2],
    ['1', '.', 3],
    ['1', '、', 3],
    ['12', '．', 3],
    ['（1', '）', 4],
    ['(2', ')', 4],
    ['十一', '、', 1],
  ];
  for (const [before, last, level] of cases) {
    const editor = setup(before);
    type(editor, last);
    await settle();
    assert.deepEqual(stored(editor).root.children, [headingNode(level, '')], `${before}${last}`);
  }
});

test('not a marker, not at the start, or text typed after: nothing happens', async () => {
  for (const [before, last] of [['一', '是'], ['第一', '、'], ['2025', '.'], ['1', '.5'], ['我们', '、']] as const) {
    const editor = setup(before);
    type(editor, last);
    await settle();
    assert.deepEqual(stored(editor).root.children, [paragraphNode(before + last)], `${before}${last}`);
  }
});

test('a marker typed before existing text: heading, or run-in heading when a sentence and body follow', async () => {
  const plain = setup('主要工作', 0);
  type(plain, '一、');
  await settle();
  assert.deepEqual(stored(plain).root.children, [headingNode(1, '主要工作')]);

  const runIn = setup('高度重视，专题研究部署。根据上级要求，制定方案。', 0);
  type(runIn, '（一）');
  await settle();
  assert.deepEqual(stored(runIn).root.children, [runInParagraphNode(2, '高度重视，专题研究部署。', '根据上级要求，制定方案。')]);

  // A single sentence is a plain heading.
  const one = setup('压实责任。', 0);
  type(one, '1.');
  await settle();
  assert.deepEqual(stored(one).root.children, [headingNode(3, '压实责任。')]);
});

test('never while composing: （一） converts only when the composition ends', async () => {
  const editor = setup('');
  editor.update(
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      selection.insertText('（一）');
      const node = selection.anchor.getNode();
      $setCompositionKey(node.getKey());
    },
    { discrete: true },
  );
  await settle();
  assert.equal(editor.isComposing(), true);
  assert.deepEqual(stored(editor).root.children, [fieldParagraphNode('（一）')], 'no conversion during composition');
  editor.update(() => $setCompositionKey(null), { discrete: true, tag: COMPOSITION_END_TAG });
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(2, '')]);
});

test('a heading typed on past its 。 becomes a run-in heading; Ctrl+Z keeps it whole', async () => {
  const editor = setup('二');
  type(editor, '、');
  await settle();
  type(editor, '安全形势持续稳定。');
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '安全形势持续稳定。')], 'a finished sentence alone is still a heading');
  type(editor, '上');
  await settle();
  assert.deepEqual(stored(editor).root.children, [runInParagraphNode(1, '安全形势持续稳定。', '上')]);
  type(editor, '半年未发生事故。');
  await settle();
  assert.deepEqual(stored(editor).root.children, [runInParagraphNode(1, '安全形势持续稳定。', '上半年未发生事故。')], 'the caret stayed in the body');
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  await settle();
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '安全形势持续稳定。上')]);
});
