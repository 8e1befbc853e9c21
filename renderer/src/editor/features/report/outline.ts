// The outline of the document in the editor: the same reading as core's documents.outline
// (outlineOf / reportOutline of @common/reportModel: numbers, Word's character count per section,
// section kinds stored or guessed from the words, the completeness hint), computed from a light
// serialization of the live editor state rather than a save (section sizes from remembered
// per-block counts, outlineCounts.ts), plus which sections have a broken 一是/二是 sequence.
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode } from 'lexical';
import type { LexicalNode, NodeKey } from 'lexical';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import type { HeadingLevel } from '@common/numbering';
import { reportOutline } from '@common/reportModel';
import type { FieldValues, SectionKind } from '@common/reportModel';
import { $enumerationSections } from './enumerations';
import { $isFieldNode } from './FieldNode';
import { cachedBrokenEnumeration, cachedGuessKind, outlineWithCounts } from './outlineCounts';

/** One heading of the outline panel. */
export interface OutlineItem {
  /** Key of the heading's root block (the wg-heading, or the run-in heading's paragraph). */
  blockKey: NodeKey;
  level: HeadingLevel;
  /** The computed marker: 一、 （一） 1. （1）. */
  number: string;
  text: string;
  /** Level 1: the stored kind, else the kind the words suggest, else null. */
  kind: SectionKind | null;
  /** True when the kind was guessed from the words (none stored). */
  kindGuessed: boolean;
  /** Characters (Word's count) of the section body, subsections included. */
  chars: number;
  /** Suggested maximum of chars, from the template. */
  target: number | null;
  runIn: boolean;
  /** The section's own body has an enumeration out of sequence (一是 … 三是). */
  brokenEnumeration: boolean;
}

/** The outline panel's data. */
export interface EditorOutline {
  items: OutlineItem[];
  /** Parts a summary or report lacks (shortcomings, plan). */
  missing: SectionKind[];
  /** The 导语 (text before the first heading) has a broken enumeration. */
  introBrokenEnumeration: boolean;
  /** Every field name the document uses, in order of first use. */
  fieldNames: string[];
}

/** A node as reportModel reads it: type, the report attributes, text and children. */
function $light(node: LexicalNode, names: Set<string>): SerializedNode {
  if ($isTextNode(node)) return { type: 'text', version: 1, text: node.getTextContent() };
  if ($isLineBreakNode(node)) return { type: 'linebreak', version: 1 };
  if ($isFieldNode(node)) {
    const name = node.getName();
    names.add(name);
    return { type: 'wg-field', version: 1, name };
  }
  if (!$isElementNode(node)) return { type: node.getType(), version: 1, text: node.getTextContent() };
  const out: SerializedNode = { type: node.getType(), version: 1, children: node.getChildren().map((c) => $light(c, names)) };
  const attrs = node as unknown as { __level?: unknown; __kind?: unknown; __hint?: unknown; __target?: unknown; __role?: unknown };
  if (attrs.__level !== undefined) out.level = attrs.__level;
  if (attrs.__kind !== undefined) out.kind = attrs.__kind;
  if (attrs.__hint) out.hint = attrs.__hint;
  if (attrs.__target) out.target = attrs.__target;
  if (attrs.__role !== undefined) out.role = attrs.__role;
  return out;
}

/** The live document as reportModel reads it, with the key of every root block (inside a read). */
export function $outlineSource(): { content: DocumentContent; keys: NodeKey[]; fieldNames: string[] } {
  const names = new Set<string>();
  const keys: NodeKey[] = [];
  const children: SerializedNode[] = [];
  for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) {
    keys.push(node.getKey());
    children.push($light(node.getLatest(), names));
  }
  return { content: { root: { type: 'root', version: 1, children } }, keys, fieldNames: [...names] };
}

/** The outline of the live document (inside a read with the editor, so fields read their values). */
export function $editorOutline(title: string, fields: FieldValues): EditorOutline {
  const { content, keys, fieldNames } = $outlineSource();
  const headings = outlineWithCounts(content, fields);
  const broken = new Set<NodeKey>();
  let introBroken = false;
  for (const section of $enumerationSections()) {
    if (!cachedBrokenEnumeration(section.blocks.map((b) => b.getTextContent()))) continue;
    if (section.head) broken.add(section.head.getKey());
    else introBroken = true;
  }
  const items = headings.map((h): OutlineItem => {
    const blockKey = keys[h.block] ?? '';
    return {
      blockKey,
      level: h.level,
      number: h.number,
      text: h.text,
      kind: h.level === 1 ? (h.kind ?? cachedGuessKind(h.text)) : null,
      kindGuessed: h.kind === null,
      chars: h.chars,
      target: h.target ?? null,
      runIn: h.runIn,
      brokenEnumeration: broken.has(blockKey),
    };
  });
  // The completeness hint reads only the title and the headings: give it just those.
  const headingBlocks = headings.map((h) => content.root.children[h.block]).filter((b): b is SerializedNode => b !== undefined);
  const { missing } = reportOutline(title, { root: { ...content.root, children: headingBlocks } }, fields);
  return { items, missing, introBrokenEnumeration: introBroken, fieldNames };
}
