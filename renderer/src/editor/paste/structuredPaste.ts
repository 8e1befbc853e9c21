// Structure recognition of a paste into an empty document, as Word's autoformat: the paste is
// first inserted as plain paragraphs (its own undo step); the core's recogniser (import.recognise,
// format 'paste') then reads it, and when it found headings or web junk the plain paragraphs are
// replaced by the recognised report in a second update pushed as its own history entry. So the
// first Ctrl+Z gives back the plain paste and the second removes it. The replacement only happens
// while the document still holds exactly the pasted text: a keystroke, another paste or a failed
// call leave the plain paste as it is, so no text is ever lost.
import { $getRoot, $isElementNode, $parseSerializedNode, HISTORY_PUSH_TAG, PASTE_TAG } from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { ImportPreview } from '@common/contract';
import type { SerializedNode } from '@common/documentModel';
import { paragraphNode, textNode } from '@common/documentModel';
import { parseMarker } from '@common/numbering';
import { prepareContent } from '../content';
import type { Block } from './sanitize';

/** Update tag of the replacement by the recognised structure. */
export const STRUCTURED_PASTE_TAG = 'wengao-structured-paste';

/** Fewest pasted paragraphs that are recognised without a heading marker among them. */
export const MIN_RECOGNISED_LINES = 3;

/** True when the document body holds no text: only empty paragraphs (or nothing). Inside a read or update. */
export function $isBodyEmpty(): boolean {
  return $getRoot()
    .getChildren()
    .every((child) => $isElementNode(child) && child.getType() === 'paragraph' && child.getTextContent().trim() === '');
}

/** The text of pasted blocks, one line per block, as the recogniser reads pasted text. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.runs.map((run) => run.text).join('')).join('\n');
}

/**
 * Whether a paste should be recognised as a report: only into an empty document, and only when it
 * has several paragraphs (3 or more) or at least two with a heading marker ("一、" "（二）" …) on one.
 */
export function shouldRecognisePaste(bodyEmpty: boolean, blocks: readonly Block[]): boolean {
  if (!bodyEmpty || blocks.length < 2) return false;
  if (blocks.length >= MIN_RECOGNISED_LINES) return true;
  return blocks.some((block) => parseMarker(block.runs.map((run) => run.text).join('').trim()) !== null);
}

/**
 * Whether the recognised report should replace the plain paste: it must have found something
 * (a heading, junk, a repeat or a 署名/日期 block), and at least as many headings as the paste
 * already carried (a Word paste's styled headings are never traded for fewer).
 */
export function recognitionAddsStructure(preview: ImportPreview, blocks: readonly Block[]): boolean {
  const pastedHeadings = blocks.filter((block) => block.kind !== 'paragraph').length;
  if (preview.outline.length < pastedHeadings) return false;
  const roleBlocks = preview.content.root.children.filter((node) => node.type === 'wg-block').length;
  return preview.outline.length > 0 || preview.removed.length > 0 || preview.duplicates.length > 0 || roleBlocks > 0;
}

/** True when the recognised title repeats the document's own title (it is then not pasted again). */
export function repeatsDocumentTitle(preview: ImportPreview, documentTitle: string): boolean {
  return preview.title !== null && documentTitle.trim() !== '' && preview.title.trim() === documentTitle.trim();
}

/** The notice shown after a recognised paste: what was recognised and what was dropped. */
export function recognisedNotice(preview: ImportPreview, documentTitle = ''): string {
  const parts = [`已按公文结构识别：${preview.outline.length} 个标题`];
  if (repeatsDocumentTitle(preview, documentTitle)) parts.push('去掉与文稿标题相同的 1 行');
  if (preview.removed.length > 0) parts.push(`删除 ${preview.removed.length} 行网页杂项`);
  const repeats = preview.duplicates.reduce((sum, d) => sum + d.count - 1, 0);
  if (repeats > 0) parts.push(`去掉 ${repeats} 段重复内容`);
  return parts.join('，');
}

/**
 * The blocks that replace the plain paste: the recognised title (kept as the first paragraph: the
 * document's own title is never changed by a paste; left out when it is that title), then the
 * report, prepared as a stored document is for loading. A body paragraph the recogniser left as it
 * was pasted gets its bold runs back (recognition reads text only).
 */
export function recognisedBlocks(preview: ImportPreview, pasted: readonly Block[] = [], documentTitle = ''): SerializedNode[] {
  const bold = new Map<string, Block>();
  for (const block of pasted) if (block.kind === 'paragraph' && block.runs.some((run) => run.bold)) bold.set(block.runs.map((run) => run.text).join(''), block);
  const body = preview.content.root.children.map((node) => {
    const block = node.type === 'paragraph' && (node.children ?? []).every((child) => child.type === 'text') ? bold.get((node.children ?? []).map((child) => child.text ?? '').join('')) : undefined;
    return block ? { ...node, children: block.runs.filter((run) => run.text).map((run) => textNode(run.text, run.bold ? 1 : 0)) } : node;
  });
  const title = preview.title && !repeatsDocumentTitle(preview, documentTitle) ? [paragraphNode(preview.title)] : [];
  const children = [...title, ...body];
  const prepared = JSON.parse(prepareContent({ root: { ...preview.content.root, children } }).json) as { root: { children: SerializedNode[] } };
  return prepared.root.children;
}

/** Replaces the whole body with serialized blocks and puts the caret at the end (inside an update). */
export function $replaceBody(blocks: readonly SerializedNode[]): void {
  const root = $getRoot();
  root.clear();
  for (const block of blocks) root.append($parseSerializedNode(block as Parameters<typeof $parseSerializedNode>[0]));
  root.selectEnd();
}

/** A plain paste waiting for its recognition. */
export interface PendingRecognition {
  /** Body text right after the plain paste: the replacement happens only while it is unchanged. */
  text: string;
  blocks: readonly Block[];
  /** The document's title when the paste was made. */
  documentTitle: string;
}

/**
 * Applies a recognition to the editor if the document still holds exactly the plain paste; returns
 * true when the body was replaced (as its own undo step).
 */
export function applyRecognition(editor: LexicalEditor, pending: PendingRecognition, preview: ImportPreview): boolean {
  if (editor.isComposing() || !recognitionAddsStructure(preview, pending.blocks)) return false;
  const unchanged = editor.getEditorState().read(() => $getRoot().getTextContent() === pending.text);
  if (!unchanged) return false;
  const blocks = recognisedBlocks(preview, pending.blocks, pending.documentTitle);
  if (blocks.length === 0) return false;
  editor.update(() => $replaceBody(blocks), { tag: [HISTORY_PUSH_TAG, PASTE_TAG, STRUCTURED_PASTE_TAG], discrete: true });
  return true;
}
