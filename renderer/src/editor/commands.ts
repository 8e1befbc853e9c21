// Block-type commands shared by the toolbar, the keyboard shortcuts and the menu.
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, createCommand } from 'lexical';
import type { LexicalCommand, LexicalNode } from 'lexical';

/** The block types the toolbar offers: 正文 and 标题1–3. */
export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3';

/** Sets the selected blocks to a type (dispatched by toolbar, shortcuts and menu). */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');

/** Chinese labels of the block types, as on the toolbar. */
export const blockTypeLabels: Record<BlockType, string> = { paragraph: '正文', h1: '标题1', h2: '标题2', h3: '标题3' };

/** Sets the blocks touched by the selection to type (inside an update). */
export function $setBlockType(type: BlockType): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  $setBlocksType(selection, () => (type === 'paragraph' ? $createParagraphNode() : $createHeadingNode(type)));
  return true;
}

/** The block type at the selection's anchor, or null when it is something else (inside a read). */
export function $currentBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block: LexicalNode | null =
    anchor.getKey() === 'root'
      ? null
      : $findMatchingParent(anchor, (n) => {
          const parent = n.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        });
  if (!block) return null;
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : null;
  }
  return block.getType() === 'paragraph' ? 'paragraph' : null;
}
