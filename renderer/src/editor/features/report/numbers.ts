// Heading numbers from position: which root blocks are headings (wg-heading blocks and paragraphs
// opening with a wg-runin), their levels, and the markers numberHeadings gives them — the same
// function export and the CLI use, so the screen never disagrees with the Word file.
import { $getRoot, $isElementNode } from 'lexical';
import type { LexicalNode, NodeKey } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import { numberHeadings } from '@common/numbering';

/** One numbered heading of the document. */
export interface HeadingEntry {
  /** Key of the node that shows the number: the wg-heading, or the wg-runin inside its paragraph. */
  key: NodeKey;
  /** Key of the root child (the heading block, or the run-in heading's paragraph). */
  blockKey: NodeKey;
  level: HeadingLevel;
  runIn: boolean;
}

/** A node with a heading level (wg-heading or wg-runin); checked by type to keep imports acyclic. */
interface Leveled extends LexicalNode {
  getLevel(): HeadingLevel;
}

/** The heading level of a root child, with the node that shows its number, or null for body blocks. */
export function $headingOf(block: LexicalNode): { node: Leveled; level: HeadingLevel; runIn: boolean } | null {
  const type = block.getType();
  if (type === 'wg-heading') return { node: block as Leveled, level: (block as Leveled).getLevel(), runIn: false };
  if (type === 'paragraph' && $isElementNode(block)) {
    const first = block.getFirstChild();
    if (first && first.getType() === 'wg-runin') return { node: first as Leveled, level: (first as Leveled).getLevel(), runIn: true };
  }
  return null;
}

/** Every heading of the document in order (inside a read or update). */
export function $headingEntries(): HeadingEntry[] {
  const out: HeadingEntry[] = [];
  let block = $getRoot().getFirstChild();
  while (block) {
    const heading = $headingOf(block);
    if (heading) out.push({ key: heading.node.getKey(), blockKey: block.getKey(), level: heading.level, runIn: heading.runIn });
    block = block.getNextSibling();
  }
  return out;
}

/** The markers of the headings, in order (一、 （一） 1. （1）). */
export function $headingNumbers(): { entries: HeadingEntry[]; numbers: string[] } {
  const entries = $headingEntries();
  return { entries, numbers: numberHeadings(entries.map((e) => e.level)) };
}

/** The marker a heading (wg-heading or wg-runin) has at its position, or '' when it is not numbered. */
export function $numberOf(node: LexicalNode): string {
  const { entries, numbers } = $headingNumbers();
  const index = entries.findIndex((e) => e.key === node.getKey());
  return index < 0 ? '' : (numbers[index] ?? '');
}
