// Snippets in the editor: the typeahead trigger (ASCII, full-width and IME 、、), what a
// body inserts as once fields are filled, insertion at the caret (replacing the trigger), the
// section the caret is in, and the selection read back as a snippet body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import type { ElementNode } from 'lexical';
import { documentParagraphs, paragraphNode, textNode } from '@common/documentModel';
import { fieldParagraphNode, headingNode } from '@common/reportModel';
import { stored, testEditor } from '../report/testEditor';
import { initialFieldValues, parseTags, snippetParagraphs, snippetPlainText, titleFromText } from './fill';
import { $insertSnippet, $sectionAtCaret, $selectionSnippetBody, snippetKindForSection } from './snippetEditing';
import { findTrigger } from './trigger';

test('"//", full-width "／／" and the IME\'s "、、" open the picker with what follows as the query', () => {
  assert.deepEqual(findTrigger('我们//stfz'), { start: 2, trigger: '//', query: 'stfz' });
  assert.deepEqual(findTrigger('我们／／stfz'), { start: 2, trigger: '／／', query: 'stfz' });
  assert.deepEqual(findTrigger('我们、、守土'), { start: 2, trigger: '、、', query: '守土' });
  assert.deepEqual(findTrigger('//'), { start: 0, trigger: '//', query: '' });
  assert.deepEqual(findTrigger('开头、、'), { start: 2, trigger: '、、', query: '' });
});

test('no trigger: URLs, three slashes, a single mark, punctuation or space after the query', () => {
  assert.equal(findTrigger('见 http://example'), null);
  assert.equal(findTrigger('///abc'), null);
  assert.equal(findTrigger('甲、乙、丙'), null);
  assert.equal(findTrigger('一/二'), null);
  assert.equal(findTrigger('//stfz，'), null);
  assert.equal(findTrigger('//stfz 然后'), null);
  assert.equal(findTrigger(`//${'a'.repeat(21)}`), null);
  assert.equal(findTrigger('没有触发'), null);
});

test('the field prompt starts from the document\'s values; filled → text, empty or the document\'s own value → chip', () => {
  assert.deepEqual(initialFieldValues('{{单位}}开展{{数量}}次，{{单位}}', { 单位: ' 某某局 ', 年度: '2025' }), { 单位: '某某局', 数量: '' });
  const paragraphs = snippetParagraphs('{{单位}}开展学习{{数量}}次，覆盖{{人数}}人。\n\n第二段。', { 单位: '某某局', 数量: '12', 人数: '' }, { 单位: '某某局' });
  assert.deepEqual(paragraphs, [
    [{ type: 'field', name: '单位' }, { type: 'text', text: '开展学习12次，覆盖' }, { type: 'field', name: '人数' }, { type: 'text', text: '人。' }],
    [{ type: 'text', text: '第二段。' }],
  ]);
  assert.equal(snippetPlainText(paragraphs, { 单位: '某某局' }), '某某局开展学习12次，覆盖{{人数}}人。\n第二段。');
  // A value typed over the document's one is this insertion's own text.
  assert.deepEqual(snippetParagraphs('{{单位}}', { 单位: '某某县' }, { 单位: '某某局' }), [[{ type: 'text', text: '某某县' }]]);
});

test('title from the selection start, tags from one box', () => {
  assert.equal(titleFromText('坚持守土有责、守土负责。把意识形态工作抓实。'), '坚持守土有责、守土负责');
  assert.equal(titleFromText('{{单位}}党组高度重视意识形态工作，把它作为重要政治任务。'), '单位党组高度重视意识形态工作');
  assert.deepEqual(parseTags('学习， 教育 学习、考核'), ['学习', '教育', '考核']);
});

/** The first text node's key of the root's first paragraph. */
function firstTextKey(editor: ReturnType<typeof testEditor>): string {
  return editor.getEditorState().read(() => {
    const block = $getRoot().getFirstChild() as ElementNode;
    const text = block.getFirstChild();
    assert.ok($isTextNode(text));
    return text.getKey();
  });
}

test('a one-paragraph snippet goes in at the caret, replacing the trigger text, fields as chips', () => {
  const editor = testEditor([paragraphNode('前文//stfz后文')]);
  const key = firstTextKey(editor);
  editor.update(
    () => {
      const paragraphs = snippetParagraphs('守土负责，{{单位}}在行动。', {}, {});
      assert.ok($insertSnippet(editor, paragraphs, { key, start: 2, end: 8, text: '//stfz' }));
    },
    { discrete: true },
  );
  const [block] = stored(editor).root.children;
  assert.deepEqual(block?.children, [textNode('前文守土负责，'), { type: 'wg-field', version: 1, name: '单位' }, textNode('在行动。后文')]);
});

test('a multi-paragraph snippet splits the paragraph at the caret', () => {
  const editor = testEditor([paragraphNode('前文后文')]);
  const key = firstTextKey(editor);
  editor.update(
    () => {
      const block = $getRoot().getFirstChild();
      assert.ok($isElementNode(block));
      const text = block.getFirstChild();
      assert.ok($isTextNode(text));
      text.select(2, 2);
      assert.ok($insertSnippet(editor, snippetParagraphs('第一段。\n第二段。'), null));
      void key;
    },
    { discrete: true },
  );
  assert.deepEqual(documentParagraphs(stored(editor)), ['前文第一段。', '第二段。后文']);
});

test('the caret\'s section: its level-1 heading\'s kind (stored or guessed); before any heading → 开头', () => {
  const editor = testEditor([
    fieldParagraphNode('导语。'),
    headingNode(1, '主要工作', { kind: 'situation' }),
    fieldParagraphNode('正文。'),
    headingNode(1, '存在的问题和不足'),
    headingNode(2, '学习不够'),
    fieldParagraphNode('问题正文。'),
  ]);
  const at = (index: number) =>
    editor.update(
      () => {
        const block = $getRoot().getChildAtIndex(index);
        assert.ok($isElementNode(block));
        block.selectEnd();
        return undefined;
      },
      { discrete: true },
    );
  const read = () => editor.getEditorState().read(() => $sectionAtCaret());
  at(0);
  assert.deepEqual(read(), { kind: null, inSection: false });
  assert.equal(snippetKindForSection(read()), 'opening');
  at(2);
  assert.deepEqual(read(), { kind: 'situation', inSection: true });
  at(5);
  assert.deepEqual(read(), { kind: 'shortcomings', inSection: true });
  assert.equal(snippetKindForSection(read()), 'shortcomings');
});

test('the selection reads back as a snippet body with fields as {{name}} and paragraphs on lines', () => {
  const editor = testEditor([fieldParagraphNode('{{单位}}高度重视学习。'), fieldParagraphNode('第二段文字。')]);
  editor.update(
    () => {
      const root = $getRoot();
      const first = root.getFirstChild();
      const last = root.getLastChild();
      assert.ok($isElementNode(first) && $isElementNode(last));
      const selection = first.select(0, 0);
      const lastText = last.getFirstChild();
      assert.ok($isTextNode(lastText));
      selection.focus.set(lastText.getKey(), 3, 'text');
    },
    { discrete: true },
  );
  assert.equal(editor.getEditorState().read(() => $selectionSnippetBody(editor), { editor }), '{{单位}}高度重视学习。\n第二段');
});
