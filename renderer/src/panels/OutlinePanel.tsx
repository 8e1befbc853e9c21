// The outline panel at the right of the page: the heading tree with computed numbers and section
// kinds, each section's character count (Word's count) and its length target as progress, click
// to jump, drag (or the arrow buttons) to move a whole section with everything in it — one undo
// step, numbers follow — promote/demote, the completeness hint (缺少“存在的问题”部分), the offer
// to fix broken 一是/二是 sequences, and the document's fill-in fields.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, JSX, RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import { $getNodeByKey, $getRoot, $getSelection, $isElementNode, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import type { LexicalEditor, NodeKey } from 'lexical';
import { sectionKindNames } from '@common/reportModel';
import type { FieldValues, SectionKind } from '@common/reportModel';
import type { TemplateField } from '@common/templates';
import { $enumerationSections, $renumberEnumerations } from '../editor/features/report/enumerations';
import type { EditorOutline, OutlineItem } from '../editor/features/report/outline';
import { $afterSection, $moveSection, $moveSectionBy, $shiftBlockLevel } from '../editor/features/report/structure';
import { CloseIcon, WarnIcon } from '../ui/icons';
import { FieldsSection } from './FieldsSection';

/** What a missing part is called in the completeness hint. */
const missingNames: Partial<Record<SectionKind, string>> = { shortcomings: '存在的问题', plan: '下一步打算' };

/** Props of OutlinePanel. */
export interface OutlinePanelProps {
  outline: EditorOutline | null;
  /** Runs a state change in the render of the next outline update (useEditorOutline). */
  withNextOutline(fn: () => void): void;
  fields: FieldValues;
  /** Labels and examples of fields, by name (from the templates). */
  fieldInfo: Readonly<Record<string, TemplateField>>;
  /** The field whose input should take focus (a click on a chip), or null. */
  focusField: string | null;
  onFocusFieldDone: () => void;
  onFieldChange: (name: string, value: string) => void;
  onFieldCommit: () => void;
  onClose: () => void;
}

/** Event type under which structural edits run (see structural()). */
const STRUCTURAL_EVENT = 'wengao-structural-edit';

/**
 * Runs a structural edit as one undo step, keeping the page where it is. Lexical rebuilds its
 * selection from the page's DOM selection for any update begun outside an event it knows (or
 * inside a drop) — after moving dozens of paragraphs that read forces a full layout of the long
 * page in the middle of the edit. Run inside an event of our own (and committed at once, so the
 * history's follow-up commands run inside it too), the editor keeps the selection it has.
 * `movesOnly`: the edit only moves blocks (their nodes and page elements are kept, so the page's
 * caret moves with its paragraph and stays right): the page's selection is then left alone rather
 * than set again.
 */
function structural(editor: LexicalEditor, fn: () => void, movesOnly = false): void {
  const run = (): void =>
    editor.update(
      () => {
        fn();
        // Without a selection of its own the editor would read the page's (and force a layout).
        if ($getSelection() === null) $getRoot().selectStart();
      },
      { tag: movesOnly ? [HISTORY_PUSH_TAG, SKIP_SCROLL_INTO_VIEW_TAG, SKIP_DOM_SELECTION_TAG] : [HISTORY_PUSH_TAG, SKIP_SCROLL_INTO_VIEW_TAG], discrete: true },
    );
  queueMicrotask(() => {
    window.addEventListener(STRUCTURAL_EVENT, run, { once: true });
    window.dispatchEvent(new Event(STRUCTURAL_EVENT));
  });
}

/** Puts the caret at the start of a heading and scrolls it to the top of the page view. */
export function jumpTo(editor: LexicalEditor, blockKey: NodeKey): void {
  editor.update(
    () => {
      const node = $getNodeByKey(blockKey);
      if ($isElementNode(node)) node.selectStart();
    },
    {
      tag: SKIP_SCROLL_INTO_VIEW_TAG,
      onUpdate: () => {
        editor.getRootElement()?.focus({ preventScroll: true });
        editor.getElementByKey(blockKey)?.scrollIntoView({ block: 'start' });
      },
    },
  );
}

/**
 * Rows are keyed by position, so after a move the focused button belongs to another heading: put
 * focus back on the same button of the moved heading's row once the outline has followed (brought
 * into the panel's window of rendered rows first when it moved out of it).
 */
function followFocus(key: NodeKey, reveal: RefObject<((key: NodeKey) => void) | null>): void {
  const active = document.activeElement;
  const row = active?.closest<HTMLElement>('[data-testid="outline-item"]');
  if (!(active instanceof HTMLElement) || !row || !active.dataset.action) return;
  const action = active.dataset.action;
  const refocus = (tries: number): void => {
    const moved = document.querySelector<HTMLElement>(`[data-testid="outline-item"][data-block-key="${key}"]`);
    const target = moved?.querySelector<HTMLElement>(`[data-action="${action}"]`);
    if (moved && target && target !== document.activeElement) {
      // The row's buttons show only on hover or focus: shown for the focus() call, then kept by it.
      moved.dataset.reveal = '';
      target.focus();
      delete moved.dataset.reveal;
    } else if (!target && tries > 0) {
      if (tries < 5) reveal.current?.(key);
      requestAnimationFrame(() => refocus(tries - 1));
    }
  };
  requestAnimationFrame(() => refocus(5));
}

/** Where a dragged section would land relative to a row. */
interface DropTarget {
  key: NodeKey;
  where: 'before' | 'after';
}

const DRAG_TYPE = 'application/x-wengao-section';

/** Thousands separators without Intl (this runs for every row on every outline update). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** What the list's rows can do: one stable object, handlers delegated from the list. */
interface RowActions {
  jump(key: NodeKey): void;
  move(key: NodeKey, direction: 1 | -1): void;
  shift(key: NodeKey, delta: 1 | -1): void;
  renumber(key: NodeKey): void;
  dragStart(event: DragEvent<HTMLElement>, row: HTMLElement, key: NodeKey): void;
  dragEnd(): void;
  dragOver(event: DragEvent<HTMLElement>, row: HTMLElement, key: NodeKey): void;
  drop(event: DragEvent<HTMLElement>, row: HTMLElement, key: NodeKey): void;
}

/** Which half of a row the pointer is over. */
function halfOf(event: DragEvent<HTMLElement>, row: HTMLElement): 'before' | 'after' {
  const box = row.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/** The outline row an event happened in, with its heading's key. */
function rowOf(target: EventTarget | null): { row: HTMLElement; key: NodeKey } | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-testid="outline-item"]') : null;
  const key = row?.dataset.blockKey;
  return row && key ? { row, key } : null;
}

/** The outline panel. */
export function OutlinePanel(props: OutlinePanelProps): JSX.Element {
  const { outline, withNextOutline, fields, fieldInfo, focusField, onFocusFieldDone, onFieldChange, onFieldCommit, onClose } = props;
  const [editor] = useLexicalComposerContext();
  const [dragKey, setDragKey] = useState<NodeKey | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  /** The drag under way; `resetPending` while a dropped section's move is on its way to the outline. */
  const dragRef = useRef<{ key: NodeKey | null; drop: DropTarget | null; resetPending: boolean }>({ key: null, drop: null, resetPending: false });
  const bodyRef = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLDivElement>(null);
  /** Scrolls the list to a heading's row (set by OutlineList). */
  const revealRef = useRef<((key: NodeKey) => void) | null>(null);

  const renumber = (headKey: NodeKey | null): void =>
    structural(editor, () => {
      const section = $enumerationSections().find((s) => (s.head?.getKey() ?? null) === headKey);
      if (section) $renumberEnumerations(section.blocks);
    });

  const actions = useMemo<RowActions>(() => {
    const setDropTarget = (target: DropTarget | null): void => {
      const current = dragRef.current.drop;
      if (current?.key === target?.key && current?.where === target?.where) return;
      dragRef.current.drop = target;
      setDrop(target);
    };
    return {
      jump: (key) => jumpTo(editor, key),
      move: (key, direction) => {
        structural(editor, () => void $moveSectionBy(key, direction), true);
        followFocus(key, revealRef);
      },
      shift: (key, delta) =>
        structural(editor, () => {
          const node = $getNodeByKey(key);
          if ($isElementNode(node)) $shiftBlockLevel(node, delta);
        }),
      renumber: (key) =>
        structural(editor, () => {
          const section = $enumerationSections().find((s) => s.head?.getKey() === key);
          if (section) $renumberEnumerations(section.blocks);
        }),
      dragStart: (event, row, key) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(DRAG_TYPE, key);
        event.dataTransfer.setData('text/plain', row.querySelector('.outline-jump')?.textContent ?? '');
        dragRef.current.key = key;
        setDragKey(key);
      },
      dragEnd: () => {
        dragRef.current.key = null;
        // After a drop the drag marks go with the moved outline (see drop).
        if (dragRef.current.resetPending) return;
        setDragKey(null);
        setDropTarget(null);
      },
      dragOver: (event, row, key) => {
        if (!dragRef.current.key || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropTarget({ key, where: halfOf(event, row) });
      },
      drop: (event, row, key) => {
        event.preventDefault();
        const from = dragRef.current.key ?? event.dataTransfer.getData(DRAG_TYPE);
        const where = halfOf(event, row);
        dragRef.current.key = null;
        const reset = (): void => {
          if (!dragRef.current.resetPending) return;
          dragRef.current.resetPending = false;
          setDragKey(null);
          setDropTarget(null);
        };
        dragRef.current.resetPending = true;
        if (!from || from === key) {
          reset();
          return;
        }
        // The drag marks are cleared in the same render as the outline the move brings (one render,
        // not two); should no move come of it (dropped where it was), at the next frame.
        withNextOutline(reset);
        requestAnimationFrame(reset);
        // One update, one undo step: the whole section moves; numbers follow from position.
        structural(editor, () => void $moveSection(from, where === 'before' ? key : $afterSection(key)), true);
      },
    };
  }, [editor, withNextOutline]);

  const items = outline?.items ?? [];
  const names = [...new Set([...(outline?.fieldNames ?? []), ...Object.keys(fields)])];

  return (
    <aside className="outline" aria-label="提纲" data-testid="outline">
      <div className="outline-head">
        <h2 className="outline-title">提纲</h2>
        <span className="outline-sub">{items.length ? `${items.length} 个标题` : ''}</span>
        <button type="button" className="icon-btn" aria-label="关闭提纲" title="关闭提纲（Ctrl+Alt+O）" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="outline-body" ref={bodyRef}>
        <div className="outline-notes" ref={notesRef}>
          {outline?.missing.length ? (
            <div className="outline-hint" role="note" data-testid="outline-missing">
              <WarnIcon className="outline-hint-icon" />
              <span>
                {outline.missing.map((kind) => `缺少“${missingNames[kind] ?? sectionKindNames[kind]}”部分`).join('；')}
                <span className="outline-hint-more">总结和报告一般包括主要工作、成效、存在的问题和下一步打算。</span>
              </span>
            </div>
          ) : null}
          {outline?.introBrokenEnumeration ? (
            <div className="outline-fixbar">
              导语中的“一是、二是”序号不连续
              <button type="button" className="link-btn" onClick={() => renumber(null)}>
                重排
              </button>
            </div>
          ) : null}
        </div>
        {outline === null ? null : items.length === 0 ? (
          <p className="outline-empty">还没有标题。在段首输入“一、”“（一）”“1.”或“（1）”，或用工具栏把段落设为标题。</p>
        ) : (
          <OutlineList items={items} actions={actions} dragKey={dragKey} drop={drop} scroller={bodyRef} notes={notesRef} reveal={revealRef} />
        )}
        <FieldsSection
          names={names}
          values={fields}
          info={fieldInfo}
          focusField={focusField}
          onFocusFieldDone={onFocusFieldDone}
          onChange={onFieldChange}
          onCommit={onFieldCommit}
        />
      </div>
    </aside>
  );
}

/** Props of OutlineList. */
interface OutlineListProps {
  items: OutlineItem[];
  actions: RowActions;
  dragKey: NodeKey | null;
  drop: DropTarget | null;
  /** The panel's scrolling body. */
  scroller: RefObject<HTMLDivElement | null>;
  /** The notes above the list (their height moves the list down). */
  notes: RefObject<HTMLDivElement | null>;
  reveal: RefObject<((key: NodeKey) => void) | null>;
}

/** A row's height before it is measured: one line, plus the target's progress bar and the 一是/二是 offer. */
function estimatedRowHeight(item: OutlineItem | undefined): number {
  return 28 + (item?.target != null ? 6 : 0) + (item?.brokenEnumeration ? 22 : 0);
}

/**
 * The heading rows. Only the rows in and near the panel's view are in the page (a long report has
 * 200 and more): a moved section then re-renders a few dozen rows, not every one. The row being
 * dragged stays rendered while the panel scrolls under the pointer.
 */
function OutlineList({ items, actions, dragKey, drop, scroller, notes, reveal }: OutlineListProps): JSX.Element {
  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const dragIndex = dragKey === null ? -1 : items.findIndex((item) => item.blockKey === dragKey);
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const indexes = defaultRangeExtractor(range);
      if (dragIndex >= 0 && !indexes.includes(dragIndex)) return [...indexes, dragIndex].sort((a, b) => a - b);
      return indexes;
    },
    [dragIndex],
  );
  // The lint notes that the virtualizer's functions cannot be memoized by the React Compiler: this
  // build does not use the compiler, and the one function rows receive (measureElement) is the
  // same for the virtualizer's lifetime.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimatedRowHeight(itemsRef.current[index]),
    overscan: 6,
    scrollMargin: listTop,
    rangeExtractor,
  });

  // Where the list starts in the scrolling body: below the notes, whose height changes with them.
  useEffect(() => {
    const above = notes.current;
    if (!above) return;
    const observer = new ResizeObserver(() => {
      if (listRef.current) setListTop(listRef.current.offsetTop);
    });
    observer.observe(above);
    return () => observer.disconnect();
  }, [notes]);

  useEffect(() => {
    reveal.current = (key) => {
      const index = itemsRef.current.findIndex((item) => item.blockKey === key);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    };
    return () => {
      reveal.current = null;
    };
  }, [reveal, virtualizer]);

  return (
    <ol
      ref={listRef}
      className="outline-list"
      aria-label="标题"
      style={{ height: virtualizer.getTotalSize() }}
      onClick={(event) => {
        const at = rowOf(event.target);
        const action = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]')?.dataset.action : undefined;
        if (!at || !action) return;
        if (action === 'jump') actions.jump(at.key);
        else if (action === 'up' || action === 'down') actions.move(at.key, action === 'up' ? -1 : 1);
        else if (action === 'promote' || action === 'demote') actions.shift(at.key, action === 'promote' ? -1 : 1);
        else if (action === 'renumber') actions.renumber(at.key);
      }}
      onDragStart={(event) => {
        const at = rowOf(event.target);
        if (at) actions.dragStart(event, at.row, at.key);
      }}
      onDragEnd={actions.dragEnd}
      onDragOver={(event) => {
        const at = rowOf(event.target);
        if (at) actions.dragOver(event, at.row, at.key);
      }}
      onDrop={(event) => {
        const at = rowOf(event.target);
        if (at) actions.drop(event, at.row, at.key);
      }}
    >
      {/* Rows are keyed by position, not by heading: moving the last section to the top then
          updates the rendered rows in place, where keying by heading makes React re-insert rows.
          Their handlers are the list's (above), so a row re-renders only for what it shows. */}
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        if (!item) return null;
        return (
          <OutlineRow
            key={row.index}
            item={item}
            index={row.index}
            count={items.length}
            top={row.start - listTop}
            measure={virtualizer.measureElement}
            dragging={dragKey === item.blockKey}
            drop={drop?.key === item.blockKey ? drop.where : null}
          />
        );
      })}
    </ol>
  );
}

/** Props of OutlineRow. */
interface OutlineRowProps {
  item: OutlineItem;
  /** Position in the outline (0-based) and the number of headings. */
  index: number;
  count: number;
  /** Offset from the top of the list, in px. */
  top: number;
  /** Reports the row's height to the list. */
  measure: (element: HTMLElement | null) => void;
  dragging: boolean;
  drop: 'before' | 'after' | null;
}

/** True when two rows would render the same. */
function sameRow(a: OutlineRowProps, b: OutlineRowProps): boolean {
  const x = a.item;
  const y = b.item;
  return (
    a.index === b.index &&
    a.count === b.count &&
    a.top === b.top &&
    a.measure === b.measure &&
    a.dragging === b.dragging &&
    a.drop === b.drop &&
    x.blockKey === y.blockKey &&
    x.level === y.level &&
    x.number === y.number &&
    x.text === y.text &&
    x.kind === y.kind &&
    x.kindGuessed === y.kindGuessed &&
    x.chars === y.chars &&
    x.target === y.target &&
    x.brokenEnumeration === y.brokenEnumeration
  );
}

/** A row's buttons: the same for every heading of a level, so they re-render only when it changes. */
const RowButtons = memo(function RowButtons({ level }: { level: number }): JSX.Element {
  return (
    <span className="outline-actions">
      <button type="button" className="mini-btn" data-action="up" aria-label="上移本节" title="与上一节交换位置（Alt+Shift+↑）">
        ↑
      </button>
      <button type="button" className="mini-btn" data-action="down" aria-label="下移本节" title="与下一节交换位置（Alt+Shift+↓）">
        ↓
      </button>
      <button type="button" className="mini-btn" data-action="promote" aria-label="升级本标题" title="升一级（Shift+Tab）" disabled={level === 1}>
        ←
      </button>
      <button type="button" className="mini-btn" data-action="demote" aria-label="降级本标题" title="降一级（Tab）" disabled={level === 4}>
        →
      </button>
    </span>
  );
});

/** One heading of the outline (its handlers are the list's). */
const OutlineRow = memo(function OutlineRow({ item, index, count, top, measure, dragging, drop }: OutlineRowProps): JSX.Element {
  const over = item.target !== null && item.chars > item.target;
  const kindName = item.kind && item.kind !== 'other' ? sectionKindNames[item.kind] : null;
  return (
    <li
      className={`outline-row outline-level-${item.level}${dragging ? ' is-dragging' : ''}${drop ? ` drop-${drop}` : ''}`}
      ref={measure}
      style={{ transform: `translateY(${top}px)` }}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      data-testid="outline-item"
      data-block-key={item.blockKey}
      data-level={item.level}
      draggable
    >
      <div className="outline-line">
        <button type="button" className="outline-jump" data-action="jump" title="点击跳转，拖动调整顺序">
          <span className="outline-number" data-testid="outline-number">
            {item.number}
          </span>
          <span className="outline-text">{item.text || <span className="outline-untitled">（空标题）</span>}</span>
        </button>
        {kindName ? (
          <span className={`kind-badge kind-${item.kind}${item.kindGuessed ? ' is-guessed' : ''}`} title={item.kindGuessed ? '根据标题文字推测，可在工具栏“部分类型”中指定' : '部分类型'}>
            {kindName}
          </span>
        ) : null}
        <span className={`outline-count${over ? ' is-over' : ''}`} data-testid="outline-count" title="本部分字数（含下级标题，与 Word 字数统计一致）">
          {item.target !== null ? `${grouped(item.chars)}/${grouped(item.target)}` : `${grouped(item.chars)}字`}
        </span>
        <RowButtons level={item.level} />
      </div>
      {item.target !== null ? (
        <div
          className={`outline-progress${over ? ' is-over' : ''}`}
          role="meter"
          aria-label="篇幅"
          aria-valuemin={0}
          aria-valuemax={item.target}
          aria-valuenow={item.chars}
          title={over ? `超出建议篇幅 ${grouped(item.chars - item.target)} 字（建议不超过 ${grouped(item.target)} 字）` : `建议不超过 ${grouped(item.target)} 字`}
        >
          <span style={{ width: `${Math.min(100, (item.chars / item.target) * 100)}%` }} />
        </div>
      ) : null}
      {item.brokenEnumeration ? (
        <div className="outline-fixbar" data-testid="enumeration-offer">
          “一是、二是”序号不连续
          <button type="button" className="link-btn" data-action="renumber">
            重排
          </button>
        </div>
      ) : null}
    </li>
  );
}, sameRow);
