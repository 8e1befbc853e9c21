// Structural edits of a report, as $functions used inside editor updates: turning blocks into
// headings, body text or role blocks, changing a heading's level or kind, and finding and moving
// whole sections (a heading with everything up to the next heading of the same or a higher
// level). Numbers are never written: they follow from position (numbers.ts).
import { $createParagraphNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isParagraphNode, $isRangeSelection, $isTextNode } from 'lexical';
import type { ElementNode, LexicalNode, NodeKey } from 'lexical';
import type { HeadingLevel, ParsedMarker } from '@common/numbering';
import { parseMarker } from '@common/numbering';
import type { BlockRole, SectionKind } from '@common/reportModel';
import { $headingOf } from './numbers';
import { $createReportHeadingNode, $isReportHeadingNode } from './ReportHeadingNode';
import type { ReportHeadingNode } from './ReportHeadingNode';
import { $createRoleBlockNode, $isRoleBlockNode } from './RoleBlockNode';
import { $isRunInNode } from './RunInNode';
import type { RunInNode } from './RunInNode';

/** The root child holding a node, or null for the root itself. */
export function $blockOf(node: LexicalNode): ElementNode | null {
  if (node.getKey() === 'root') return null;
  const top = node.getTopLevelElement();
  return $isElementNode(top) ? top : null;
}

/** The root children the selection touches, in order (the caret's block when collapsed). */
export function $selectedBlocks(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const seen = new Set<NodeKey>();
  const out: ElementNode[] = [];
  const nodes = selection.isCollapsed() ? [selection.anchor.getNode()] : [selection.anchor.getNode(), ...selection.getNodes(), selection.focus.getNode()];
  for (const node of nodes) {
    const block = $blockOf(node);
    if (block && !seen.has(block.getKey())) {
      seen.add(block.getKey());
      out.push(block);
    }
  }
  return out.sort((a, b) => a.getIndexWithinParent() - b.getIndexWithinParent());
}

/** The heading node (wg-heading, or the wg-runin of a run-in paragraph) of a block, or null. */
export function $headingNodeOf(block: LexicalNode): ReportHeadingNode | RunInNode | null {
  if ($isReportHeadingNode(block)) return block;
  if ($isParagraphNode(block)) {
    const first = block.getFirstChild();
    if ($isRunInNode(first)) return first;
  }
  return null;
}

/** Releases a paragraph's wg-runin into plain text (the paragraph becomes body text). */
export function $unwrapRunIn(paragraph: ElementNode): void {
  const first = paragraph.getFirstChild();
  if (!$isRunInNode(first)) return;
  for (const child of first.getChildren()) first.insertBefore(child);
  first.remove();
}

/** The text at the start of an element up to its first non-text child. */
function $leadingText(element: ElementNode): string {
  let out = '';
  for (let child = element.getFirstChild(); child && $isTextNode(child); child = child.getNextSibling()) out += child.getTextContent();
  return out;
}

/** Removes the first `length` characters of an element's leading text nodes; the caret keeps its place in the text. */
export function $removeLeadingChars(element: ElementNode, length: number): void {
  const selection = $getSelection();
  const points = $isRangeSelection(selection) ? [selection.anchor, selection.focus] : [];
  let left = length;
  let child = element.getFirstChild();
  while (left > 0 && child && $isTextNode(child)) {
    const next = child.getNextSibling();
    const size = child.getTextContentSize();
    const cut = Math.min(size, left);
    const key = child.getKey();
    if (cut === size) child.remove();
    else child.spliceText(0, cut, '', false);
    for (const point of points) {
      if (point.key !== key) continue;
      if (cut === size) point.set(element.getKey(), 0, 'element');
      else point.set(key, Math.max(0, point.offset - cut), 'text');
    }
    left -= cut;
    child = next;
  }
}

/** Removes a typed numbering marker ("一、", "(1)") from the start of a block; returns it. */
export function $stripMarker(element: ElementNode): ParsedMarker | null {
  const marker = parseMarker($leadingText(element));
  if (marker) $removeLeadingChars(element, marker.length);
  return marker;
}

/** Makes a block a heading of a level (a run-in heading keeps its form and changes level). */
export function $setBlockHeading(block: ElementNode, level: HeadingLevel): void {
  const heading = $headingNodeOf(block);
  if (heading) {
    if (heading.getLevel() !== level) heading.setLevel(level);
    return;
  }
  if ($isParagraphNode(block)) $unwrapRunIn(block);
  const next = $createReportHeadingNode(level);
  block.replace(next, true);
  $stripMarker(next);
}

/** Makes a block body text: headings lose their number, role blocks their role. */
export function $setBlockParagraph(block: ElementNode): void {
  if ($isParagraphNode(block)) {
    $unwrapRunIn(block);
    return;
  }
  if ($isReportHeadingNode(block) || $isRoleBlockNode(block) || block.getType() === 'quote') block.replace($createParagraphNode(), true);
}

/** Gives a block a role (主送机关, 结束语, 附件说明, 署名, 成文日期). */
export function $setBlockRole(block: ElementNode, role: BlockRole): void {
  if ($isRoleBlockNode(block)) {
    if (block.getRole() !== role) block.setRole(role);
    return;
  }
  if ($isParagraphNode(block)) $unwrapRunIn(block);
  block.replace($createRoleBlockNode(role), true);
}

/** Moves a heading one level down (demote, +1) or up (promote, −1); false when already at the end. */
export function $shiftBlockLevel(block: ElementNode, delta: 1 | -1): boolean {
  const heading = $headingNodeOf(block);
  if (!heading) return false;
  const level = heading.getLevel() + delta;
  if (level < 1 || level > 4) return false;
  heading.setLevel(level as HeadingLevel);
  return true;
}

/** Sets the section kind of a level-1 heading block; false when the block is not one. */
export function $setBlockKind(block: ElementNode, kind: SectionKind | null): boolean {
  const heading = $headingNodeOf(block);
  if (!heading || heading.getLevel() !== 1) return false;
  heading.setKind(kind);
  return true;
}

/**
 * The root blocks of the section a heading block opens: the block itself and everything after it
 * up to the next heading of the same or a higher level, or a role block (署名 and 成文日期 never
 * belong to the last section). Empty when the block is not a heading.
 */
export function $sectionBlocks(block: LexicalNode): LexicalNode[] {
  const head = $headingOf(block);
  if (!head) return [];
  const out: LexicalNode[] = [block];
  for (let next = block.getNextSibling(); next; next = next.getNextSibling()) {
    const heading = $headingOf(next);
    if ((heading && heading.level <= head.level) || $isRoleBlockNode(next)) break;
    out.push(next);
  }
  return out;
}

/**
 * Moves the section a heading block opens (with its subsections and paragraphs) before another
 * root block, or to the end of the body (before the closing role blocks) when `beforeKey` is null.
 * False (and nothing moved) when the target lies inside the section or a key is unknown.
 */
export function $moveSection(blockKey: NodeKey, beforeKey: NodeKey | null): boolean {
  const block = $getNodeByKey(blockKey);
  if (!block) return false;
  const section = $sectionBlocks(block);
  if (section.length === 0) return false;
  if (beforeKey !== null && section.some((n) => n.getKey() === beforeKey)) return false;
  let target: LexicalNode | null = beforeKey === null ? null : $getNodeByKey(beforeKey);
  if (beforeKey !== null && !target) return false;
  if (target === null) {
    // The end of the body: before the trailing role blocks (结束语, 署名, 成文日期).
    let last = $getRoot().getLastChild();
    while (last && $isRoleBlockNode(last)) {
      target = last;
      last = last.getPreviousSibling();
    }
  }
  const after = section[section.length - 1]?.getNextSibling() ?? null;
  if (target ? after?.is(target) : after === null) return false; // already there
  for (const node of section) {
    if (target) target.insertBefore(node);
    else $getRoot().append(node);
  }
  return true;
}

/** The root child after a section (where "after this section" drops go), or null at the end. */
export function $afterSection(blockKey: NodeKey): NodeKey | null {
  const block = $getNodeByKey(blockKey);
  if (!block) return null;
  const section = $sectionBlocks(block);
  return section[section.length - 1]?.getNextSibling()?.getKey() ?? null;
}

/**
 * Moves a section past its neighbour of the same level: up (−1) before the previous sibling
 * section, down (+1) after the next one. Never leaves its parent section. False when there is no
 * such neighbour.
 */
export function $moveSectionBy(blockKey: NodeKey, direction: 1 | -1): boolean {
  const block = $getNodeByKey(blockKey);
  const head = block ? $headingOf(block) : null;
  if (!block || !head) return false;
  if (direction === -1) {
    for (let prev = block.getPreviousSibling(); prev; prev = prev.getPreviousSibling()) {
      const h = $headingOf(prev);
      if ($isRoleBlockNode(prev) || (h && h.level < head.level)) return false;
      if (h && h.level === head.level) return $moveSection(blockKey, prev.getKey());
    }
    return false;
  }
  const section = $sectionBlocks(block);
  const next = section[section.length - 1]?.getNextSibling() ?? null;
  const nextHead = next ? $headingOf(next) : null;
  if (!next || !nextHead || nextHead.level !== head.level) return false;
  const after = $sectionBlocks(next);
  const beyond = after[after.length - 1]?.getNextSibling() ?? null;
  if (beyond) return $moveSection(blockKey, beyond.getKey());
  for (const node of section) $getRoot().append(node);
  return true;
}

/** Where writing starts in a fresh report: the first empty paragraph after a heading, or null. */
export function $firstWritingPoint(): ElementNode | null {
  for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) {
    const previous = node.getPreviousSibling();
    if ($isParagraphNode(node) && node.getChildrenSize() === 0 && previous && $headingOf(previous)) return node;
  }
  return null;
}
