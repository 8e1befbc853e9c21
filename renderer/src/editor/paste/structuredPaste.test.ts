// Structured paste: which pastes are recognised (several paragraphs into an empty document only),
// the recognised report replacing the plain paste as a second undo step, and the plain paste kept
// whenever the document changed meanwhile or recognition found nothing to add.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $getRoot, UNDO_COMMAND } from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { ImportPreview } from '@common/contract';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import { paragraphNode } from '@common/documentModel';
import { fieldParagraphNode, headingNode, roleBlockNode, runInParagraphNode } from '@common/reportModel';
import { settle, stored, testEditor } from '../features/report/testEditor';
import { $insertBlocks } from './insert';
import { blocksFromText } from './sanitize';
import type { Block } from './sanitize';
import { $isBodyEmpty, applyRecognition, blocksText, recognisedBlocks, recognisedNotice, recognitionAddsStructure, shouldRecognisePaste } from './structuredPaste';
import type { PendingRecognition } from './structuredPaste';

const pastedText = [
  '当前位置：首页 > 工作动态',
  '关于2025年上半年工作情况的报告',
  '今年以来，我局认真贯彻落实各项部署。现将有关情况报告如下：',
  '一、主要工作及成效',
  '（一）抓好理论学习。全年组织集中学习12次。',
  '二、存在的问题',
  '调研不够深入。',
  '某某市某某局',
  '2025年7月1日',
].join('\n');

/** What import.recognise answers for pastedText (built by hand: the renderer never imports core). */
function preview(): ImportPreview {
  const children: SerializedNode[] = [
    fieldParagraphNode('今年以来，我局认真贯彻落实各项部署。现将有关情况报告如下：'),
    headingNode(1, '主要工作及成效', { kind: 'situation' }),
    runInParagraphNode(2, '抓好理论学习。', '全年组织集中学习12次。'),
    headingNode(1, '存在的问题', { kind: 'shortcomings' }),
    fieldParagraphNode('调研不够深入。'),
    roleBlockNode('signature', '某某市某某局'),
    roleBlockNode('date', '2025年7月1日'),
  ];
  const content: DocumentContent = { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
  return {
    title: '关于2025年上半年工作情况的报告',
    content,
    outline: [
      { level: 1, text: '主要工作及成效', kind: 'situation' },
      { level: 2, text: '抓好理论学习', kind: null },
      { level: 1, text: '存在的问题', kind: 'shortcomings' },
    ],
    paragraphs: 3,
    removed: ['当前位置：首页 > 工作动态'],
    duplicates: [],
    fixes: [],
    encoding: null,
  };
}

/** Block types and texts of the editor's body. */
function body(editor: LexicalEditor): string[] {
  return stored(editor).root.children.map((node) => `${node.type}:${textOf(node)}`);
}

function textOf(node: SerializedNode): string {
  return typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('');
}

/** Pastes text as the plugin does: plain blocks first; returns the pending recognition if it qualifies. */
function paste(editor: LexicalEditor, text: string): PendingRecognition | null {
  const blocks = blocksFromText(text);
  let pending: PendingRecognition | null = null;
  editor.update(
    () => {
      const empty = $isBodyEmpty();
      if ($insertBlocks(editor, blocks) && shouldRecognisePaste(empty, blocks)) pending = { text: $getRoot().getTextContent(), blocks, documentTitle: '' };
    },
    { discrete: true },
  );
  return pending;
}

function historyEditor(blocks: SerializedNode[] = [paragraphNode('')]): LexicalEditor {
  const editor = testEditor(blocks);
  registerHistory(editor, createEmptyHistoryState(), 0);
  // The caret arrives first (a click into the page), as in the app: history then knows the empty state.
  editor.update(() => $getRoot().selectEnd(), { discrete: true });
  return editor;
}

const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'paragraph', runs: [{ text, bold: false }] }));

test('only a paste of several paragraphs into an empty document is recognised', () => {
  assert.equal(shouldRecognisePaste(true, lines('第一段。', '第二段。', '第三段。')), true);
  assert.equal(shouldRecognisePaste(true, lines('一、主要工作', '组织学习12次。')), true, 'two lines, one with a heading marker');
  assert.equal(shouldRecognisePaste(true, lines('第一段。', '第二段。')), false, 'two plain lines stay a plain paste');
  assert.equal(shouldRecognisePaste(true, lines('一、主要工作')), false, 'a single line is never recognised');
  assert.equal(shouldRecognisePaste(false, lines('一、主要工作', '（一）抓学习', '组织学习12次。', '二、下一步打算')), false, 'a non-empty document keeps the plain paste');
});

test('an empty document is one holding only empty paragraphs', () => {
  const read = (editor: LexicalEditor): boolean => editor.getEditorState().read(() => $isBodyEmpty());
  assert.equal(read(testEditor([paragraphNode('')])), true);
  assert.equal(read(testEditor([paragraphNode(''), paragraphNode('  ')])), true);
  assert.equal(read(testEditor([paragraphNode('已有正文。')])), false);
  assert.equal(read(testEditor([headingNode(1, '主要工作')])), false);
  assert.equal(read(testEditor([paragraphNode(''), roleBlockNode('date', '')])), false, 'a role block is content');
});

test('paste into an empty document: recognised report, first Ctrl+Z gives the plain paste, second removes it', async () => {
  const editor = historyEditor();
  const pending = paste(editor, pastedText);
  assert.ok(pending, 'the paste qualifies');
  const plain = body(editor);
  assert.equal(plain.length, 9);
  assert.ok(plain.every((b) => b.startsWith('paragraph:')));

  assert.equal(applyRecognition(editor, pending, preview()), true);
  assert.deepEqual(body(editor), [
    'paragraph:关于2025年上半年工作情况的报告',
    'paragraph:今年以来，我局认真贯彻落实各项部署。现将有关情况报告如下：',
    'wg-heading:主要工作及成效',
    'paragraph:抓好理论学习。全年组织集中学习12次。',
    'wg-heading:存在的问题',
    'paragraph:调研不够深入。',
    'wg-block:某某市某某局',
    'wg-block:2025年7月1日',
  ]);
  assert.equal(stored(editor).root.children[2]?.level, 1);
  assert.equal(stored(editor).root.children[3]?.children?.[0]?.type, 'wg-runin');

  editor.dispatchCommand(UNDO_COMMAND, undefined);
  await settle();
  assert.deepEqual(body(editor), plain, 'first undo: the plain paste, junk line included');
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  await settle();
  assert.deepEqual(body(editor), ['paragraph:'], 'second undo: the paste is gone');
});

test('the plain paste stays when the document changed before recognition came back', () => {
  const editor = historyEditor();
  const pending = paste(editor, pastedText);
  assert.ok(pending);
  editor.update(() => $getRoot().getLastChildOrThrow().selectEnd().insertText('又打了几个字'), { discrete: true });
  const typed = body(editor);
  assert.equal(applyRecognition(editor, pending, preview()), false);
  assert.deepEqual(body(editor), typed, 'nothing the writer typed is lost');
});

test('a non-empty document keeps the plain paste', () => {
  const editor = historyEditor([paragraphNode('已有正文。')]);
  assert.equal(paste(editor, pastedText), null);
  assert.ok(body(editor).every((b) => b.startsWith('paragraph:')));
});

test('recognition that adds nothing, or fewer headings than the paste had, is not applied', () => {
  const nothing: ImportPreview = { ...preview(), title: null, outline: [], removed: [], content: { root: { ...preview().content.root, children: [fieldParagraphNode('第一段。')] } } };
  assert.equal(recognitionAddsStructure(nothing, lines('第一段。', '第二段。', '第三段。')), false);
  const styled: Block[] = [
    { kind: 'h1', runs: [{ text: '主要工作', bold: false }] },
    { kind: 'h2', runs: [{ text: '抓学习', bold: false }] },
    { kind: 'h2', runs: [{ text: '抓作风', bold: false }] },
    { kind: 'h1', runs: [{ text: '存在问题', bold: false }] },
  ];
  assert.equal(recognitionAddsStructure(preview(), styled), false, 'four styled headings are never traded for three');
  assert.equal(recognitionAddsStructure(preview(), lines('a', 'b', 'c')), true);
});

test('the notice says how many headings were found and how many junk lines were dropped', () => {
  assert.equal(recognisedNotice(preview()), '已按公文结构识别：3 个标题，删除 1 行网页杂项');
  assert.equal(recognisedNotice({ ...preview(), removed: [], duplicates: [{ text: '重复的一段话很长很长。', count: 3 }] }), '已按公文结构识别：3 个标题，去掉 2 段重复内容');
  assert.equal(blocksText(lines('一、甲', '乙')), '一、甲\n乙');
});

test('bold pasted in a body paragraph survives recognition', () => {
  const pasted: Block[] = [
    { kind: 'paragraph', runs: [{ text: '今年以来，我局认真贯彻落实', bold: false }, { text: '各项部署', bold: true }, { text: '。现将有关情况报告如下：', bold: false }] },
  ];
  const blocks = recognisedBlocks(preview(), pasted);
  const opening = blocks[1]?.children ?? [];
  assert.deepEqual(opening.map((n) => [n.text, n.format]), [['今年以来，我局认真贯彻落实', 0], ['各项部署', 1], ['。现将有关情况报告如下：', 0]]);
  assert.equal(blocks.length, 8);
});

test('a recognised title that repeats the document title is not pasted again, and the notice says so', () => {
  const title = '关于2025年上半年工作情况的报告';
  assert.equal(recognisedBlocks(preview(), [], title).length, 7, 'the title line is left out');
  assert.equal(recognisedBlocks(preview(), [], '另一个标题').length, 8, 'a different title is kept as the first paragraph');
  assert.equal(recognisedNotice(preview(), title), '已按公文结构识别：3 个标题，去掉与文稿标题相同的 1 行，删除 1 行网页杂项');
});
