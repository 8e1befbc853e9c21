// The bottom bar: 字数 (as Word counts Chinese), 约 N 页 (the export's pages; a click shows or hides
// the page markers), the save state with 重试, zoom, data folder.
import type { JSX } from 'react';
import type { DocSaveState } from '../editor/autosave';
import { clockTime, count } from '../lib/format';
import { FolderIcon } from '../ui/icons';

/** Props of StatusBar. */
export interface StatusBarProps {
  /** Null when no document is open. */
  words: number | null;
  /** Pages of the export (null: no document, or not counted yet). */
  pages?: number | null;
  /** What the page count is based on (the profile and its grid). */
  pagesTitle?: string;
  /** Whether the "第 N 页" markers are shown; a click on the count toggles them. */
  pageMarkers?: boolean;
  onTogglePageMarkers?: () => void;
  save: DocSaveState | null;
  /** Other documents with unsaved edits (background retries). */
  otherUnsaved: number;
  zoom: number;
  version: string;
  modeLabel: string;
  onRetry: () => void;
  onDataFolder: () => void;
  onZoomReset: () => void;
}

/** What the save state reads as. */
export function saveLabel(save: DocSaveState): string {
  switch (save.status) {
    case 'saved':
      return '已保存';
    case 'pending':
    case 'saving':
      return '正在保存…';
    case 'error':
      return '保存失败';
    case 'conflict':
      return '版本冲突';
  }
}

/** The page count as the status bar shows it: "约 106 页". */
export function pagesLabel(pages: number): string {
  return `约 ${pages} 页`;
}

/** The status bar. */
export function StatusBar({ words, pages = null, pagesTitle, pageMarkers = false, onTogglePageMarkers, save, otherUnsaved, zoom, version, modeLabel, onRetry, onDataFolder, onZoomReset }: StatusBarProps): JSX.Element {
  return (
    <footer className="statusbar" aria-label="状态栏">
      <div className="status-left">
        {words !== null ? (
          <span className="status-item" data-testid="word-count" title="按 Word 的方式统计：每个汉字和全角标点计 1，每个英文单词或数字计 1">
            字数 {count(words)}
          </span>
        ) : null}
        {words !== null && pages !== null ? (
          <button
            type="button"
            className="status-item status-btn"
            data-testid="page-count"
            aria-pressed={pageMarkers}
            title={`${pagesTitle ?? '导出后的页数'}。点击${pageMarkers ? '隐藏' : '显示'}分页标记。`}
            onClick={onTogglePageMarkers}
          >
            {pagesLabel(pages)}
          </button>
        ) : null}
        {save ? (
          <span className={`status-item save-state save-${save.status}`} data-testid="save-status" role="status" title={save.savedAt ? `上次保存于 ${clockTime(save.savedAt)}` : undefined}>
            <span className="save-dot" aria-hidden="true" />
            {saveLabel(save)}
            {save.status === 'error' ? (
              <button type="button" className="status-btn" onClick={onRetry}>
                重试
              </button>
            ) : null}
          </span>
        ) : null}
        {otherUnsaved > 0 ? (
          <button type="button" className="status-item status-btn is-warning" onClick={onRetry} title="点击立即重试">
            另有 {otherUnsaved} 篇文稿未保存
          </button>
        ) : null}
      </div>
      <div className="status-right">
        {zoom !== 1 ? (
          <button type="button" className="status-item status-btn" onClick={onZoomReset} title="恢复 100%">
            {Math.round(zoom * 100)}%
          </button>
        ) : null}
        <span className="status-item">仿宋 三号 · A4</span>
        <button type="button" className="status-item status-btn" onClick={onDataFolder}>
          <FolderIcon width={13} height={13} />
          数据文件夹
        </button>
        <span className="status-item status-muted">
          文稿 {version} · {modeLabel}
        </span>
      </div>
    </footer>
  );
}
