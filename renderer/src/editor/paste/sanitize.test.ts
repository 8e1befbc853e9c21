// Paste sanitising on real-looking clipboard HTML from Word, WPS, web pages and Google Docs,
// parsed by happy-dom (through @lexical/headless/dom) and inserted into a headless Lexical editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { documentContentSchema, documentParagraphs } from '@common/documentModel';
import type { SerializedNode } from '@common/documentModel';
import { editorNodes } from '../nodes';
import { $insertBlocks } from './insert';
import { MAX_PASTE_CHARS, blocksFromHtml, blocksFromText, planPaste } from './sanitize';
import type { Block, TreeNode } from './sanitize';

/** Asserts a value is present (tests use this instead of `!`). */
function must<T>(value: T | null | undefined): T {
  assert.ok(value !== null && value !== undefined, 'expected a value');
  return value;
}

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function parse(html: string): Block[] {
  return withDOM((window) => {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    return blocksFromHtml(doc as unknown as TreeNode).blocks;
  });
}

function texts(blocks: Block[]): string[] {
  return blocks.map((b) => b.runs.map((r) => r.text).join(''));
}

test('Word HTML: paragraphs and the heading survive; styles, images, XML islands and fillers do not', () => {
  const blocks = parse(fixture('word.html'));
  assert.deepEqual(texts(blocks), [
    '关于2025年上半年工作情况的报告',
    '今年以来，在市委、市政府的坚强领导下，我局坚持稳中求进工作总基调，各项工作取得明显成效。现将有关情况报告如下：',
    '一、主要工作',
    '（一）抓好理论学习。全年组织集中学习12次，覆盖干部职工300余人次，撰写心得体会86篇。',
    '1. 完善制度建设。',
    '（二）强化作风建设。Word and WPS 都要兼容。',
    '指标',
    '完成率98%',
    '特此报告。',
  ]);
  assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'paragraph', 'h1', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  const heading = must(blocks[2]);
  assert.equal(heading.runs.every((r) => !r.bold), true, 'headings carry no bold of their own');
  assert.deepEqual(must(blocks[3]).runs, [
    { text: '（一）抓好理论学习。', bold: true },
    { text: '全年组织集中学习12次，覆盖干部职工300余人次，撰写心得体会86篇。', bold: false },
  ]);
  const all = texts(blocks).join('\n');
  assert.doesNotMatch(all, /mso|font|Normal|clip_image|隐藏的批注|panose|\u00a0/);
});

test('WPS HTML: paragraphs and bold kept, colours and fonts dropped', () => {
  const blocks = parse(fixture('wps.html'));
  assert.deepEqual(blocks, [
    { kind: 'paragraph', runs: [{ text: '二、存在的问题', bold: false }] },
    {
      kind: 'paragraph',
      runs: [
        { text: '一是', bold: false },
        { text: '统筹谋划不够', bold: true },
        { text: '。个别单位重部署、轻落实。', bold: false },
      ],
    },
  ]);
});

test('web page: full-width indents trimmed, <br> splits paragraphs, script text never pasted', () => {
  const blocks = parse(fixture('web.html'));
  assert.deepEqual(texts(blocks), [
    '据新华社北京电　近日，有关部门印发通知。',
    '通知要求，各地要认真贯彻落实。',
    '第二段紧随换行。',
    '要点一',
    '要点二',
    '二级标题',
    '四级标题变正文',
    '第一行',
    '第二行',
  ]);
  assert.equal(must(blocks[5]).kind, 'h2');
  // Four heading levels now exist (（1）), so <h4> is a level-4 heading; h5/h6 stay body text.
  assert.equal(must(blocks[6]).kind, 'h4');
  assert.deepEqual(must(blocks[0]).runs[0], { text: '据新华社北京电', bold: true });
});

test('Google Docs: the wrapping <b style="font-weight:normal"> does not make everything bold', () => {
  const blocks = parse(fixture('gdocs.html'));
  assert.deepEqual(blocks, [
    { kind: 'paragraph', runs: [{ text: '普通文字', bold: false }, { text: '加粗文字', bold: true }] },
  ]);
});

test('source line breaks between Chinese characters are not turned into spaces', () => {
  const blocks = parse('<p>第一\n行<span>\n继续</span> and\nLatin words</p>');
  assert.deepEqual(texts(blocks), ['第一行继续 and Latin words']);
});

test('plain text: one paragraph per non-empty line, indents trimmed', () => {
  assert.deepEqual(texts(blocksFromText('\uFEFF　　第一段。\r\n\r\n  第二段。\n\u3000\n')), ['第一段。', '第二段。']);
});

test('a paste over 1,000,000 characters is refused without parsing', () => {
  let parsed = false;
  const plan = planPaste('字'.repeat(MAX_PASTE_CHARS + 1), '<p>x</p>', () => {
    parsed = true;
    return null;
  });
  assert.equal(plan.action, 'refuse');
  assert.equal(parsed, false);
  assert.match((plan as { message: string }).message, /100 万字/);
});

test('HTML whose text exceeds the cap is refused even when plain text is missing', () => {
  const html = `<p>${'文'.repeat(600_000)}</p><p>${'字'.repeat(600_000)}</p>`;
  const plan = withDOM((window) => planPaste('', html, (h) => new window.DOMParser().parseFromString(h, 'text/html') as unknown as TreeNode));
  assert.equal(plan.action, 'refuse');
});

test('a paste just under the cap is accepted', () => {
  const plan = planPaste('字'.repeat(MAX_PASTE_CHARS), '', () => null);
  assert.equal(plan.action, 'insert');
});

test('HTML without text falls back to the plain text', () => {
  const plan = planPaste('纯文本', '<img src="x.png">', (h) => withDOM((w) => new w.DOMParser().parseFromString(h, 'text/html') as unknown as TreeNode));
  assert.deepEqual(plan, { action: 'insert', blocks: [{ kind: 'paragraph', runs: [{ text: '纯文本', bold: false }] }] });
});

function collect(node: SerializedNode, out: SerializedNode[] = []): SerializedNode[] {
  out.push(node);
  for (const child of node.children ?? []) collect(child, out);
  return out;
}

test('inserted into Lexical: paragraphs split at the caret, no styles in the stored JSON', () => {
  const editor = createHeadlessEditor({ nodes: [...editorNodes], onError: (e) => assert.fail(e) });
  editor.update(
    () => {
      const p = $createParagraphNode();
      const text = $createTextNode('前文后文');
      p.append(text);
      $getRoot().append(p);
      text.select(2, 2);
    },
    { discrete: true },
  );
  const blocks = parse(fixture('word.html'));
  editor.update(() => void $insertBlocks(editor, blocks), { discrete: true });
  const json = editor.getEditorState().toJSON() as unknown as Parameters<typeof documentContentSchema.parse>[0];
  const content = documentContentSchema.parse(json);
  const paragraphs = documentParagraphs(content);
  assert.equal(paragraphs[0], '前文关于2025年上半年工作情况的报告');
  assert.equal(paragraphs.at(-1), '特此报告。后文');
  assert.equal(paragraphs.length, 9);
  const nodes = content.root.children.flatMap((c) => collect(c));
  assert.deepEqual([...new Set(nodes.map((n) => n.type))].sort(), ['paragraph', 'text', 'wg-heading']);
  for (const n of nodes) {
    if (n.type === 'text') {
      assert.equal(n.style, '');
      assert.ok(n.format === 0 || n.format === 1, 'only bold survives');
    }
  }
  assert.doesNotMatch(JSON.stringify(content), /color|font-family|mso-|MsoNormal/);
});

test('a single pasted paragraph goes inline into the current paragraph', () => {
  const editor = createHeadlessEditor({ nodes: [...editorNodes], onError: (e) => assert.fail(e) });
  editor.update(
    () => {
      const p = $createParagraphNode();
      const text = $createTextNode('前后');
      p.append(text);
      $getRoot().append(p);
      text.select(1, 1);
    },
    { discrete: true },
  );
  editor.update(() => void $insertBlocks(editor, blocksFromText('中间')), { discrete: true });
  const content = documentContentSchema.parse(editor.getEditorState().toJSON());
  assert.deepEqual(documentParagraphs(content), ['前中间后']);
});
