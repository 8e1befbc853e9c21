// Word/WPS block shortcuts: Ctrl+Alt+1/2/3/4 the four heading levels (一、 （一） 1. （1）),
// Ctrl+Alt+0 or Ctrl+Shift+N 正文, Ctrl+Alt+E 重排“一是、二是”. (Ctrl+B/I/U, Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z are Lexical's own;
// Tab/Shift+Tab on a heading are the report plugin's.)
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { $renumberAtCaret, $setBlockType } from '../commands';
import type { BlockType } from '../commands';

/** The block type a key event asks for, or null. */
export function blockTypeForKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): BlockType | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return null;
  if (event.altKey && !event.shiftKey) {
    const digit = /^(?:Digit|Numpad)([0-4])$/.exec(event.code)?.[1];
    if (digit === '0') return 'paragraph';
    if (digit === '1' || digit === '2' || digit === '3' || digit === '4') return `h${digit}`;
  }
  if (event.shiftKey && !event.altKey && event.code === 'KeyN') return 'paragraph';
  return null;
}

/** Registers the block shortcuts. */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyE') {
            event.preventDefault();
            $renumberAtCaret();
            return true;
          }
          const type = blockTypeForKey(event);
          if (!type) return false;
          event.preventDefault();
          return $setBlockType(type);
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
