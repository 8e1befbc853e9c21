// Word/WPS block shortcuts: Ctrl+Alt+1/2/3 标题1–3, Ctrl+Alt+0 or Ctrl+Shift+N 正文.
// (Ctrl+B/I/U, Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z are Lexical's own.)
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { $setBlockType, SET_BLOCK_TYPE_COMMAND } from '../commands';
import type { BlockType } from '../commands';

/** The block type a key event asks for, or null. */
export function blockTypeForKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): BlockType | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return null;
  if (event.altKey && !event.shiftKey) {
    const digit = /^(?:Digit|Numpad)([0-3])$/.exec(event.code)?.[1];
    if (digit === '0') return 'paragraph';
    if (digit === '1' || digit === '2' || digit === '3') return `h${digit}`;
  }
  if (event.shiftKey && !event.altKey && event.code === 'KeyN') return 'paragraph';
  return null;
}

/** Registers the block shortcuts and the SET_BLOCK_TYPE_COMMAND handler. */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(SET_BLOCK_TYPE_COMMAND, (type) => $setBlockType(type), COMMAND_PRIORITY_EDITOR),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const type = blockTypeForKey(event);
            if (!type) return false;
            event.preventDefault();
            return $setBlockType(type);
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
