// Takes over paste and drop of outside content: the clipboard's HTML or text is sanitized into
// paragraphs, h1–h3 and bold (sanitize.ts) and inserted; oversized pastes are refused untouched.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, CONTROLLED_TEXT_INSERTION_COMMAND, PASTE_COMMAND } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { $insertBlocks } from './insert';
import { planPaste } from './sanitize';
import type { TreeNode } from './sanitize';

/** Parses clipboard HTML into an inert document (scripts never run, images never load). */
function parseHtml(html: string): TreeNode | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body ?? doc) as unknown as TreeNode;
}

/** Handles one data transfer inside a command listener; true when the event was consumed. */
function $handleTransfer(editor: LexicalEditor, data: DataTransfer | null, event: Event, onRefuse: (message: string) => void): boolean {
  if (!data) return false;
  const types = Array.from(data.types);
  const plain = types.includes('text/plain') ? data.getData('text/plain') : '';
  const html = types.includes('text/html') ? data.getData('text/html') : '';
  event.preventDefault();
  const plan = planPaste(plain, html, parseHtml);
  if (plan.action === 'refuse') onRefuse(plan.message);
  else if (plan.action === 'insert') $insertBlocks(editor, plan.blocks);
  return true;
}

/** Registers the sanitizing paste/drop handlers (before Lexical's own). */
export function PastePlugin({ onRefuse }: { onRefuse: (message: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = 'clipboardData' in event ? event.clipboardData : 'dataTransfer' in event ? event.dataTransfer : null;
            return $handleTransfer(editor, data, event, onRefuse);
          },
          COMMAND_PRIORITY_HIGH,
        ),
        // Drops and other inserts that carry a DataTransfer (insertFromDrop, insertReplacementText).
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            if (typeof payload === 'string' || !payload.dataTransfer) return false;
            return $handleTransfer(editor, payload.dataTransfer, payload, onRefuse);
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onRefuse],
  );
  return null;
}
