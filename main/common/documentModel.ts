// The stored document: the Lexical editor's serialized JSON, validated here so core can read it
// without a DOM (search text, counts, and later export and proofreading).
import { z } from 'zod';
import { splitParagraphs } from './text';

/** Longest title, in characters. */
export const MAX_TITLE_CHARS = 200;
/** Largest serialized document, in characters of JSON (about 4 MB of Chinese text). */
export const MAX_CONTENT_JSON_CHARS = 6_000_000;
/** Deepest node nesting accepted in a document. */
export const MAX_NODE_DEPTH = 32;

/** One serialized Lexical node: known fields checked, unknown fields (node-specific) kept. */
export interface SerializedNode {
  type: string;
  version: number;
  text?: string;
  children?: SerializedNode[];
  [key: string]: unknown;
}

/** Schema of one serialized node (recursive). */
export const nodeSchema: z.ZodType<SerializedNode> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1).max(64),
    version: z.number().int().nonnegative(),
    text: z.string().optional(),
    children: z.array(nodeSchema).optional(),
  }),
);

/** Schema of a whole stored document (Lexical SerializedEditorState). */
export const documentContentSchema = z
  .object({
    root: z.looseObject({
      type: z.literal('root'),
      version: z.number().int().nonnegative(),
      children: z.array(nodeSchema),
    }),
  })
  .superRefine((doc, ctx) => {
    const tooDeep = (node: SerializedNode, depth: number): boolean =>
      depth > MAX_NODE_DEPTH || (node.children ?? []).some((c) => tooDeep(c, depth + 1));
    if (doc.root.children.some((c) => tooDeep(c, 1))) {
      ctx.addIssue({ code: 'custom', message: `文稿结构嵌套超过 ${MAX_NODE_DEPTH} 层` });
      return;
    }
    // Enforce MAX_CONTENT_JSON_CHARS on every transport (direct calls have no body limit): an
    // estimate of the JSON size from string lengths, far cheaper than serialising.
    let size = 0;
    const measure = (node: SerializedNode): void => {
      for (const [key, value] of Object.entries(node)) size += key.length + 4 + (typeof value === 'string' ? value.length : 8);
      for (const child of node.children ?? []) measure(child);
    };
    doc.root.children.forEach(measure);
    if (size > MAX_CONTENT_JSON_CHARS) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: MAX_CONTENT_JSON_CHARS, inclusive: true, message: '文稿内容过大，请拆分成几篇后再保存。' });
    }
  });

/** A stored document's content. */
export type DocumentContent = z.infer<typeof documentContentSchema>;

const inlineTypes = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'mark', 'field']);

/** Collects the text of an inline subtree. */
function inlineText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(inlineText).join('');
}

/** The document's paragraphs as plain text, one string per block (headings, paragraphs, list items). */
export function documentParagraphs(content: DocumentContent): string[] {
  const out: string[] = [];
  const walk = (node: SerializedNode): void => {
    const children = node.children ?? [];
    const hasBlockChild = children.some((c) => !inlineTypes.has(c.type));
    if (hasBlockChild) {
      for (const child of children) {
        if (inlineTypes.has(child.type)) out.push(inlineText(child));
        else walk(child);
      }
    } else {
      out.push(children.map(inlineText).join(''));
    }
  };
  for (const block of content.root.children) {
    if (inlineTypes.has(block.type)) out.push(inlineText(block));
    else walk(block);
  }
  return out;
}

/** The document as plain text: blocks separated by newlines. */
export function documentPlainText(content: DocumentContent): string {
  return documentParagraphs(content).join('\n');
}

/** A serialized text node with default formatting. */
export function textNode(text: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

/** A serialized paragraph holding plain text (empty text gives an empty paragraph). */
export function paragraphNode(text: string): SerializedNode {
  return {
    type: 'paragraph',
    version: 1,
    children: text ? [textNode(text)] : [],
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  };
}

/** A document with one paragraph per entry. */
export function contentFromParagraphs(paragraphs: readonly string[]): DocumentContent {
  return {
    root: {
      type: 'root',
      version: 1,
      children: paragraphs.map(paragraphNode),
      direction: null,
      format: '',
      indent: 0,
    },
  };
}

/** A document from plain text: one paragraph per non-empty line. */
export function contentFromText(text: string): DocumentContent {
  return contentFromParagraphs(splitParagraphs(text));
}

/** An empty document (what a new document starts with). */
export function emptyContent(): DocumentContent {
  return contentFromParagraphs([]);
}
