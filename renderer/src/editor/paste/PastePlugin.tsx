// Takes over paste and drop of outside content: the clipboard's HTML or text is sanitized into
// paragraphs, h1–h3 and bold (sanitize.ts) and inserted; oversized pastes are refused untouched.
// A paste of several paragraphs into an empty document is then recognised as a report
// (structuredPaste.ts): a second undo step, announced with a notice offering 恢复为普通粘贴.
import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, COMMAND_PRIORITY_HIGH, CONTROLLED_TEXT_INSERTION_COMMAND, PASTE_COMMAND, UNDO_COMMAND } from 'lexical';
import type { EditorState, LexicalEditor } from 'lexical';
import type { ImportPreview } from '@common/contract';
import { $insertBlocks } from './insert';
import { planPaste } from './sanitize';
import type { TreeNode } from './sanitize';
import { $isBodyEmpty, applyRecognition, blocksText, recognisedNotice, shouldRecognisePaste } from './structuredPaste';
import type { PendingRecognition } from './structuredPaste';

/** A button of a notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** Props of PastePlugin. */
export interface PastePluginProps {
  /** Shows a refusal (kind error) or, with an action, an information notice. */
  onNotice: (message: string, action?: NoticeAction) => void;
  /** Recognises pasted text as a report (import.recognise, format paste); absent = never recognise. */
  recognise?: (text: string) => Promise<ImportPreview>;
  /** The document's title: a recognised title repeating it is not pasted again. */
  documentTitle?: string;
}

/** Parses clipboard HTML into an inert document (scripts never run, images never load). */
function parseHtml(html: string): TreeNode | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body ?? doc) as unknown as TreeNode;
}

/**
 * Handles one data transfer inside a command listener; true when the event was consumed. Returns
 * through `onPlain` the paste to recognise when it went into an empty document.
 */
function $handleTransfer(editor: LexicalEditor, data: DataTransfer | null, event: Event, onRefuse: (message: string) => void, onPlain: (pending: Omit<PendingRecognition, 'documentTitle'>) => void): boolean {
  if (!data) return false;
  const types = Array.from(data.types);
  const plain = types.includes('text/plain') ? data.getData('text/plain') : '';
  const html = types.includes('text/html') ? data.getData('text/html') : '';
  event.preventDefault();
  const plan = planPaste(plain, html, parseHtml);
  if (plan.action === 'refuse') onRefuse(plan.message);
  else if (plan.action === 'insert') {
    const recognise = shouldRecognisePaste($isBodyEmpty(), plan.blocks);
    if ($insertBlocks(editor, plan.blocks) && recognise) onPlain({ text: $getRoot().getTextContent(), blocks: plan.blocks });
  }
  return true;
}

/** The body of an editor state as JSON (no selection). */
function bodyJson(state: EditorState): string {
  return JSON.stringify(state.toJSON().root);
}

/** Registers the sanitizing paste/drop handlers (before Lexical's own). */
export function PastePlugin({ onNotice, recognise, documentTitle = '' }: PastePluginProps): null {
  const [editor] = useLexicalComposerContext();
  // Read when a paste happens (a ref: renaming the document must not re-register the handlers).
  const title = useRef(documentTitle);
  useEffect(() => {
    title.current = documentTitle;
  }, [documentTitle]);
  // The latest paste: a recognition that comes back after another paste is dropped.
  const latest = useRef(0);
  useEffect(() => {
    const onRefuse = (message: string): void => onNotice(message);
    const onPlain = (plain: Omit<PendingRecognition, 'documentTitle'>): void => {
      if (!recognise) return;
      const pending: PendingRecognition = { ...plain, documentTitle: title.current };
      const id = ++latest.current;
      recognise(blocksText(pending.blocks)).then(
        (preview) => {
          if (id !== latest.current || !applyRecognition(editor, pending, preview)) return;
          // Compared as stored JSON: a click that only moved the caret still allows the restore.
          const recognised = bodyJson(editor.getEditorState());
          onNotice(recognisedNotice(preview, pending.documentTitle), {
            label: '恢复为普通粘贴',
            run: () => {
              if (bodyJson(editor.getEditorState()) === recognised) editor.dispatchCommand(UNDO_COMMAND, undefined);
              else onNotice('文稿已有新的修改，无法直接恢复。请按 Ctrl+Z 逐步撤销到普通粘贴。');
            },
          });
        },
        // Recognition failed: the plain paste stays as it is.
        () => undefined,
      );
    };
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : 'dataTransfer' in event ? event.dataTransfer : null;
          latest.current += 1;
          return $handleTransfer(editor, data, event, onRefuse, onPlain);
        },
        COMMAND_PRIORITY_HIGH,
      ),
      // Drops and other inserts that carry a DataTransfer (insertFromDrop, insertReplacementText).
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        (payload) => {
          if (typeof payload === 'string' || !payload.dataTransfer) return false;
          latest.current += 1;
          return $handleTransfer(editor, payload.dataTransfer, payload, onRefuse, onPlain);
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, onNotice, recognise]);
  return null;
}
