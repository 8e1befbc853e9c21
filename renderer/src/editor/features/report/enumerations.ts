// 重排“一是、二是”: makes the in-paragraph enumerations (一是/二是, 一要/二要, 第一/第二) of the
// section at the caret continuous again after a point was deleted or moved, using the shared
// findEnumerations of @common/numbering. A "section" here is the smallest one: from a heading to
// the next heading of any level (the 导语 before the first heading is one too), so each
// subsection's own 一是 … 二是 list is counted on its own.
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import type { ElementNode, LexicalNode, TextNode } from 'lexical';
import { findEnumerations } from '@common/numbering';
import { $headingOf } from './numbers';
import { $isRoleBlockNode } from './RoleBlockNode';

/** One smallest section: the heading that opens it (null for the 导语) and its body blocks. */
export interface EnumerationSection {
  head: LexicalNode | null;
  /** Body blocks in order; a run-in heading's paragraph counts as the first (its body is text too). */
  blocks: ElementNode[];
}

/** Every smallest section of the document (headings of any level and role blocks end one). */
export function $enumerationSections(): EnumerationSection[] {
  const out: EnumerationSection[] = [];
  let current: EnumerationSection = { head: null, blocks: [] };
  for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) {
    if ($isRoleBlockNode(node)) {
      out.push(current);
      current = { head: null, blocks: [] };
      continue;
    }
    const heading = $headingOf(node);
    if (heading) {
      out.push(current);
      current = { head: node, blocks: [] };
      if (!heading.runIn) continue;
    }
    if ($isElementNode(node)) current.blocks.push(node);
  }
  out.push(current);
  return out.filter((s) => s.blocks.length > 0);
}

/** The body blocks of the smallest section holding a block (its heading's section for a heading). */
export function $enumerationSection(block: LexicalNode): ElementNode[] {
  const key = block.getKey();
  const section = $enumerationSections().find((s) => s.head?.getKey() === key || s.blocks.some((b) => b.getKey() === key));
  return section?.blocks ?? [];
}

/** The leaf holding a character offset of an element's text, with the offset inside it. */
function $leafAt(element: ElementNode, offset: number): { node: LexicalNode; at: number } | null {
  let left = offset;
  const walk = (parent: ElementNode): { node: LexicalNode; at: number } | null => {
    for (const child of parent.getChildren()) {
      if ($isElementNode(child)) {
        const found = walk(child);
        if (found) return found;
        continue;
      }
      const size = child.getTextContentSize();
      if (left < size) return { node: child, at: left };
      left -= size;
    }
    return null;
  };
  return walk(element);
}

/**
 * Renumbers the enumeration lists of the given blocks in place (formatting kept: only the item
 * words change). Returns how many item words changed.
 */
export function $renumberEnumerations(blocks: readonly ElementNode[]): number {
  const texts = blocks.map((b) => b.getTextContent());
  const wrong = findEnumerations(texts).filter((item) => item.found !== item.expected);
  // Right to left within a block, so earlier offsets stay valid when a word changes length.
  wrong.sort((a, b) => a.paragraph - b.paragraph || b.offset - a.offset);
  let changed = 0;
  for (const item of wrong) {
    const block = blocks[item.paragraph];
    if (!block) continue;
    const leaf = $leafAt(block, item.offset);
    if (!leaf || !$isTextNode(leaf.node)) continue;
    const text: TextNode = leaf.node;
    if (text.getTextContent().slice(leaf.at, leaf.at + item.found.length) !== item.found) continue; // split across runs
    text.spliceText(leaf.at, item.found.length, item.expected, false);
    changed += 1;
  }
  return changed;
}

/** True when a section's enumerations break their sequence (一是 … 三是). */
export function $sectionHasBrokenEnumeration(blocks: readonly ElementNode[]): boolean {
  return findEnumerations(blocks.map((b) => b.getTextContent())).some((item) => item.found !== item.expected);
}
