// Chinese formatting of times, sizes and counts for the library, status bar and recovery screen.

const pad2 = (n: number): string => String(n).padStart(2, '0');

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Clock time, e.g. "09:05". */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Full date and time, e.g. "2025年7月1日 09:05" (dates without zero padding, as in 公文). */
export function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${clockTime(ms)}`;
}

/**
 * How long ago, in Chinese: 刚刚, 5 分钟前, 今天 14:20, 昨天 09:10, 3 天前, 3月2日, 2024年3月2日.
 * Times in the future (clock skew) read as 刚刚.
 */
export function relativeTime(ms: number, now: number = Date.now()): string {
  const diff = now - ms;
  if (diff < 60_000) return '刚刚';
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)} 分钟前`;
  const d = new Date(ms);
  const today = new Date(now);
  if (sameDay(d, today)) return `今天 ${clockTime(ms)}`;
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(d, yesterday)) return `昨天 ${clockTime(ms)}`;
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const days = Math.ceil((startOfToday - ms) / 86_400_000);
  if (days < 7) return `${days} 天前`;
  if (d.getFullYear() === today.getFullYear()) return `${d.getMonth() + 1}月${d.getDate()}日`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A byte size in KB/MB with one decimal, e.g. "1.5 MB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** A count with thousands separators, e.g. "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** One piece of highlighted text: plain or marked. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * Splits text into plain and marked parts from [start, end) ranges (UTF-16 offsets). Ranges are
 * clamped, sorted and merged, so a bad range from the search index never throws or duplicates.
 */
export function highlightParts(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clean) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** The title to show for a document (untitled ones get a placeholder). */
export function displayTitle(title: string): string {
  return title.trim() || '无标题文稿';
}
