// The formatting toolbar above the page: 正文/标题1/2/3, 加粗/倾斜/下划线, 撤销/重做.
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
import { RedoIcon, UndoIcon } from '../ui/icons';
import { $currentBlockType, SET_BLOCK_TYPE_COMMAND, blockTypeLabels } from './commands';
import type { BlockType } from './commands';

const blockTypes: { type: BlockType; hint: string }[] = [
  { type: 'paragraph', hint: 'Ctrl+Alt+0' },
  { type: 'h1', hint: 'Ctrl+Alt+1' },
  { type: 'h2', hint: 'Ctrl+Alt+2' },
  { type: 'h3', hint: 'Ctrl+Alt+3' },
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
  const [block, setBlock] = useState<BlockType | null>('paragraph');
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            setBlock($currentBlockType());
            const selection = $getSelection();
            const isRange = $isRangeSelection(selection);
            setActive({
              bold: isRange && selection.hasFormat('bold'),
              italic: isRange && selection.hasFormat('italic'),
              underline: isRange && selection.hasFormat('underline'),
            });
          });
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      <div className="toolbar-group" role="group" aria-label="段落样式">
        {blockTypes.map(({ type, hint }) => (
          <button
            key={type}
            type="button"
            className={`tb-btn tb-style tb-style-${type}`}
            aria-pressed={block === type}
            title={`${blockTypeLabels[type]}（${hint}）`}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, type)}
          >
            {blockTypeLabels[type]}
          </button>
        ))}
      </div>
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
      <div className="toolbar-spacer" />
      {children}
    </div>
  );
}
