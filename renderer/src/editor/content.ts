// Prepares a stored document for the editor: node types the editor does not know are turned into
// plain paragraphs and text (keeping every character), and an empty document gets the one empty
// paragraph the caret needs. Pure.
import { documentParagraphs, paragraphNode, textNode } from '@common/documentModel';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import { knownBlockTypes, knownInlineTypes } from './nodes';

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
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(inlineText).join('');
}

function isKnownInline(node: SerializedNode): boolean {
  return knownInlineTypes.has(node.type) && !(node.children?.length);
}

/** Converts a stored document into the editor's initial state. */
export function prepareContent(content: DocumentContent): PreparedContent {
  let simplified = false;
  const blocks: SerializedNode[] = [];
  for (const block of content.root.children) {
    if (knownBlockTypes.has(block.type) && (block.children ?? []).every(isKnownInline)) {
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
