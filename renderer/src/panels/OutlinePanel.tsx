// The outline panel at the right of the page: the heading tree with computed numbers and section
// kinds, each section's character count (Word's count) and its length target as progress, click
// to jump, drag (or the arrow buttons) to move a whole section with everything in it — one undo
// step, numbers follow — promote/demote, the completeness hint (缺少“存在的问题”部分), the offer
// to fix broken 一是/二是 sequences, and the document's fill-in fields.
import { memo, useMemo, useRef, useState } from 'react';
import type { DragEvent, JSX } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $isElementNode, HISTORY_PUSH_TAG, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
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

/** Runs a structural edit as one undo step, keeping the page where it is. */
function structural(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { tag: [HISTORY_PUSH_TAG, SKIP_SCROLL_INTO_VIEW_TAG] });
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

/** What a row can do; one stable object, so unchanged rows never re-render. */
interface RowActions {
  jump(key: NodeKey): void;
  move(key: NodeKey, direction: 1 | -1): void;
  shift(key: NodeKey, delta: 1 | -1): void;
  renumber(key: NodeKey): void;
  dragStart(event: DragEvent<HTMLLIElement>, item: OutlineItem): void;
  dragEnd(): void;
  dragOver(event: DragEvent<HTMLLIElement>, key: NodeKey): void;
  drop(event: DragEvent<HTMLLIElement>, key: NodeKey): void;
}

/** Which half of a row the pointer is over. */
function halfOf(event: DragEvent<HTMLLIElement>): 'before' | 'after' {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/** The outline panel. */
export function OutlinePanel(props: OutlinePanelProps): JSX.Element {
  const { outline, fields, fieldInfo, focusField, onFocusFieldDone, onFieldChange, onFieldCommit, onClose } = props;
  const [editor] = useLexicalComposerContext();
  const [dragKey, setDragKey] = useState<NodeKey | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const dragRef = useRef<{ key: NodeKey | null; drop: DropTarget | null }>({ key: null, drop: null });

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
      move: (key, direction) => structural(editor, () => void $moveSectionBy(key, direction)),
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
      dragStart: (event, item) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(DRAG_TYPE, item.blockKey);
        event.dataTransfer.setData('text/plain', `${item.number}${item.text}`);
        dragRef.current.key = item.blockKey;
        setDragKey(item.blockKey);
      },
      dragEnd: () => {
        dragRef.current.key = null;
        setDragKey(null);
        setDropTarget(null);
      },
      dragOver: (event, key) => {
        if (!dragRef.current.key || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropTarget({ key, where: halfOf(event) });
      },
      drop: (event, key) => {
        event.preventDefault();
        const from = dragRef.current.key ?? event.dataTransfer.getData(DRAG_TYPE);
        const where = halfOf(event);
        dragRef.current.key = null;
        setDragKey(null);
        setDropTarget(null);
        if (!from || from === key) return;
        // One update, one undo step: the whole section moves; numbers follow from position.
        structural(editor, () => void $moveSection(from, where === 'before' ? key : $afterSection(key)));
      },
    };
  }, [editor]);

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
      <div className="outline-body">
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
        {outline === null ? null : items.length === 0 ? (
          <p className="outline-empty">还没有标题。在段首输入“一、”“（一）”“1.”或“（1）”，或用工具栏把段落设为标题。</p>
        ) : (
          <ol className="outline-list" aria-label="标题">
            {items.map((item) => (
              <OutlineRow key={item.blockKey} item={item} dragging={dragKey === item.blockKey} drop={drop?.key === item.blockKey ? drop.where : null} actions={actions} />
            ))}
          </ol>
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

/** Props of OutlineRow. */
interface OutlineRowProps {
  item: OutlineItem;
  dragging: boolean;
  drop: 'before' | 'after' | null;
  actions: RowActions;
}

/** True when two rows would render the same. */
function sameRow(a: OutlineRowProps, b: OutlineRowProps): boolean {
  const x = a.item;
  const y = b.item;
  return (
    a.dragging === b.dragging &&
    a.drop === b.drop &&
    a.actions === b.actions &&
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

/** One heading of the outline. */
const OutlineRow = memo(function OutlineRow({ item, dragging, drop, actions }: OutlineRowProps): JSX.Element {
  const key = item.blockKey;
  const over = item.target !== null && item.chars > item.target;
  const kindName = item.kind && item.kind !== 'other' ? sectionKindNames[item.kind] : null;
  return (
    <li
      className={`outline-row outline-level-${item.level}${dragging ? ' is-dragging' : ''}${drop ? ` drop-${drop}` : ''}`}
      data-testid="outline-item"
      data-block-key={key}
      data-level={item.level}
      draggable
      onDragStart={(event) => actions.dragStart(event, item)}
      onDragEnd={actions.dragEnd}
      onDragOver={(event) => actions.dragOver(event, key)}
      onDrop={(event) => actions.drop(event, key)}
    >
      <div className="outline-line">
        <button type="button" className="outline-jump" onClick={() => actions.jump(key)} title={`${item.number}${item.text}（点击跳转，拖动调整顺序）`}>
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
        <span className="outline-actions">
          <button type="button" className="mini-btn" aria-label={`上移“${item.text}”`} title="与上一节交换位置（Alt+Shift+↑）" onClick={() => actions.move(key, -1)}>
            ↑
          </button>
          <button type="button" className="mini-btn" aria-label={`下移“${item.text}”`} title="与下一节交换位置（Alt+Shift+↓）" onClick={() => actions.move(key, 1)}>
            ↓
          </button>
          <button type="button" className="mini-btn" aria-label={`升级“${item.text}”`} title="升一级（Shift+Tab）" disabled={item.level === 1} onClick={() => actions.shift(key, -1)}>
            ←
          </button>
          <button type="button" className="mini-btn" aria-label={`降级“${item.text}”`} title="降一级（Tab）" disabled={item.level === 4} onClick={() => actions.shift(key, 1)}>
            →
          </button>
        </span>
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
          <button type="button" className="link-btn" onClick={() => actions.renumber(key)}>
            重排
          </button>
        </div>
      ) : null}
    </li>
  );
}, sameRow);
