// Inserts sanitized paste blocks at the selection as Lexical nodes: paragraphs, bold, and headings
// h1–h4 as report headings of levels 1–4. A heading's typed marker ("一、", "（二）" — also what
// copying a heading out of this editor writes) is dropped: numbers follow from position.
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection } from 'lexical';
import type { LexicalEditor, LexicalNode } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import { $createReportHeadingNode } from '../features/report/ReportHeadingNode';
import { $stripMarker } from '../features/report/structure';
import type { Block } from './sanitize';

/** Builds Lexical block nodes for pasted blocks (inside an editor update). */
export function $nodesFromBlocks(blocks: readonly Block[]): LexicalNode[] {
  return blocks.map((block) => {
    const element = block.kind === 'paragraph' ? $createParagraphNode() : $createReportHeadingNode(Number(block.kind.slice(1)) as HeadingLevel);
    for (const run of block.runs) {
      const text = $createTextNode(run.text);
      if (run.bold) text.toggleFormat('bold');
      element.append(text);
    }
    if (block.kind !== 'paragraph') $stripMarker(element);
    return element;
  });
}

/** Inserts blocks at the current selection (inside an editor update); false without a selection. */
export function $insertBlocks(editor: LexicalEditor, blocks: readonly Block[]): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  $insertGeneratedNodes(editor, $nodesFromBlocks(blocks), selection);
  return true;
}
