// The formatting toolbar above the page: 正文 and the four heading levels (一、 （一） 1. （1）), the
// section kind of a level-1 heading, role blocks (主送机关 … 成文日期), 加粗/倾斜/下划线, 撤销/重做,
// and 重排“一是、二是”.
import { useEffect, useState } from 'react';
import type { JSX, MouseEvent, ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import type { TextFormatType } from 'lexical';
import { blockRoleNames, blockRoles, sectionKindNames, sectionKinds } from '@common/reportModel';
import type { BlockRole, SectionKind } from '@common/reportModel';
import { RedoIcon, UndoIcon } from '../ui/icons';
import {
  $currentBlockInfo,
  RENUMBER_ENUMERATIONS_COMMAND,
  SET_BLOCK_TYPE_COMMAND,
  SET_KIND_COMMAND,
  SET_ROLE_COMMAND,
  blockTypeLabels,
  blockTypeMarkers,
} from './commands';
import type { BlockInfo, BlockType } from './commands';

const blockTypes: { type: BlockType; hint: string; short: string }[] = [
  { type: 'paragraph', hint: 'Ctrl+Alt+0', short: '正文' },
  { type: 'h1', hint: 'Ctrl+Alt+1', short: '一级' },
  { type: 'h2', hint: 'Ctrl+Alt+2', short: '二级' },
  { type: 'h3', hint: 'Ctrl+Alt+3', short: '三级' },
  { type: 'h4', hint: 'Ctrl+Alt+4', short: '四级' },
];

const formats: { format: TextFormatType; label: string; glyph: string; hint: string }[] = [
  { format: 'bold', label: '加粗', glyph: 'B', hint: 'Ctrl+B' },
  { format: 'italic', label: '倾斜', glyph: 'I', hint: 'Ctrl+I' },
  { format: 'underline', label: '下划线', glyph: 'U', hint: 'Ctrl+U' },
];

/** Keeps the editor's selection when a toolbar button is pressed. */
const keepFocus = (event: MouseEvent): void => event.preventDefault();

/** The toolbar of one editor. */
export function Toolbar({ children }: { children?: ReactNode }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [block, setBlock] = useState<BlockInfo | null>(null);
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(
            () => {
              const info = $currentBlockInfo();
              setBlock((prev) =>
                prev && info && prev.type === info.type && prev.role === info.role && prev.kind === info.kind && prev.guessedKind === info.guessedKind && prev.runIn === info.runIn ? prev : info,
              );
              const selection = $getSelection();
              const isRange = $isRangeSelection(selection);
              const next = {
                bold: isRange && selection.hasFormat('bold'),
                italic: isRange && selection.hasFormat('italic'),
                underline: isRange && selection.hasFormat('underline'),
              };
              setActive((prev) => (prev.bold === next.bold && prev.italic === next.italic && prev.underline === next.underline ? prev : next));
            },
            { editor },
          );
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const isLevel1 = block?.type === 'h1';
  const guessed = block?.guessedKind ? sectionKindNames[block.guessedKind] : null;

  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      <div className="toolbar-group" role="group" aria-label="段落样式">
        {blockTypes.map(({ type, hint, short }) => (
          <button
            key={type}
            type="button"
            className={`tb-btn tb-style tb-style-${type}`}
            aria-pressed={block?.type === type}
            aria-label={blockTypeLabels[type]}
            title={type === 'paragraph' ? `正文（${hint}）` : `${blockTypeLabels[type]} ${blockTypeMarkers[type]}（${hint}；在标题中按 Tab 降级、Shift+Tab 升级）`}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, type)}
          >
            {type === 'paragraph' ? short : (
              <>
                <span className="tb-marker">{blockTypeMarkers[type]}</span>
                <span className="tb-label">{short}</span>
              </>
            )}
          </button>
        ))}
      </div>
      <select
        className="tb-select tb-kind"
        aria-label="部分类型"
        title={isLevel1 ? '这一部分属于报告的哪一块（提纲和完整性提示据此判断）' : '把光标放在一级标题中可设置部分类型'}
        disabled={!isLevel1}
        value={isLevel1 ? (block?.kind ?? '') : ''}
        onChange={(event) => {
          const value = event.target.value;
          editor.dispatchCommand(SET_KIND_COMMAND, value ? (value as SectionKind) : null);
          editor.focus();
        }}
      >
        <option value="">{isLevel1 ? `自动${guessed ? `（${guessed}）` : ''}` : '部分类型'}</option>
        {sectionKinds.map((kind) => (
          <option key={kind} value={kind}>
            {sectionKindNames[kind]}
          </option>
        ))}
      </select>
      <select
        className="tb-select tb-role"
        aria-label="特殊段落"
        title="主送机关、结束语、附件说明、署名、成文日期按公文格式排版"
        value={block?.role ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          editor.dispatchCommand(SET_ROLE_COMMAND, value ? (value as BlockRole) : null);
          editor.focus();
        }}
      >
        <option value="">{block?.role ? '改为正文' : '特殊段落'}</option>
        {blockRoles.map((role) => (
          <option key={role} value={role}>
            {blockRoleNames[role]}
          </option>
        ))}
      </select>
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group" role="group" aria-label="文字格式">
        {formats.map(({ format, label, glyph, hint }) => (
          <button
            key={format}
            type="button"
            className={`tb-btn tb-icon tb-${format}`}
            aria-label={label}
            aria-pressed={active[format] ?? false}
            title={`${label}（${hint}）`}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
          >
            {glyph}
          </button>
        ))}
      </div>
      <span className="toolbar-sep" aria-hidden="true" />
      <div className="toolbar-group" role="group" aria-label="撤销与重做">
        <button type="button" className="tb-btn tb-icon" aria-label="撤销" title="撤销（Ctrl+Z）" disabled={!canUndo} onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
          <UndoIcon />
        </button>
        <button type="button" className="tb-btn tb-icon" aria-label="重做" title="重做（Ctrl+Y）" disabled={!canRedo} onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
          <RedoIcon />
        </button>
      </div>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="tb-btn"
        title="重排本节的“一是、二是”“一要、二要”“第一、第二”，删改要点后让序号重新连续（Ctrl+Alt+E）"
        onMouseDown={keepFocus}
        onClick={() => editor.dispatchCommand(RENUMBER_ENUMERATIONS_COMMAND, undefined)}
      >
        重排序号
      </button>
      <div className="toolbar-spacer" />
      {children}
    </div>
  );
}
