// Counts the pages the export will have and marks where each page starts, off the typing path:
// edits only note which top-level blocks changed; a pause in typing (then an idle moment) reads
// those blocks again, lays the report out with the export's own layout (pageLayout.ts) and sets
// data-page-start / data-page-end on the blocks' DOM elements, which page.css draws as a dashed
// "第 N 页" line. Nothing is written to the editor state: no undo steps, no saves.
import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode } from 'lexical';
import type { LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import type { FormatProfile } from '@common/formatProfile';
import type { FieldValues } from '@common/reportModel';
import { fillFields, reportBlocks } from '@common/reportModel';
import { PageEstimator, pageMarkers, pageStarts } from './pageLayout';
import type { PageMarker } from './pageLayout';

/** Quiet time after an edit before the pages are counted again, in ms. */
const QUIET_MS = 400;
/** Longest stretch of line breaking in one go (a long report's first count is spread over several), in ms. */
const SLICE_MS = 8;

/** Props of PagesPlugin. */
export interface PagesPluginProps {
  profile: FormatProfile;
  /** The document title (page 1 starts with it); fields in it are filled. */
  title: string;
  fields: FieldValues;
  /** Draw the "第 N 页" markers. */
  showMarkers: boolean;
  /** Receives the page count after each recount. */
  onPages: (pages: number) => void;
}

/** The serialized form of a node and its children, as the stored document holds it (inside a read). */
function $serialize(node: LexicalNode): SerializedNode {
  const json = node.exportJSON() as unknown as SerializedNode;
  return $isElementNode(node) ? { ...json, children: node.getChildren().map($serialize) } : json;
}

/** Marked elements and what was written on them. */
type Marked = Map<HTMLElement, string>;

/** The attributes a marker is written to: the first on a block is drawn by ::after, a second by ::before. */
const slots = [
  { start: 'data-page-start', end: 'data-page-end', line: '--page-line' },
  { start: 'data-page-start2', end: 'data-page-end2', line: '--page-line2' },
] as const;

function unmark(el: HTMLElement): void {
  for (const slot of slots) {
    el.removeAttribute(slot.start);
    el.removeAttribute(slot.end);
    el.style.removeProperty(slot.line);
  }
}

function clearMarks(marked: Marked): void {
  for (const el of marked.keys()) unmark(el);
  marked.clear();
}

/**
 * Writes the markers on the blocks' elements, leaving unchanged ones alone. A block holds at most
 * two (a paragraph running over more than two page breaks shows the first two).
 */
function applyMarks(editor: LexicalEditor, keys: readonly NodeKey[], markers: readonly PageMarker[], marked: Marked): void {
  const byElement = new Map<HTMLElement, PageMarker[]>();
  for (const m of markers) {
    const key = keys[m.block];
    const el = key ? editor.getElementByKey(key) : null;
    if (!el) continue;
    const list = byElement.get(el) ?? [];
    if (list.length < slots.length) list.push(m);
    byElement.set(el, list);
  }
  const next: Marked = new Map();
  for (const [el, list] of byElement) next.set(el, list.map((m) => `${m.at}:${m.page}:${m.line}`).join(' '));
  for (const el of marked.keys()) if (next.get(el) !== marked.get(el)) unmark(el);
  for (const [el, value] of next) {
    if (marked.get(el) === value) continue;
    (byElement.get(el) ?? []).forEach((m, i) => {
      const slot = slots[i] as (typeof slots)[number];
      el.setAttribute(m.at === 'start' ? slot.start : slot.end, String(m.page));
      if (m.line) el.style.setProperty(slot.line, String(m.line));
    });
  }
  marked.clear();
  for (const [el, value] of next) marked.set(el, value);
}

/** The page count and page markers of the editor's document. */
export function PagesPlugin({ profile, title, fields, showMarkers, onPages }: PagesPluginProps): null {
  const [editor] = useLexicalComposerContext();
  const props = useRef({ title, fields, showMarkers, onPages });
  const recount = useRef<() => void>(() => undefined);

  useEffect(() => {
    const estimator = new PageEstimator(profile);
    const serialized = new Map<NodeKey, SerializedNode>();
    const stale = new Set<NodeKey>();
    const marked: Marked = new Map();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;

    const run = (deadline: IdleDeadline): void => {
      idle = undefined;
      const { children, keys, level1 } = editor.getEditorState().read(
        () => {
          const out: SerializedNode[] = [];
          const keyList: NodeKey[] = [];
          const seen = new Set<NodeKey>();
          for (let node = $getRoot().getFirstChild(); node; node = node.getNextSibling()) {
            const key = node.getKey();
            let json = stale.has(key) ? undefined : serialized.get(key);
            if (!json) {
              json = $serialize(node);
              serialized.set(key, json);
            }
            out.push(json);
            keyList.push(key);
            seen.add(key);
          }
          for (const key of serialized.keys()) if (!seen.has(key)) serialized.delete(key);
          stale.clear();
          const headingLevel1 = (json: SerializedNode): boolean => json.type === 'wg-heading' && json.level === 1;
          return { children: out, keys: keyList, level1: headingLevel1 };
        },
        { editor },
      );
      const { title: docTitle, fields: values, showMarkers: show, onPages: report } = props.current;
      const content: DocumentContent = { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } as DocumentContent['root'] };
      // Breaking lines stops at the end of the idle period (at most SLICE_MS; SLICE_MS when the browser was never idle).
      const start = performance.now();
      const budget = deadline.didTimeout ? SLICE_MS : Math.max(2, Math.min(deadline.timeRemaining(), SLICE_MS));
      const layout = estimator.estimate({ title: fillFields(docTitle, values), blocks: reportBlocks(content, values) }, () => performance.now() - start > budget);
      if (!layout) {
        // Lines still to count (a long report's first count): go on in the next idle time.
        idle = requestIdleCallback(run, { timeout: 1000 });
        return;
      }
      report(layout.estimate.pages);
      if (show) applyMarks(editor, keys, pageMarkers(pageStarts(layout), (b) => level1(children[b] as SerializedNode)), marked);
      else clearMarks(marked);
    };

    const schedule = (delay: number): void => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      idle = undefined;
      timer = setTimeout(() => {
        idle = requestIdleCallback(run, { timeout: 1000 });
      }, delay);
    };
    recount.current = () => schedule(0);

    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
      if (prevEditorState === editorState) return;
      // Ancestors of a changed node are dirty elements too, so this names every changed top-level block.
      for (const key of dirtyElements.keys()) stale.add(key);
      for (const key of dirtyLeaves) stale.add(key);
      schedule(QUIET_MS);
    });
    schedule(0);
    return () => {
      off();
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      clearMarks(marked);
      recount.current = () => undefined;
    };
  }, [editor, profile]);

  // A new title, field value or marker setting: count again (soon, still off the typing path).
  useEffect(() => {
    props.current = { title, fields, showMarkers, onPages };
    recount.current();
  }, [title, fields, showMarkers, onPages]);

  return null;
}
