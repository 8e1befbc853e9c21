// The report nodes serialize to exactly reportModel's shapes; numbering follows position after
// moves, deletes and promotions; structural commands; old Lexical headings load as wg-heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode } from 'lexical';
import type { ElementNode } from 'lexical';
import { paragraphNode, textNode } from '@common/documentModel';
import type { SerializedNode } from '@common/documentModel';
import {
  fieldNode,
  fieldParagraphNode,
  headingNode,
  outlineOf,
  roleBlockNode,
  runInParagraphNode,
} from '@common/reportModel';
import { $createFieldNode } from './FieldNode';
import { $headingNumbers } from './numbers';
import { $createReportHeadingNode } from './ReportHeadingNode';
import { $createRoleBlockNode } from './RoleBlockNode';
import { $createRunInNode } from './RunInNode';
import { $moveSection, $moveSectionBy, $sectionBlocks, $setBlockHeading, $setBlockParagraph, $setBlockRole, $shiftBlockLevel } from './structure';
import { stored, testEditor } from './testEditor';

/** Asserts a value is present. */
function must<T>(value: T | null | undefined): T {
  assert.ok(value !== null && value !== undefined, 'expected a value');
  return value;
}

const scaffold: SerializedNode[] = [
  roleBlockNode('addressee', '{{上级单位}}：'),
  fieldParagraphNode('{{年度}}年上半年，{{单位}}认真贯彻落实各项部署。现将有关情况报告如下：'),
  headingNode(1, '主要工作开展情况', { kind: 'situation' }),
  headingNode(2, '聚焦重点任务', { hint: '对照年初工作要点逐项写。' }),
  fieldParagraphNode(''),
  runInParagraphNode(2, '创新方法举措。', '一是建立台账，二是定期调度。'),
  headingNode(1, '存在的问题和不足', { kind: 'shortcomings', hint: '实事求是写两到三个问题。', target: 600 }),
  fieldParagraphNode('调研不够深入。'),
  headingNode(1, '下半年工作打算', { kind: 'plan' }),
  headingNode(2, '抓好整改'),
  headingNode(3, '建立清单'),
  headingNode(4, '按月销号'),
  roleBlockNode('signature', '{{单位}}'),
  roleBlockNode('date', '{{成文日期}}'),
];

/** The numbers and heading texts of the editor's document, in order. */
function numbered(editor: ReturnType<typeof testEditor>): string[] {
  return editor.getEditorState().read(() => {
    const { entries, numbers } = $headingNumbers();
    return entries.map((e, i) => `${numbers[i]}${must($getNodeByKey(e.key)).getTextContent()}`);
  });
}

test('report content loads and saves back exactly as reportModel builds it', () => {
  const editor = testEditor(scaffold);
  assert.deepEqual(stored(editor).root.children, scaffold);
});

test('nodes created in the editor export exactly reportModel shapes', () => {
  const editor = testEditor();
  editor.update(
    () => {
      const heading = $createReportHeadingNode(1, 'plan');
      heading.append($createTextNode('下步打算'));
      const sub = $createReportHeadingNode(3, 'plan'); // a kind below level 1 is dropped
      sub.append($createTextNode('建立清单'));
      const runIn = $createRunInNode(2);
      runIn.append($createTextNode('高度重视。'));
      const paragraph = $createParagraphNode();
      paragraph.append(runIn, $createTextNode('根据'), $createFieldNode('单位'), $createTextNode('安排。'));
      const role = $createRoleBlockNode('date');
      role.append($createFieldNode('成文日期'));
      $getRoot().clear().append(heading, sub, paragraph, role);
    },
    { discrete: true },
  );
  const children = stored(editor).root.children;
  assert.deepEqual(children[0], headingNode(1, '下步打算', { kind: 'plan' }));
  assert.deepEqual(children[1], headingNode(3, '建立清单'));
  assert.deepEqual(children[2], runInParagraphNode(2, '高度重视。', '根据{{单位}}安排。'));
  assert.deepEqual(children[3], roleBlockNode('date', '{{成文日期}}'));
  assert.deepEqual(must(children[2]?.children)[2], fieldNode('单位'));
});

test('numbers follow position: 一、（一）（二）二、三、（一）1.（1）', () => {
  const editor = testEditor(scaffold);
  assert.deepEqual(numbered(editor), [
    '一、主要工作开展情况',
    '（一）聚焦重点任务',
    '（二）创新方法举措。',
    '二、存在的问题和不足',
    '三、下半年工作打算',
    '（一）抓好整改',
    '1.建立清单',
    '（1）按月销号',
  ]);
  // The same numbers as core's outline (one source of truth).
  assert.deepEqual(
    outlineOf(stored(editor)).map((h) => h.number),
    ['一、', '（一）', '（二）', '二、', '三、', '（一）', '1.', '（1）'],
  );
});

/** The key of the root child whose text starts with text. */
function keyOf(editor: ReturnType<typeof testEditor>, text: string): string {
  return editor.getEditorState().read(() => must($getRoot().getChildren().find((c) => c.getTextContent().startsWith(text))).getKey());
}

test('moving a section moves its subsections and paragraphs; numbers follow', () => {
  const editor = testEditor(scaffold);
  const plan = keyOf(editor, '下半年工作打算');
  const first = keyOf(editor, '主要工作开展情况');
  editor.update(() => assert.equal($sectionBlocks(must($getNodeByKey(plan))).length, 4), { discrete: true });
  editor.update(() => assert.ok($moveSection(plan, first)), { discrete: true });
  assert.deepEqual(numbered(editor).slice(0, 5), ['一、下半年工作打算', '（一）抓好整改', '1.建立清单', '（1）按月销号', '二、主要工作开展情况']);
  const blocks = stored(editor).root.children;
  // Addressee and opening stay first, signature and date last.
  assert.equal(blocks[0]?.type, 'wg-block');
  assert.equal(blocks.at(-1)?.role, 'date');
  assert.equal(blocks.at(-2)?.role, 'signature');
  // A section cannot be moved into itself.
  editor.update(() => assert.equal($moveSection(plan, keyOf(editor, '建立清单')), false), { discrete: true });
  // To the end: before the closing role blocks.
  editor.update(() => assert.ok($moveSection(plan, null)), { discrete: true });
  assert.deepEqual(numbered(editor).slice(-4), ['三、下半年工作打算', '（一）抓好整改', '1.建立清单', '（1）按月销号']);
  assert.deepEqual(stored(editor).root.children.at(-3), headingNode(4, '按月销号'));
});

test('move up/down among sections of the same level', () => {
  const editor = testEditor(scaffold);
  const problems = keyOf(editor, '存在的问题和不足');
  editor.update(() => assert.ok($moveSectionBy(problems, -1)), { discrete: true });
  assert.deepEqual(numbered(editor).filter((n) => /^[一二三]、/.test(n)), ['一、存在的问题和不足', '二、主要工作开展情况', '三、下半年工作打算']);
  editor.update(() => assert.equal($moveSectionBy(problems, -1), false), { discrete: true });
  editor.update(() => assert.ok($moveSectionBy(problems, 1)), { discrete: true });
  editor.update(() => assert.ok($moveSectionBy(problems, 1)), { discrete: true });
  assert.deepEqual(numbered(editor).filter((n) => /^[一二三]、/.test(n)), ['一、主要工作开展情况', '二、下半年工作打算', '三、存在的问题和不足']);
  // The moved section took its paragraph along and stays before 署名.
  const texts = editor.getEditorState().read(() => $getRoot().getChildren().map((c) => c.getTextContent()));
  assert.deepEqual(texts.slice(-4), ['存在的问题和不足', '调研不够深入。', '{{单位}}', '{{成文日期}}']);
});

test('deleting and promoting renumber everything after', () => {
  const editor = testEditor(scaffold);
  editor.update(() => must($getNodeByKey(keyOf(editor, '存在的问题和不足'))).remove(), { discrete: true });
  assert.deepEqual(numbered(editor).filter((n) => /^[一二三]、/.test(n)), ['一、主要工作开展情况', '二、下半年工作打算']);
  editor.update(() => $shiftBlockLevel(must($getNodeByKey(keyOf(editor, '抓好整改'))) as ElementNode, -1), { discrete: true });
  assert.deepEqual(numbered(editor).slice(-4), ['二、下半年工作打算', '三、抓好整改', '1.建立清单', '（1）按月销号']);
  editor.update(() => $shiftBlockLevel(must($getNodeByKey(keyOf(editor, '创新方法举措'))) as ElementNode, 1), { discrete: true });
  assert.deepEqual(numbered(editor).slice(0, 3), ['一、主要工作开展情况', '（一）聚焦重点任务', '1.创新方法举措。']);
  // Level bounds.
  editor.update(() => assert.equal($shiftBlockLevel(must($getNodeByKey(keyOf(editor, '主要工作开展情况'))) as ElementNode, -1), false), { discrete: true });
  editor.update(() => assert.equal($shiftBlockLevel(must($getNodeByKey(keyOf(editor, '按月销号'))) as ElementNode, 1), false), { discrete: true });
});

test('block conversions: paragraph → heading strips a typed marker; heading → 正文; roles', () => {
  const editor = testEditor([paragraphNode('二、主要成效'), paragraphNode('特此报告。'), runInParagraphNode(2, '压实责任。', '一是……')]);
  const [a, b, c] = editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getKey()));
  editor.update(() => {
    $setBlockHeading(must($getNodeByKey(must(a))) as ElementNode, 1);
    $setBlockRole(must($getNodeByKey(must(b))) as ElementNode, 'closing');
    $setBlockParagraph(must($getNodeByKey(must(c))) as ElementNode);
  }, { discrete: true });
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '主要成效'), roleBlockNode('closing', '特此报告。'), fieldParagraphNode('压实责任。一是……')]);
  // 正文 again: the heading loses its number, keeps its text.
  const heading = editor.getEditorState().read(() => must($getRoot().getFirstChild()).getKey());
  editor.update(() => $setBlockParagraph(must($getNodeByKey(heading)) as ElementNode), { discrete: true });
  assert.deepEqual(stored(editor).root.children[0], paragraphNode('主要成效'));
});

test('documents written with Lexical headings open as report headings', () => {
  const old: SerializedNode[] = [
    { type: 'heading', version: 1, tag: 'h1', children: [textNode('一、主要工作')], direction: null, format: '', indent: 0 },
    { type: 'heading', version: 1, tag: 'h2', children: [textNode('抓好学习')], direction: null, format: '', indent: 0 },
    { type: 'heading', version: 1, tag: 'h3', children: [textNode('（二）宣传')], direction: null, format: '', indent: 0 },
    paragraphNode('正文。'),
  ];
  const editor = testEditor(old);
  const blocks = stored(editor).root.children;
  assert.deepEqual(blocks.slice(0, 3), [headingNode(1, '主要工作'), headingNode(2, '抓好学习'), headingNode(2, '宣传')]);
  assert.deepEqual(numbered(editor), ['一、主要工作', '（一）抓好学习', '（二）宣传']);
  editor.getEditorState().read(() => assert.ok($isElementNode($getRoot().getFirstChild())));
});

test('a typed marker removed by 一级标题 keeps the caret at the end of the text (Enter then starts body text)', () => {
  const editor = testEditor([paragraphNode('一、主要工作')]);
  editor.update(
    () => {
      const text = must($getRoot().getFirstDescendant());
      if (!$isTextNode(text)) throw new Error('text expected');
      text.select(6, 6);
      $setBlockHeading(must($getRoot().getFirstChild()) as ElementNode, 1);
      const selection = $getSelection();
      assert.ok($isRangeSelection(selection));
      assert.equal(selection.anchor.offset, 4);
      selection.insertParagraph();
    },
    { discrete: true },
  );
  assert.deepEqual(stored(editor).root.children, [headingNode(1, '主要工作'), paragraphNode('')]);
});
