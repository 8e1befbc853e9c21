// Block commands shared by the toolbar, the keyboard shortcuts, the outline panel and the menu:
// 正文 and the four heading levels (一、 （一） 1. （1）), role blocks, a level-1 heading's section
// kind, promote/demote, and 重排“一是、二是”. Every one is a single editor update (one undo step).
import { $getSelection, $isRangeSelection, createCommand } from 'lexical';
import type { LexicalCommand } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import type { BlockRole, SectionKind } from '@common/reportModel';
import { $enumerationSection, $renumberEnumerations } from './features/report/enumerations';
import { cachedGuessKind } from './features/report/outlineCounts';
import { $isRoleBlockNode } from './features/report/RoleBlockNode';
import {
  $blockOf,
  $headingNodeOf,
  $selectedBlocks,
  $setBlockHeading,
  $setBlockKind,
  $setBlockParagraph,
  $setBlockRole,
  $shiftBlockLevel,
} from './features/report/structure';

/** The block types the toolbar offers: 正文 and the four heading levels. */
export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4';

/** Sets the selected blocks to a type (dispatched by toolbar, shortcuts and menu). */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');
/** Gives the selected blocks a role (主送机关 …), or makes them body text again with null. */
export const SET_ROLE_COMMAND: LexicalCommand<BlockRole | null> = createCommand('SET_ROLE_COMMAND');
/** Sets the section kind of the level-1 heading at the caret (null: guess from the words). */
export const SET_KIND_COMMAND: LexicalCommand<SectionKind | null> = createCommand('SET_KIND_COMMAND');
/** Demotes (+1) or promotes (−1) the selected headings. */
export const SHIFT_LEVEL_COMMAND: LexicalCommand<1 | -1> = createCommand('SHIFT_LEVEL_COMMAND');
/** Renumbers 一是/二是, 一要/二要, 第一/第二 in the section at the caret. */
export const RENUMBER_ENUMERATIONS_COMMAND: LexicalCommand<void> = createCommand('RENUMBER_ENUMERATIONS_COMMAND');

/** Chinese labels of the block types, as on the toolbar. */
export const blockTypeLabels: Record<BlockType, string> = { paragraph: '正文', h1: '一级标题', h2: '二级标题', h3: '三级标题', h4: '四级标题' };
/** The marker each heading level shows. */
export const blockTypeMarkers: Record<Exclude<BlockType, 'paragraph'>, string> = { h1: '一、', h2: '（一）', h3: '1.', h4: '（1）' };

/** The heading level of a block type, or null for 正文. */
export function levelOfType(type: BlockType): HeadingLevel | null {
  return type === 'paragraph' ? null : (Number(type.slice(1)) as HeadingLevel);
}

/** Sets the blocks touched by the selection to a type (inside an update). */
export function $setBlockType(type: BlockType): boolean {
  const blocks = $selectedBlocks();
  if (blocks.length === 0) return false;
  const level = levelOfType(type);
  for (const block of blocks) {
    if (level === null) $setBlockParagraph(block);
    else $setBlockHeading(block, level);
  }
  return true;
}

/** Gives the selected blocks a role, or makes role blocks body text again (inside an update). */
export function $setRole(role: BlockRole | null): boolean {
  const blocks = $selectedBlocks();
  if (blocks.length === 0) return false;
  for (const block of blocks) {
    if (role) $setBlockRole(block, role);
    else if ($isRoleBlockNode(block)) $setBlockParagraph(block);
  }
  return true;
}

/** Sets the kind of the level-1 heading at the caret (inside an update). */
export function $setKind(kind: SectionKind | null): boolean {
  return $selectedBlocks().some((block) => $setBlockKind(block, kind));
}

/** Demotes or promotes every selected heading (inside an update); false when none changed. */
export function $shiftLevel(delta: 1 | -1): boolean {
  let changed = false;
  for (const block of $selectedBlocks()) changed = $shiftBlockLevel(block, delta) || changed;
  return changed;
}

/** Renumbers the enumerations of the section at the caret (inside an update); the count changed. */
export function $renumberAtCaret(): number {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 0;
  const block = $blockOf(selection.anchor.getNode());
  return block ? $renumberEnumerations($enumerationSection(block)) : 0;
}

/** What the toolbar shows for the block at the caret. */
export interface BlockInfo {
  /** 正文 or a heading level; null for role blocks and other blocks. */
  type: BlockType | null;
  role: BlockRole | null;
  /** The stored kind of a level-1 heading. */
  kind: SectionKind | null;
  /** The kind its words suggest (shown while none is stored). */
  guessedKind: SectionKind | null;
  runIn: boolean;
}

/** The block at the selection's anchor, for the toolbar (inside a read); null without a selection. */
export function $currentBlockInfo(): BlockInfo | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const block = $blockOf(selection.anchor.getNode());
  if (!block) return null;
  if ($isRoleBlockNode(block)) return { type: null, role: block.getRole(), kind: null, guessedKind: null, runIn: false };
  const heading = $headingNodeOf(block);
  if (heading) {
    const level = heading.getLevel();
    return {
      type: `h${level}`,
      role: null,
      kind: heading.getKind(),
      guessedKind: level === 1 ? cachedGuessKind(heading.getTextContent()) : null,
      runIn: heading !== block,
    };
  }
  return { type: block.getType() === 'paragraph' ? 'paragraph' : null, role: null, kind: null, guessedKind: null, runIn: false };
}
