// Typeahead: typing "//" (or "／／", or the IME's "、、") and then letters, pinyin or Chinese opens a
// picker at the caret with the best matches for the caret's section; ↑↓ choose, Enter or Tab
// inserts in place of what was typed, Esc closes. Nothing opens, searches or inserts while an IME
// composition is in progress: the picker follows the text the composition commits.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
} from 'lexical';
import type { SnippetHit } from '@common/contract';
import { snippetKindNames } from '@common/snippetModel';
import { findTrigger } from '../../editor/features/snippets/trigger';
import type { TriggerRange } from '../../editor/features/snippets/snippetEditing';
import { $sectionKindAtCaret } from '../../editor/features/snippets/snippetEditing';
import { moveActive } from '../../lib/listNav';
import { Highlighted } from '../Highlighted';
import { useSnippets } from './SnippetsProvider';

/** How many matches the picker shows. */
const PICKER_LIMIT = 8;
/** Quiet time after a keystroke before searching, in ms. */
const PICKER_DELAY_MS = 60;

interface Open {
  range: TriggerRange;
  query: string;
  context: ReturnType<typeof $sectionKindAtCaret>;
  /** Caret position on screen (viewport coordinates). */
  x: number;
  y: number;
  lineHeight: number;
}

/** Same trigger (node and start) as before. */
const sameTrigger = (a: TriggerRange | null | undefined, b: TriggerRange | null | undefined): boolean => !!a && !!b && a.key === b.key && a.start === b.start;

/** The caret's rectangle on screen, or null. */
function caretRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 && rect.x === 0 ? null : rect;
}

/** The typeahead plugin with its picker. */
export function SnippetTypeahead(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const { env, insert } = useSnippets();
  const [open, setOpen] = useState<Open | null>(null);
  const [hits, setHits] = useState<{ query: string; list: SnippetHit[] } | null>(null);
  const [active, setActive] = useState(0);
  /** A trigger the writer closed with Esc (or used): it stays closed until another one is typed. */
  const dismissed = useRef<TriggerRange | null>(null);
  const state = useRef({ open, hits, active });
  useLayoutEffect(() => {
    state.current = { open, hits, active };
  }, [open, hits, active]);

  // Follow the text before the caret after every change — except during IME composition.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        if (editor.isComposing()) {
          setOpen(null);
          return;
        }
        const found = editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text') return null;
          const node = selection.anchor.getNode();
          if (!$isTextNode(node)) return null;
          const before = node.getTextContent().slice(0, selection.anchor.offset);
          const match = findTrigger(before);
          if (!match) return null;
          const range: TriggerRange = { key: node.getKey(), start: match.start, end: selection.anchor.offset, text: before.slice(match.start) };
          return { range, query: match.query, context: $sectionKindAtCaret() };
        });
        if (!found || sameTrigger(found.range, dismissed.current)) {
          if (!found) dismissed.current = null;
          setOpen(null);
          return;
        }
        // Where to show the picker: the caret, once the DOM has the new text.
        const rect = caretRect();
        if (!rect) return;
        setOpen((prev) => {
          if (prev && prev.query === found.query && sameTrigger(prev.range, found.range) && prev.range.end === found.range.end) return prev;
          return { ...found, x: rect.left, y: rect.bottom, lineHeight: rect.height };
        });
      }),
    [editor],
  );

  /** Enter or Tab pressed before the matches for this query arrived: insert the top one then. */
  const pendingPick = useRef<string | null>(null);
  const chooseRef = useRef<(hit: SnippetHit) => void>(() => undefined);

  // Search (lightly debounced); answers to older queries are dropped.
  const query = open?.query ?? null;
  const context = open?.context ?? null;
  useEffect(() => {
    if (query === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      env.client.call('snippets.search', { query, context, limit: PICKER_LIMIT, filter: 'all' }).then(
        (result) => {
          if (cancelled) return;
          setHits({ query, list: result.hits });
          setActive(0);
          const top = result.hits[0];
          if (pendingPick.current === query && top) chooseRef.current(top);
          if (pendingPick.current === query) pendingPick.current = null;
        },
        () => !cancelled && setHits({ query, list: [] }),
      );
    }, PICKER_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [env, query, context]);

  const shown = open && hits && hits.query === open.query ? hits.list : null;
  const listId = useId();
  const activeOption = shown && shown.length > 0 ? `${listId}-${Math.min(active, shown.length - 1)}` : null;

  // Screen readers follow the chosen match while the caret stays in the text.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root || !activeOption) return;
    root.setAttribute('aria-controls', listId);
    root.setAttribute('aria-activedescendant', activeOption);
    return () => {
      root.removeAttribute('aria-controls');
      root.removeAttribute('aria-activedescendant');
    };
  }, [editor, listId, activeOption]);

  const choose = useCallback(
    (hit: SnippetHit) => {
      const current = state.current.open;
      if (!current) return;
      dismissed.current = current.range;
      pendingPick.current = null;
      setOpen(null);
      insert(hit, current.range);
    },
    [insert],
  );
  useLayoutEffect(() => {
    chooseRef.current = choose;
  }, [choose]);

  // Keys while the picker shows matches (never during composition: the IME owns them then).
  useEffect(() => {
    const list = (): SnippetHit[] | null => {
      const { open: o, hits: h } = state.current;
      return o && h && h.query === o.query && h.list.length > 0 ? h.list : null;
    };
    const move = (key: string) => (event: KeyboardEvent | null) => {
      const items = list();
      if (!items || event?.isComposing || editor.isComposing()) return false;
      event?.preventDefault();
      setActive((i) => moveActive(i, key, items.length) ?? i);
      return true;
    };
    const pick = (event: KeyboardEvent | null): boolean => {
      if (event?.isComposing || editor.isComposing() || event?.shiftKey) return false;
      const items = list();
      const { open: o, hits: h } = state.current;
      if (!items && o && o.query && !(h && h.query === o.query)) {
        // Typed faster than the answer: take the top match as soon as it arrives.
        event?.preventDefault();
        pendingPick.current = o.query;
        return true;
      }
      if (!items) return false;
      const hit = items[state.current.active] ?? items[0];
      if (!hit) return false;
      event?.preventDefault();
      choose(hit);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, move('ArrowDown'), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, move('ArrowUp'), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(KEY_ENTER_COMMAND, pick, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(KEY_TAB_COMMAND, pick, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          const current = state.current.open;
          if (!current || event?.isComposing || editor.isComposing()) return false;
          event?.preventDefault();
          dismissed.current = current.range;
          pendingPick.current = null;
          setOpen(null);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor, choose]);

  // Blur (clicking elsewhere) closes the picker.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const onBlur = (): void => setOpen(null);
        root.addEventListener('blur', onBlur);
        return () => root.removeEventListener('blur', onBlur);
      }),
    [editor],
  );

  if (!open || !shown || (shown.length === 0 && !open.query)) return null;
  const below = open.y + 300 < window.innerHeight;
  const style = below ? { left: Math.min(open.x, window.innerWidth - 380), top: open.y + 4 } : { left: Math.min(open.x, window.innerWidth - 380), bottom: window.innerHeight - open.y + open.lineHeight + 4 };
  return createPortal(
    <div className="snippet-picker" style={style} data-testid="snippet-picker" onMouseDown={(event) => event.preventDefault()}>
      {shown.length === 0 ? (
        <p className="snippet-picker-empty">没有找到“{open.query}”的常用语 · Esc 关闭</p>
      ) : (
        <ul className="snippet-picker-list" id={listId} role="listbox" aria-label="常用语建议">
          {shown.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`snippet-picker-item${index === active ? ' is-active' : ''}`}
              data-testid="snippet-picker-item"
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(hit)}
            >
              <span className="snippet-picker-title">
                <Highlighted text={hit.title} ranges={hit.titleHighlights} />
              </span>
              <span className={`kind-badge snippet-kind-${hit.kind}`}>{snippetKindNames[hit.kind]}</span>
              <span className="snippet-picker-body">{hit.body.replace(/\s+/g, ' ')}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="snippet-picker-foot">↑↓ 选择 · Enter/Tab 插入 · Esc 关闭</p>
    </div>,
    document.body,
  );
}
