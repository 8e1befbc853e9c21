// Shows the computed numbers on the page without writing them into the document: after every
// update (typing, moves, undo/redo, paste, load) the DOM element of each heading gets a
// data-number attribute that page.css shows with ::before; level-1 headings get data-kind (the
// section kind, shown in the margin); an empty paragraph right after a heading with a template
// hint gets data-hint, shown greyed as a placeholder. No editor-state writes: numbering never
// creates undo steps or saves.
import { $getRoot, $isParagraphNode } from 'lexical';
import type { LexicalEditor, NodeKey } from 'lexical';
import { numberHeadings } from '@common/numbering';
import type { HeadingLevel } from '@common/numbering';
import { sectionKindNames } from '@common/reportModel';
import { $headingOf } from './numbers';
import { cachedGuessKind } from './outlineCounts';
import { $isReportHeadingNode } from './ReportHeadingNode';

/** Characters per line of the printed page (GB/T 9704: 28). */
const CHARS_PER_LINE = 28;

/** What the view wrote last time, so stale attributes can be removed. */
export interface NumberingView {
  hinted: Map<NodeKey, string>;
  kinds: Map<NodeKey, string>;
}

/** A fresh view state. */
export function createNumberingView(): NumberingView {
  return { hinted: new Map(), kinds: new Map() };
}

function setAttr(element: HTMLElement | null, name: string, value: string): void {
  if (element && element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Lines a hint needs on the page (first line indented two characters). */
export function hintLines(hint: string): number {
  return Math.max(1, Math.ceil((hint.length + 2) / CHARS_PER_LINE));
}

/** Brings the numbers, kinds and hints on the page up to date with the editor state. */
export function renderNumbering(editor: LexicalEditor, view: NumberingView): void {
  editor.getEditorState().read(
    () => {
      const keys: NodeKey[] = [];
      const levels: HeadingLevel[] = [];
      const hinted = new Map<NodeKey, string>();
      const kinds = new Map<NodeKey, string>();
      for (let block = $getRoot().getFirstChild(); block; block = block.getNextSibling()) {
        const heading = $headingOf(block);
        if (!heading) continue;
        keys.push(heading.node.getKey());
        levels.push(heading.level);
        if (heading.level === 1) {
          const stored = (heading.node as unknown as { getKind(): keyof typeof sectionKindNames | null }).getKind();
          const kind = stored ?? cachedGuessKind(heading.node.getTextContent());
          if (kind && kind !== 'other') kinds.set(heading.node.getKey(), sectionKindNames[kind]);
        }
        if ($isReportHeadingNode(block)) {
          const hint = block.getHint();
          const next = block.getNextSibling();
          if (hint && $isParagraphNode(next) && next.getChildrenSize() === 0) hinted.set(next.getKey(), hint);
        }
      }
      const numbers = numberHeadings(levels);
      keys.forEach((key, i) => setAttr(editor.getElementByKey(key), 'data-number', numbers[i] ?? ''));

      for (const key of view.kinds.keys()) if (!kinds.has(key)) editor.getElementByKey(key)?.removeAttribute('data-kind');
      for (const [key, kind] of kinds) setAttr(editor.getElementByKey(key), 'data-kind', kind);
      view.kinds = kinds;

      for (const key of view.hinted.keys()) {
        if (hinted.has(key)) continue;
        const element = editor.getElementByKey(key);
        element?.removeAttribute('data-hint');
        element?.style.removeProperty('--hint-lines');
      }
      for (const [key, hint] of hinted) {
        const element = editor.getElementByKey(key);
        setAttr(element, 'data-hint', hint);
        element?.style.setProperty('--hint-lines', String(hintLines(hint)));
      }
      view.hinted = hinted;
    },
    { editor },
  );
}
