// The 常用语 panel beside the page (F3, toolbar 常用语): browse by kind, topic and tag (with
// counts), search as you type (Chinese, full pinyin or initials; matches highlighted), 收藏 /
// 最近 / 我的, a preview of the selected snippet, and insert at the caret by the 插入 button,
// Enter (↑↓ choose) or dragging onto the page. Snippets of the caret's section come first
// ("当前：问题不足"). The ⋯ menu imports and exports packs.
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { JSX, KeyboardEvent } from 'react';
import type { MethodOutput, SnippetHit } from '@common/contract';
import type { FieldValues } from '@common/reportModel';
import { snippetKindNames, snippetKinds } from '@common/snippetModel';
import { errorMessage } from '../../api/errors';
import { snippetParagraphs } from '../../editor/features/snippets/fill';
import { clampActive, moveActive } from '../../lib/listNav';
import { CloseIcon, SearchIcon } from '../../ui/icons';
import { Highlighted } from '../Highlighted';
import { excerptAround } from './excerpt';
import { PackMenu } from './PackMenu';
import { SNIPPET_DRAG_TYPE, useSnippets } from './SnippetsProvider';
import type { BrowseState, SnippetFilter } from './snippetsSession';

type Facets = MethodOutput<'snippets.facets'>;

/** Quiet time after typing before searching, in ms. */
const SEARCH_DELAY_MS = 120;
const PAGE = 100;

const filters: { filter: SnippetFilter; label: string; empty: string }[] = [
  { filter: 'all', label: '全部', empty: '没有符合条件的常用语。' },
  { filter: 'favorites', label: '收藏', empty: '还没有收藏。点常用语右侧的 ☆ 收藏常用的几条。' },
  { filter: 'recent', label: '最近', empty: '还没有插入过常用语。' },
  { filter: 'user', label: '我的', empty: '还没有自己的常用语。在正文中选中文字，右键“存为常用语”（Alt+F3）。' },
];

/** Props of SnippetsPanel. */
export interface SnippetsPanelProps {
  /** The document's field values (the preview shows them in place of the fields). */
  fields: FieldValues;
  onClose: () => void;
  /** Grows each time the search box should take focus (F3, the toolbar button). */
  focusRequest: number;
}

/** The panel. */
export function SnippetsPanel({ fields, onClose, focusRequest }: SnippetsPanelProps): JSX.Element {
  const snippets = useSnippets();
  const { env, section } = snippets;
  const version = useSyncExternalStore(env.session.subscribe, env.session.getVersion);
  const [browse, setBrowseState] = useState<BrowseState>(env.session.browse);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [result, setResult] = useState<{ key: string; hits: SnippetHit[]; total: number; error: string | null } | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [activeId, setActiveId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();

  const setBrowse = (change: Partial<BrowseState>): void => {
    setBrowseState((b) => {
      const next = { ...b, ...change };
      env.session.remember(next);
      return next;
    });
    setLimit(PAGE);
  };

  // Focus the search box when asked to, once per request (not when another document is opened).
  useEffect(() => {
    if (!env.session.takeFocusRequest(focusRequest)) return;
    snippets.syncSelection();
    searchRef.current?.focus();
    searchRef.current?.select();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request
  }, [env, focusRequest]);

  // Facets: on open and whenever the library changed.
  useEffect(() => {
    let cancelled = false;
    env.client.call('snippets.facets', {}).then(
      (f) => {
        if (cancelled) return;
        setFacets(f);
        snippets.setTopics(f.topics.map((t) => t.topic));
      },
      () => undefined, // The list below shows the failure.
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setTopics only stores a ref
  }, [env, version]);

  const context = section.inSection ? section.kind : null;
  const key = JSON.stringify([browse, context, limit, version]);
  useEffect(() => {
    let cancelled = false;
    const q = browse.query.trim();
    const timer = setTimeout(
      () => {
        env.client
          .call('snippets.search', {
            query: q,
            filter: browse.filter,
            limit,
            context,
            ...(browse.kind ? { kind: browse.kind } : {}),
            ...(browse.topic ? { topic: browse.topic } : {}),
            ...(browse.tag ? { tag: browse.tag } : {}),
          })
          .then(
            (r) => !cancelled && setResult({ key, hits: r.hits, total: r.total, error: null }),
            (error: unknown) => !cancelled && setResult({ key, hits: [], total: 0, error: `读取常用语失败：${errorMessage(error)}` }),
          );
      },
      q ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [env, browse, context, limit, key]);

  const hits = result?.hits ?? [];
  const loading = result?.key !== key;
  const activeIndex = clampActive(hits.findIndex((h) => h.id === activeId), hits.length);
  const active = hits[activeIndex] ?? null;
  const optionId = (index: number): string => `${listId}-${index}`;

  const focusRow = (index: number): void => {
    const row = listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(optionId(index))}`);
    row?.scrollIntoView({ block: 'nearest' });
  };

  const onListKey = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.nativeEvent.isComposing) return;
    const next = moveActive(activeIndex, event.key, hits.length);
    const isInput = event.currentTarget instanceof HTMLInputElement;
    if (next !== null && !(isInput && (event.key === 'Home' || event.key === 'End'))) {
      event.preventDefault();
      setActiveId(hits[next]?.id ?? null);
      focusRow(next);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      snippets.insert(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (isInput && browse.query) setBrowse({ query: '' });
      else onClose();
    }
  };

  const filterInfo = filters.find((f) => f.filter === browse.filter) ?? filters[0];
  const narrowed = browse.kind || browse.topic || browse.tag || browse.query.trim();
  const contextName = section.inSection && section.kind && section.kind !== 'other' ? snippetKindNames[section.kind] : null;

  return (
    <aside className="outline snippets-panel" aria-label="常用语" data-testid="snippets-panel">
      <div className="outline-head">
        <h2 className="outline-title">常用语</h2>
        <span className="outline-sub">{facets ? `共 ${facets.total} 条` : ''}</span>
        <PackMenu kind={browse.kind} topic={browse.topic} />
        <button type="button" className="icon-btn" aria-label="关闭常用语" title="关闭常用语（F3）" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="snip-controls">
        <div className="search-box snip-search">
          <SearchIcon className="search-icon" />
          <input
            ref={searchRef}
            className="search-input"
            type="search"
            role="combobox"
            aria-label="搜索常用语"
            aria-controls={listId}
            aria-expanded={hits.length > 0}
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            aria-autocomplete="list"
            placeholder="搜索：中文、拼音或首字母"
            spellCheck={false}
            value={browse.query}
            onChange={(event) => setBrowse({ query: event.target.value })}
            onKeyDown={onListKey}
          />
          {browse.query ? (
            <button type="button" className="search-clear" aria-label="清除搜索" onClick={() => (setBrowse({ query: '' }), searchRef.current?.focus())}>
              <CloseIcon width={14} height={14} />
            </button>
          ) : null}
        </div>
        <div className="view-tabs snip-tabs" role="tablist" aria-label="范围">
          {filters.map(({ filter, label }) => (
            <button key={filter} type="button" role="tab" className="view-tab" aria-selected={browse.filter === filter} onClick={() => setBrowse({ filter })}>
              {label}
            </button>
          ))}
        </div>
        <div className="snip-kinds" role="group" aria-label="类型">
          <button type="button" className="snip-chip" aria-pressed={browse.kind === null} onClick={() => setBrowse({ kind: null })}>
            全部类型
          </button>
          {snippetKinds.map((kind) => {
            const count = facets?.kinds.find((k) => k.kind === kind)?.count ?? 0;
            return (
              <button
                key={kind}
                type="button"
                className={`snip-chip${section.kind === kind ? ' is-context' : ''}`}
                aria-pressed={browse.kind === kind}
                aria-label={`${snippetKindNames[kind]}（${count} 条）`}
                onClick={() => setBrowse({ kind: browse.kind === kind ? null : kind })}
              >
                {snippetKindNames[kind]}
                <span className="snip-count">{count}</span>
              </button>
            );
          })}
        </div>
        <div className="snip-selects">
          <select className="tb-select snip-select" aria-label="主题" value={browse.topic ?? ''} onChange={(e) => setBrowse({ topic: e.target.value || null })}>
            <option value="">全部主题</option>
            {facets?.topics.map((t) => (
              <option key={t.topic} value={t.topic}>
                {t.topic}（{t.count}）
              </option>
            ))}
          </select>
          <select className="tb-select snip-select" aria-label="标签" value={browse.tag ?? ''} onChange={(e) => setBrowse({ tag: e.target.value || null })}>
            <option value="">全部标签</option>
            {facets?.tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag}（{t.count}）
              </option>
            ))}
          </select>
        </div>
        {contextName ? (
          <p className="snip-context" data-testid="snippet-context">
            当前：<strong>{contextName}</strong>
            <span>· 本部分的常用语排在前面</span>
          </p>
        ) : null}
      </div>
      <div className="snip-results">
        {result?.error ? (
          <p className="list-note is-error" role="alert">
            {result.error}
          </p>
        ) : !loading && hits.length === 0 ? (
          <p className="outline-empty">{narrowed ? '没有找到匹配的常用语。换个说法，或用拼音首字母试试（如 stfz）。' : filterInfo?.empty}</p>
        ) : (
          <ul
            ref={listRef}
            id={listId}
            className="snip-list"
            role="listbox"
            aria-label="常用语列表"
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            tabIndex={0}
            onKeyDown={onListKey}
          >
            {hits.map((hit, index) => (
              <SnippetRow
                key={hit.id}
                id={optionId(index)}
                hit={hit}
                active={index === activeIndex}
                onSelect={() => setActiveId(hit.id)}
                onInsert={() => snippets.insert(hit)}
                onStar={() => void snippets.setFavorite(hit, !hit.favorite)}
                onDragStart={() => snippets.setDragged(hit)}
              />
            ))}
          </ul>
        )}
        {result && result.total > hits.length && !result.error ? (
          <button type="button" className="link-btn snip-more" onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
            {limit >= 500 ? `共 ${result.total} 条，请用搜索或分类缩小范围` : `显示更多（共 ${result.total} 条）`}
          </button>
        ) : null}
      </div>
      {active ? <SnippetPreview hit={active} fields={fields} /> : null}
    </aside>
  );
}

/** One result row. */
function SnippetRow({
  id,
  hit,
  active,
  onSelect,
  onInsert,
  onStar,
  onDragStart,
}: {
  id: string;
  hit: SnippetHit;
  active: boolean;
  onSelect: () => void;
  onInsert: () => void;
  onStar: () => void;
  onDragStart: () => void;
}): JSX.Element {
  const excerpt = excerptAround(hit.body, hit.bodyHighlights);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`snip-row${active ? ' is-active' : ''}`}
      data-testid="snippet-item"
      data-snippet-id={hit.id}
      draggable
      title="单击预览，双击或按 Enter 插入，也可拖到正文中"
      onClick={onSelect}
      onDoubleClick={onInsert}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'copy';
        event.dataTransfer.setData(SNIPPET_DRAG_TYPE, hit.id);
        event.dataTransfer.setData('text/plain', hit.body);
        onDragStart();
      }}
      onDragEnd={() => undefined}
    >
      <div className="snip-row-head">
        <span className="snip-title">
          <Highlighted text={hit.title} ranges={hit.titleHighlights} />
        </span>
        {hit.source === 'user' ? <span className="snip-mine">我的</span> : null}
        <span className={`kind-badge snippet-kind-${hit.kind}`}>{snippetKindNames[hit.kind]}</span>
        <button
          type="button"
          className={`snip-star${hit.favorite ? ' is-on' : ''}`}
          aria-label={hit.favorite ? `取消收藏“${hit.title}”` : `收藏“${hit.title}”`}
          aria-pressed={hit.favorite}
          title={hit.favorite ? '取消收藏' : '收藏'}
          onClick={(event) => {
            event.stopPropagation();
            onStar();
          }}
        >
          {hit.favorite ? '★' : '☆'}
        </button>
      </div>
      <div className="snip-row-body">
        <span className="snip-excerpt">
          <Highlighted text={excerpt.text} ranges={excerpt.ranges} />
        </span>
        <button
          type="button"
          className="btn btn-small snip-insert"
          aria-label={`插入“${hit.title}”`}
          title="插入到光标处（Enter）"
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            event.stopPropagation();
            onInsert();
          }}
        >
          插入
        </button>
      </div>
    </li>
  );
}

/** The selected snippet in full, with its actions. */
function SnippetPreview({ hit, fields }: { hit: SnippetHit; fields: FieldValues }): JSX.Element {
  const snippets = useSnippets();
  const paragraphs = snippetParagraphs(hit.body);
  return (
    <section className="snip-preview" aria-label="预览" data-testid="snippet-preview">
      <div className="snip-preview-head">
        <h3 className="snip-preview-title">{hit.title}</h3>
        <span className="snip-preview-meta">
          {snippetKindNames[hit.kind]} · {hit.topic}
          {hit.tags.length ? ` · ${hit.tags.join('、')}` : ''}
          {hit.useCount ? ` · 用过 ${hit.useCount} 次` : ''}
        </span>
      </div>
      <div className="snip-preview-body">
        {paragraphs.map((segments, i) => (
          <p key={i}>
            {segments.map((s, j) =>
              s.type === 'text' ? (
                <span key={j}>{s.text}</span>
              ) : (
                <span key={j} className={`snip-field${fields[s.name]?.trim() ? ' is-filled' : ''}`} title={`填空“${s.name}”，插入时填写`}>
                  {fields[s.name]?.trim() || s.name}
                </span>
              ),
            )}
          </p>
        ))}
      </div>
      <div className="snip-preview-actions">
        <button type="button" className="btn btn-primary btn-small" onMouseDown={(event) => event.preventDefault()} onClick={() => snippets.insert(hit)}>
          插入
        </button>
        <button type="button" className="btn btn-small" aria-pressed={hit.favorite} onClick={() => void snippets.setFavorite(hit, !hit.favorite)}>
          {hit.favorite ? '★ 已收藏' : '☆ 收藏'}
        </button>
        <span className="toolbar-spacer" />
        {hit.source === 'user' ? (
          <>
            <button type="button" className="btn btn-small" onClick={() => snippets.edit(hit)}>
              编辑
            </button>
            <button type="button" className="btn btn-small btn-danger-text" onClick={() => snippets.remove(hit)}>
              删除
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-small" title="默认常用语不能修改；复制一份成为您自己的，再按需修改" onClick={() => snippets.copyAsMine(hit)}>
            复制为我的常用语
          </button>
        )}
      </div>
    </section>
  );
}
