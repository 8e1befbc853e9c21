// Word/WPS block shortcuts: Ctrl+Alt+1/2/3/4 the four heading levels (一、 （一） 1. （1）),
// Ctrl+Alt+0 or Ctrl+Shift+N 正文, Ctrl+Alt+E 重排“一是、二是”. (Ctrl+B/I/U, Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z are Lexical's own;
// Tab/Shift+Tab on a heading are the report plugin's.)
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
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

/** Undo or redo as Word binds them (Ctrl+Z; Ctrl+Y or Ctrl+Shift+Z), or null. */
export function historyForKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.code === 'KeyZ') return event.shiftKey ? 'redo' : 'undo';
  if (event.code === 'KeyY' && !event.shiftKey) return 'redo';
  return null;
}

/** True when keys typed at this element edit text of its own (a field, a text box, the page). */
export function editsText(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Registers the block shortcuts, and Ctrl+Z / Ctrl+Y for the page when focus is elsewhere but
 * in no text field: after dragging a section in the outline or pressing a toolbar button, Word's
 * undo keys still undo the document (inside a text field they keep undoing that field).
 */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const action = historyForKey(event);
      if (!action || event.defaultPrevented || editsText(document.activeElement)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return; // a dialog owns the keys
      event.preventDefault();
      editor.dispatchCommand(action === 'undo' ? UNDO_COMMAND : REDO_COMMAND, undefined);
    };
    window.addEventListener('keydown', onKeyDown);
    return mergeRegister(
      () => window.removeEventListener('keydown', onKeyDown),
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
    );
  }, [editor]);
  return null;
}
