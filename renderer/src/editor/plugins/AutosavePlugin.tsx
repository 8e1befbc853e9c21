// Feeds the autosave queue from the editor loaded for one document: every real edit is captured
// with that document's id (fixed for this editor instance), IME compositions hold saves back, and
// blur and unmount flush. Also reports the word count (Word's 字数) of the text.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import type { EditorState } from 'lexical';
import type { DocumentContent } from '@common/documentModel';
import type { AutosaveQueue } from '../autosave';
import { cachedCountWords } from '../features/report/outlineCounts';
import { FIELDS_TAG } from '../features/report/fieldValues';

/** Update tag of programmatic loads: such updates are never saved. */
export const LOAD_TAG = 'wengao-load';

/**
 * Word's count of the document (inside a read): the sum of its blocks' counts (a word never spans
 * two paragraphs), each remembered by its text, so a keystroke in a long report counts one block.
 */
function $countWords(): number {
  let total = 0;
  for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) total += cachedCountWords(node.getTextContent());
  return total;
}

/** True when the document holds nothing but white space (inside a read; stops at the first text). */
function $isBlank(): boolean {
  for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) if (node.getTextContent().trim() !== '') return false;
  return true;
}

/** Props of AutosavePlugin. */
export interface AutosavePluginProps {
  /** The document this editor instance was loaded for. */
  docId: string;
  queue: AutosaveQueue;
  /** Receives the word count after edits (debounced). */
  onWords: (words: number) => void;
}

/** Wires the editor to the autosave queue. */
export function AutosavePlugin({ docId, queue, onWords }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let countTimer: ReturnType<typeof setTimeout> | undefined;
    const count = (state: EditorState, delay: number): void => {
      clearTimeout(countTimer);
      // With the editor, so fill-in fields count as their values.
      countTimer = setTimeout(() => onWords(state.read($countWords, { editor })), delay);
    };
    count(editor.getEditorState(), 0);

    const onCompositionStart = (): void => queue.setComposing(true);
    const onCompositionEnd = (): void => {
      // Lexical commits the composed text in its own compositionend handling; let it land first.
      setTimeout(() => queue.setComposing(editor.isComposing()), 0);
    };

    const unregister = mergeRegister(
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(LOAD_TAG) || prevEditorState.isEmpty()) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
        if (tags.has(FIELDS_TAG)) {
          // Field values changed (stored by documents.setFields, not here): only the count follows.
          count(editorState, 150);
          return;
        }
        queue.edit(docId, {
          // Editor states are immutable: serialising at send time gives this edit's text.
          content: () => editorState.toJSON() as unknown as DocumentContent,
          isEmpty: editorState.read($isBlank, { editor }),
        });
        if (editor.isComposing()) queue.setComposing(true);
        else queue.setComposing(false);
        count(editorState, 150);
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          void queue.flush(docId);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerRootListener((root, prevRoot) => {
        prevRoot?.removeEventListener('compositionstart', onCompositionStart);
        prevRoot?.removeEventListener('compositionend', onCompositionEnd);
        root?.addEventListener('compositionstart', onCompositionStart);
        root?.addEventListener('compositionend', onCompositionEnd);
      }),
    );
    return () => {
      clearTimeout(countTimer);
      unregister();
      // The editor is going away: a composition cannot go on, and nothing typed may stay behind.
      queue.setComposing(false);
      void queue.flush(docId);
    };
  }, [editor, docId, queue, onWords]);

  return null;
}
