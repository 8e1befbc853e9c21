// Inserts sanitized paste blocks at the selection as Lexical nodes (paragraphs, h1–h3, bold).
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection } from 'lexical';
import type { LexicalEditor, LexicalNode } from 'lexical';
import type { Block } from './sanitize';

/** Builds Lexical block nodes for pasted blocks (inside an editor update). */
export function $nodesFromBlocks(blocks: readonly Block[]): LexicalNode[] {
  return blocks.map((block) => {
    const element = block.kind === 'paragraph' ? $createParagraphNode() : $createHeadingNode(block.kind);
    for (const run of block.runs) {
      const text = $createTextNode(run.text);
      if (run.bold) text.toggleFormat('bold');
      element.append(text);
    }
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
