// The outline of the live document for the panels, recomputed after edits: at once (right after
// the update, in the same frame) when blocks were added, removed, moved or re-levelled, else at
// most every OUTLINE_THROTTLE_MS while typing — never a full-document pass per keystroke.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { HISTORIC_TAG } from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { FieldValues } from '@common/reportModel';
import { $editorOutline } from './outline';
import type { EditorOutline } from './outline';

/** Longest wait between an edit and the outline catching up, in ms. */
export const OUTLINE_THROTTLE_MS = 400;

/** The live outline, and a way to apply state changes in the same render as its next update. */
export interface LiveOutline {
  /** Null until first computed or while disabled. */
  outline: EditorOutline | null;
  /**
   * Runs `fn` (which sets React state) inside the render of the next outline update, so a panel's
   * own state change and the new outline render once, not twice. It runs only if an update comes.
   */
  withNextOutline(fn: () => void): void;
}

/** The outline of an editor's document. */
export function useEditorOutline(editor: LexicalEditor, title: string, fields: FieldValues, enabled: boolean): LiveOutline {
  const [outline, setOutline] = useState<EditorOutline | null>(null);
  const inputs = useRef({ title, fields });
  const recompute = useRef<() => void>(() => undefined);
  const pending = useRef<(() => void)[]>([]);

  useEffect(() => {
    inputs.current = { title, fields };
    recompute.current();
  }, [title, fields]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let queued = false;
    let live = true;
    let last = 0;
    const compute = (sync = false): void => {
      clearTimeout(timer);
      timer = undefined;
      queued = false;
      if (!live) return;
      last = performance.now();
      const { title: t, fields: f } = inputs.current;
      const next = editor.getEditorState().read(() => $editorOutline(t, f), { editor });
      const apply = (): void => {
        setOutline(next);
        for (const fn of pending.current.splice(0)) fn();
      };
      // After a structural change the panel follows in the same task as the page's numbers.
      if (sync) flushSync(apply);
      else apply();
    };
    recompute.current = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => compute(true));
    };
    compute();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // Undo/redo swap in a whole state and mark only the root: treat it as structural.
      if (tags.has(HISTORIC_TAG)) {
        recompute.current();
        return;
      }
      // An element itself changed (blocks added, removed or moved; a level, kind or role set),
      // not just text inside it: the structure shows at once. (The root is marked on every edit.)
      for (const [key, intentional] of dirtyElements) {
        if (intentional && key !== 'root') {
          recompute.current();
          return;
        }
      }
      if (timer !== undefined || queued) return;
      // While typing: after the throttle, in idle time, so it never delays a keystroke's frame.
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => timer !== undefined && compute(), { timeout: OUTLINE_THROTTLE_MS });
        else compute();
      }, Math.max(0, OUTLINE_THROTTLE_MS - (performance.now() - last)));
    });
    return () => {
      live = false;
      unregister();
      clearTimeout(timer);
      recompute.current = () => undefined;
    };
  }, [editor, enabled]);

  const withNextOutline = useCallback((fn: () => void) => void pending.current.push(fn), []);
  return { outline: enabled ? outline : null, withNextOutline };
}
