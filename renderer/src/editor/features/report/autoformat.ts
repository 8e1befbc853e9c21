// Marker autoformat, as Word's: typing a numbering marker ("二、" "（三）" "1." "（1）" and the
// variants parseMarker accepts) at the start of a body paragraph turns it into a heading of that
// level with the marker removed — or, when the paragraph already holds a finished sentence
// followed by body text, into a run-in heading. And a heading that goes on after its sentence's
// 。 ("（一）高度重视。根据……" typed straight through) becomes a run-in heading: the sentence stays
// the heading, the rest is body text. Each runs as its own update after the keystroke (so one
// Ctrl+Z undoes it) and never while an IME composition is open.
import { $createParagraphNode, $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, $isTextNode } from 'lexical';
import type { ElementNode, LexicalNode, NodeKey, ParagraphNode } from 'lexical';
import type { ParsedMarker } from '@common/numbering';
import { parseMarker } from '@common/numbering';
import { $createReportHeadingNode, $isReportHeadingNode } from './ReportHeadingNode';
import type { ReportHeadingNode } from './ReportHeadingNode';
import { $createRunInNode, $isRunInNode } from './RunInNode';
import { $blockOf, $removeLeadingChars } from './structure';

/** Update tag of the autoformat's own update (so it never triggers itself). */
export const AUTOFORMAT_TAG = 'wengao-autoformat';

/** A paragraph whose text before the caret is exactly a marker. */
export interface AutoformatCandidate {
  paragraph: ParagraphNode;
  marker: ParsedMarker;
  /** The text node holding the caret. */
  textKey: NodeKey;
}

/**
 * What autoformat would convert at the current selection: a collapsed caret in a top-level body
 * paragraph, right after a complete marker that is everything before the caret. Null otherwise.
 */
export function $autoformatCandidate(): AutoformatCandidate | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return null;
  const paragraph = node.getParent();
  if (!$isParagraphNode(paragraph) || !$isRootNode(paragraph.getParent())) return null;
  let before = node.getTextContent().slice(0, selection.anchor.offset);
  for (let sibling: LexicalNode | null = node.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling()) {
    if (!$isTextNode(sibling)) return null;
    before = sibling.getTextContent() + before;
  }
  if (before === '' || /[\s\u3000]$/.test(before)) return null;
  const marker = parseMarker(before);
  if (!marker || marker.length !== before.length) return null;
  return { paragraph, marker, textKey: node.getKey() };
}

/**
 * Moves the first `count` characters of an element's children into `wrapper` (inserted as its
 * first child), splitting a text node at the boundary; a field straddling it goes in whole.
 */
export function $wrapLeading(element: ElementNode, count: number, wrapper: ElementNode): void {
  const moving: LexicalNode[] = [];
  let left = count;
  for (let child = element.getFirstChild(); child && left > 0; child = child.getNextSibling()) {
    const size = child.getTextContentSize();
    if ($isTextNode(child) && size > left) {
      const [head] = child.splitText(left);
      if (head) moving.push(head);
      break;
    }
    moving.push(child);
    left -= size;
  }
  const first = element.getFirstChild();
  if (first) first.insertBefore(wrapper);
  else element.append(wrapper);
  wrapper.append(...moving);
}

/** Turns the candidate paragraph into a heading (or run-in heading) without its marker. */
export function $applyAutoformat({ paragraph, marker }: AutoformatCandidate): void {
  $removeLeadingChars(paragraph, marker.length);
  const text = paragraph.getTextContent();
  const stop = text.indexOf('。');
  if (stop >= 0 && text.slice(stop + 1).trim() !== '' && !$isRunInNode(paragraph.getFirstChild())) {
    const runIn = $createRunInNode(marker.level);
    $wrapLeading(paragraph, stop + 1, runIn);
    runIn.selectStart();
    return;
  }
  const heading = $createReportHeadingNode(marker.level);
  paragraph.replace(heading, true);
  heading.selectStart();
}

/** A heading at the caret whose text goes on after its first 。 (it should be a run-in heading), or null. */
export function $runInCandidate(): ReportHeadingNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const block = $blockOf(selection.anchor.getNode());
  if (!$isReportHeadingNode(block)) return null;
  const text = block.getTextContent();
  const stop = text.indexOf('。');
  return stop >= 0 && text.slice(stop + 1).trim() !== '' ? block : null;
}

/** Turns a heading into a paragraph opening with a run-in heading of its first sentence (caret kept). */
export function $headingToRunIn(heading: ReportHeadingNode): void {
  const stop = heading.getTextContent().indexOf('。');
  if (stop < 0) return;
  const runIn = $createRunInNode(heading.getLevel(), heading.getKind());
  const paragraph = $createParagraphNode();
  heading.replace(paragraph, true);
  $wrapLeading(paragraph, stop + 1, runIn);
}
