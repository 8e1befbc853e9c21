// The left panel: search, 新建, the document list (recent first), search hits and 回收站.
import type { JSX, RefObject } from 'react';
import type { DocumentMeta, SearchHit } from '@common/contract';
import { count, displayTitle, relativeTime } from '../lib/format';
import { DocIcon, PencilIcon, PlusIcon, SearchIcon, TrashIcon, UndoIcon, CloseIcon } from '../ui/icons';
import { Highlighted } from './Highlighted';
import { InlineRename } from './InlineRename';

/** Which list the panel shows. */
export type LibraryView = 'library' | 'trash';

/** Search state shown by the panel. */
export interface SearchState {
  query: string;
  hits: SearchHit[] | null;
  error: string | null;
}

/** Props of LibraryPanel. */
export interface LibraryPanelProps {
  view: LibraryView;
  onView: (view: LibraryView) => void;
  docs: DocumentMeta[] | null;
  trash: DocumentMeta[] | null;
  currentId: string | null;
  unsavedIds: ReadonlySet<string>;
  query: string;
  onQuery: (query: string) => void;
  search: SearchState | null;
  searchRef: RefObject<HTMLInputElement | null>;
  renamingId: string | null;
  onStartRename: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onCancelRename: () => void;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** Opens the import dialog. */
  onImport: () => void;
  onTrash: (id: string) => void;
  onRestore: (id: string) => void;
  onDeleteForever: (id: string) => void;
  now: number;
}

/** The library panel. */
export function LibraryPanel(props: LibraryPanelProps): JSX.Element {
  const { view, onView, docs, trash, query, onQuery, search, searchRef, onNew, onImport } = props;
  const searching = query.trim() !== '';
  return (
    <aside className="library" aria-label="文稿库">
      <div className="library-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            文
          </span>
          <span className="brand-name">文稿</span>
        </div>
        <button type="button" className="btn btn-primary btn-new" onClick={onNew} title="新建文稿：空白或从模板（Ctrl+N 直接新建空白文稿，Ctrl+Alt+N 从模板新建）">
          <PlusIcon />
          新建
        </button>
        <button type="button" className="btn btn-import" onClick={onImport} title="导入旧文稿：.docx、.txt、.md 或粘贴的文字（Ctrl+O）" data-testid="import-open">
          导入
        </button>
      </div>
      <div className="search-box">
        <SearchIcon className="search-icon" />
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          aria-label="搜索文稿"
          placeholder="搜索全文（Ctrl+F）"
          value={query}
          maxLength={200}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
        {query ? (
          <button type="button" className="search-clear" aria-label="清除搜索" onClick={() => onQuery('')}>
            <CloseIcon width={14} height={14} />
          </button>
        ) : null}
      </div>
      {searching ? null : (
        <div className="view-tabs" role="tablist" aria-label="视图">
          <button type="button" role="tab" aria-selected={view === 'library'} className="view-tab" onClick={() => onView('library')}>
            全部文稿{docs ? <span className="tab-count">{docs.length}</span> : null}
          </button>
          <button type="button" role="tab" aria-selected={view === 'trash'} className="view-tab" onClick={() => onView('trash')}>
            回收站{trash?.length ? <span className="tab-count">{trash.length}</span> : null}
          </button>
        </div>
      )}
      <div className="library-body">
        {searching ? <SearchResults {...props} search={search} /> : view === 'trash' ? <TrashList {...props} /> : <DocList {...props} />}
      </div>
    </aside>
  );
}

function DocList({ docs, currentId, unsavedIds, renamingId, onStartRename, onRename, onCancelRename, onOpen, onTrash, now }: LibraryPanelProps): JSX.Element {
  if (docs === null) return <p className="list-note">正在载入…</p>;
  if (docs.length === 0) {
    return (
      <div className="empty-state">
        <DocIcon width={32} height={32} className="empty-icon" />
        <p className="empty-title">还没有文稿</p>
        <p className="empty-text">点击上方“新建”，开始写工作总结、情况报告或述职报告。</p>
      </div>
    );
  }
  return (
    <ul className="doc-list" aria-label="文稿列表">
      {docs.map((doc) => {
        const selected = doc.id === currentId;
        return (
          <li key={doc.id} className={`doc-row${selected ? ' is-current' : ''}`} data-testid="doc-item" data-doc-id={doc.id}>
            {renamingId === doc.id ? (
              <div className="doc-item is-renaming">
                <InlineRename initial={doc.title} onCommit={(title) => onRename(doc.id, title)} onCancel={onCancelRename} />
              </div>
            ) : (
              <>
                <button
                  type="button"
                  className="doc-item"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onOpen(doc.id)}
                  onDoubleClick={() => onStartRename(doc.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'F2') {
                      event.preventDefault();
                      event.stopPropagation();
                      onStartRename(doc.id);
                    } else if (event.key === 'Delete') {
                      event.preventDefault();
                      onTrash(doc.id);
                    }
                  }}
                  title={displayTitle(doc.title)}
                >
                  <span className={`doc-title${doc.title.trim() ? '' : ' is-untitled'}`}>{displayTitle(doc.title)}</span>
                  <span className="doc-meta">
                    {relativeTime(doc.updatedAt, now)}
                    <span className="dot-sep" aria-hidden="true">·</span>
                    {count(doc.chars)} 字
                    {unsavedIds.has(doc.id) ? <span className="unsaved-dot" title="有未保存的修改" aria-label="有未保存的修改" /> : null}
                  </span>
                </button>
                <span className="doc-actions">
                  <button type="button" className="icon-btn" aria-label={`重命名“${displayTitle(doc.title)}”`} title="重命名（F2）" onClick={() => onStartRename(doc.id)}>
                    <PencilIcon />
                  </button>
                  <button type="button" className="icon-btn" aria-label={`将“${displayTitle(doc.title)}”移到回收站`} title="移到回收站" onClick={() => onTrash(doc.id)}>
                    <TrashIcon />
                  </button>
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function TrashList({ trash, onRestore, onDeleteForever, now }: LibraryPanelProps): JSX.Element {
  if (trash === null) return <p className="list-note">正在载入…</p>;
  if (trash.length === 0) {
    return (
      <div className="empty-state">
        <TrashIcon width={32} height={32} className="empty-icon" />
        <p className="empty-title">回收站是空的</p>
        <p className="empty-text">移到回收站的文稿会放在这里，可随时还原。</p>
      </div>
    );
  }
  return (
    <>
      <p className="list-note">回收站中的文稿可以还原；永久删除后无法找回。</p>
      <ul className="doc-list trash-list" aria-label="回收站">
        {trash.map((doc) => (
          <li key={doc.id} className="doc-row trash-row" data-testid="trash-item" data-doc-id={doc.id}>
            <div className="doc-item is-static">
              <span className="doc-title">{displayTitle(doc.title)}</span>
              <span className="doc-meta">
                删除于 {relativeTime(doc.trashedAt ?? doc.updatedAt, now)}
                <span className="dot-sep" aria-hidden="true">·</span>
                {count(doc.chars)} 字
              </span>
              <span className="trash-actions">
                <button type="button" className="btn btn-small" onClick={() => onRestore(doc.id)} aria-label={`还原“${displayTitle(doc.title)}”`}>
                  <UndoIcon width={14} height={14} />
                  还原
                </button>
                <button type="button" className="btn btn-small btn-danger-text" onClick={() => onDeleteForever(doc.id)} aria-label={`永久删除“${displayTitle(doc.title)}”`}>
                  永久删除
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function SearchResults({ search, query, currentId, onOpen, now }: LibraryPanelProps): JSX.Element {
  if (!search || search.hits === null) return <p className="list-note">正在搜索…</p>;
  if (search.error) return <p className="list-note is-error">{search.error}</p>;
  if (search.hits.length === 0) {
    return (
      <div className="empty-state">
        <SearchIcon width={32} height={32} className="empty-icon" />
        <p className="empty-title">没有找到</p>
        <p className="empty-text">没有文稿包含“{query.trim()}”。可以换个词，或用空格分隔多个词。</p>
      </div>
    );
  }
  return (
    <>
      <p className="list-note">找到 {search.hits.length} 篇文稿</p>
      <ul className="doc-list hit-list" aria-label="搜索结果">
        {search.hits.map((hit) => (
          <li key={hit.id} className={`doc-row${hit.id === currentId ? ' is-current' : ''}`} data-testid="search-hit" data-doc-id={hit.id}>
            <button type="button" className="doc-item" onClick={() => onOpen(hit.id)}>
              <span className="doc-title">
                {hit.title.trim() ? <Highlighted text={hit.title} ranges={hit.titleHighlights} /> : displayTitle(hit.title)}
              </span>
              {hit.excerpt ? (
                <span className="hit-excerpt" data-testid="search-excerpt">
                  <Highlighted text={hit.excerpt} ranges={hit.highlights} />
                </span>
              ) : null}
              <span className="doc-meta">{relativeTime(hit.updatedAt, now)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
