// Prepares a stored document for the editor: node types the editor does not know are turned into
// plain paragraphs and text (keeping every character), Lexical headings of documents written
// before the report nodes become wg-heading (level from the tag, a typed marker such as "一、"
// removed because numbers are computed), and an empty document gets the one empty paragraph the
// caret needs. Pure.
import { documentParagraphs, paragraphNode, textNode } from '@common/documentModel';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import type { HeadingLevel } from '@common/numbering';
import { parseMarker } from '@common/numbering';
import { knownBlockTypes, knownInlineElementTypes, knownInlineTypes } from './nodes';

/** The editor's initial state for a document, and whether anything had to be simplified. */
export interface PreparedContent {
  /** Serialized editor state to pass to LexicalComposer. */
  json: string;
  /** True when unknown node types were converted to plain paragraphs/text. */
  simplified: boolean;
}

function inlineText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (node.type === 'wg-field') return `{{${typeof node.name === 'string' ? node.name : ''}}}`;
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(inlineText).join('');
}

function isKnownInline(node: SerializedNode): boolean {
  return knownInlineTypes.has(node.type) && !(node.children?.length);
}

/** True when a block's children are all loadable (a wg-runin only as a paragraph's first child). */
function childrenLoadable(block: SerializedNode): boolean {
  return (block.children ?? []).every(
    (child, index) =>
      isKnownInline(child) ||
      (knownInlineElementTypes.has(child.type) && index === 0 && block.type === 'paragraph' && (child.children ?? []).every(isKnownInline)),
  );
}

/** Removes the first `length` characters from the leading text nodes of inline children. */
export function stripLeadingChars(children: readonly SerializedNode[], length: number): SerializedNode[] {
  let left = length;
  const out: SerializedNode[] = [];
  for (const child of children) {
    if (left > 0 && child.type === 'text' && typeof child.text === 'string') {
      const cut = Math.min(left, child.text.length);
      left -= cut;
      if (cut < child.text.length) out.push({ ...child, text: child.text.slice(cut) });
      continue;
    }
    left = 0;
    out.push(child);
  }
  return out;
}

/** The text at the start of inline children up to the first non-text node. */
function leadingText(children: readonly SerializedNode[]): string {
  let out = '';
  for (const child of children) {
    if (child.type !== 'text' || typeof child.text !== 'string') break;
    out += child.text;
  }
  return out;
}

/** A Lexical `heading` (h1–h6) as a wg-heading: h1 → level 1 … h4–h6 → level 4; a typed marker wins. */
function fromLexicalHeading(block: SerializedNode): SerializedNode {
  const tagLevel = Math.min(4, Math.max(1, Number(String(block.tag ?? 'h1').slice(1)) || 1)) as HeadingLevel;
  const original = block.children ?? [];
  const marker = parseMarker(leadingText(original));
  const children = marker ? stripLeadingChars(original, marker.length) : original;
  return {
    type: 'wg-heading',
    version: 1,
    level: marker ? marker.level : tagLevel,
    kind: null,
    children,
    direction: block.direction ?? null,
    format: typeof block.format === 'string' ? block.format : '',
    indent: typeof block.indent === 'number' ? block.indent : 0,
  };
}

/** Converts a stored document into the editor's initial state. */
export function prepareContent(content: DocumentContent): PreparedContent {
  let simplified = false;
  const blocks: SerializedNode[] = [];
  for (const original of content.root.children) {
    const block = original.type === 'heading' && typeof original.tag === 'string' && /^h[1-6]$/.test(original.tag) ? fromLexicalHeading(original) : original;
    if (knownBlockTypes.has(block.type) && childrenLoadable(block)) {
      blocks.push(block);
      continue;
    }
    simplified = true;
    if (knownBlockTypes.has(block.type) && (block.children ?? []).every((c) => !c.children?.some((g) => !knownInlineTypes.has(g.type) || g.children))) {
      // A known block with unknown inline wrappers (links, marks): keep the block, flatten inlines.
      const children = (block.children ?? []).flatMap((c) =>
        isKnownInline(c) ? [c] : [{ ...textNode(inlineText(c), typeof c.format === 'number' ? c.format : 0) }],
      );
      blocks.push({ ...block, children });
      continue;
    }
    const doc = { root: { type: 'root' as const, version: 1, children: [block] } };
    for (const text of documentParagraphs(doc)) blocks.push(paragraphNode(text));
  }
  if (blocks.length === 0) blocks.push(paragraphNode(''));
  const root = { ...content.root, children: blocks };
  return { json: JSON.stringify({ root }), simplified };
}

/** True when a stored document has any text. */
export function contentHasText(content: DocumentContent): boolean {
  return documentParagraphs(content).some((p) => p.trim().length > 0);
}
