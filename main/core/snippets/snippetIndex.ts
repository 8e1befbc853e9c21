// The in-memory snippet index behind snippets.search: built once (lazily, at the first snippets
// call) from the default library and the user's rows, then kept up to date on save, delete,
// import, favourite and use. Typing in the F3 panel searches on every keystroke, so the budget is
// 5 ms over 20,000 snippets.
//
// Design. Each snippet gets three precomputed lower-case strings over title|body|tags|topic:
//   text  — the characters themselves (ASCII lower-cased in place, so offsets stay the same);
//   py    — full pinyin without spaces ("守土负责" → "shoutufuze"), punctuation as " ";
//   ini   — one initial per character ("stfz");
// and for py and ini a second string with each polyphonic character's other reading (长 chang/
// zhang, 重, 行), so 河长制 is found by "hezhangzhi" although the dictionary reads it he-chang.
// py comes with a map from each position back to the character (Uint16Array; ini needs none), which turns
// a pinyin match into highlighted characters. All snippets' strings are joined into one string per
// kind (separated by U+0000), so a query is a few native indexOf scans; after the first hit in a
// snippet the scan jumps to the next snippet. Pinyin matches must start at a syllable, so "tufu"
// matches 守土负责 but "outu" does not. Ranking keeps the best `limit` hits in a small heap instead
// of sorting every match.
import { pinyin, polyphonic } from 'pinyin-pro';
import type { Snippet } from '../../common/snippetModel';
import type { SectionKind } from '../../common/reportModel';

/** A snippet with where it comes from and how it has been used. */
export interface IndexedSnippet extends Snippet {
  source: 'default' | 'user';
  favorite: boolean;
  useCount: number;
  lastUsedAt: number | null;
  /** Creation time of a user snippet (ms), 0 for defaults. */
  createdAt: number;
}

/** Match quality of a hit: higher is better; the bands follow the ranking rules of issue #6. */
export const Quality = {
  exactTitle: 100,
  titlePrefix: 90,
  title: 80,
  body: 70,
  tagOrTopic: 68,
  pinyinTitlePrefix: 65,
  pinyinTitle: 60,
  pinyinBody: 50,
  initialsTitlePrefix: 45,
  initialsTitle: 40,
  initialsBody: 30,
  browse: 1,
} as const;

/** [start, end) UTF-16 offsets. */
export type Range = [number, number];

/** What a search asks for. */
export interface IndexQuery {
  query: string;
  kind?: Snippet['kind'] | undefined;
  topic?: string | undefined;
  tag?: string | undefined;
  context?: SectionKind | null | undefined;
  filter: 'all' | 'favorites' | 'recent' | 'user';
  limit: number;
}

/** One ranked hit. */
export interface IndexHit {
  snippet: IndexedSnippet;
  quality: number;
  titleHighlights: Range[];
  bodyHighlights: Range[];
}

interface Entry {
  s: IndexedSnippet;
  /** Base order (user snippets newest first, then defaults in library order). */
  order: number;
  text: string;
  titleLen: number;
  bodyStart: number;
  bodyEnd: number;
  py: string;
  pyChar: Uint16Array;
  /** Full pinyin with each polyphonic character's other reading. */
  altPy: string;
  altPyChar: Uint16Array;
  /** One initial per UTF-16 unit of text (so position = character offset). */
  ini: string;
  alt: string;
}

interface Compiled {
  entries: Entry[];
  text: string;
  textStarts: Int32Array;
  py: string;
  pyStarts: Int32Array;
  altPy: string;
  altPyStarts: Int32Array;
  ini: string;
  alt: string;
  iniStarts: Int32Array;
}

const SEP = '\u0001';
const isHan = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isAsciiAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** ASCII letters lower-cased, every other character kept (so offsets do not move). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The distinct toneless readings of a Chinese character (长 → chang, zhang), cached. */
const readingCache = new Map<string, string[]>();
function readingsOf(char: string): string[] {
  const cached = readingCache.get(char);
  if (cached) return cached;
  const readings: string[] = polyphonic(char, { toneType: 'none', type: 'array', v: true })[0] ?? [];
  const found = [...new Set(readings.filter((r) => /^[a-z]+$/.test(r)))];
  readingCache.set(char, found);
  return found;
}

/** Appends one position per character of `piece` to a map, all pointing at character `at`. */
function pushMap(map: number[], at: number, length: number): void {
  for (let k = 0; k < length; k++) map.push(at);
}

/** The searchable strings of one snippet. */
function buildEntry(s: IndexedSnippet, order: number): Entry {
  const raw = `${s.title}${SEP}${s.body}${SEP}${s.tags.join(' ')}${SEP}${s.topic}`;
  const text = asciiLower(raw);
  // pinyin-pro answers one item per code point; astral characters become two spaces so that
  // its items line up with UTF-16 offsets.
  const readings = pinyin(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '  '), { toneType: 'none', type: 'array', v: true });
  let py = '';
  let altPy = '';
  let ini = '';
  let alt = '';
  const pyChar: number[] = [];
  const altPyChar: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const reading = readings[i] ?? '';
    if (isHan(code) && /^[a-z]+$/.test(reading)) {
      // The reading in context, and the character's other reading (河长 is read "he chang" by the
      // dictionary, but people type "hezhang").
      const other = readingsOf(text[i] as string).find((r) => r !== reading) ?? reading;
      py += reading;
      pushMap(pyChar, i, reading.length);
      altPy += other;
      pushMap(altPyChar, i, other.length);
      const first = reading[0] as string;
      ini += first;
      alt += readingsOf(text[i] as string).map((r) => r[0] as string).find((c) => c !== first) ?? first;
    } else {
      const ch = isAsciiAlnum(code) ? (text[i] as string) : ' ';
      py += ch;
      pyChar.push(i);
      altPy += ch;
      altPyChar.push(i);
      ini += ch;
      alt += ch;
    }
  }
  const bodyStart = s.title.length + 1;
  return {
    s,
    order,
    text,
    titleLen: s.title.length,
    bodyStart,
    bodyEnd: bodyStart + s.body.length,
    py,
    pyChar: Uint16Array.from(pyChar),
    altPy,
    altPyChar: Uint16Array.from(altPyChar),
    ini,
    alt,
  };
}

/** Offsets where each part starts in the joined string, plus the end. */
function join(parts: readonly string[]): { joined: string; starts: Int32Array } {
  const starts = new Int32Array(parts.length + 1);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    starts[i] = at;
    at += (parts[i] as string).length + 1;
  }
  starts[parts.length] = at;
  return { joined: parts.join('\u0000'), starts };
}

/** Merges sorted-or-not ranges into sorted, non-overlapping ones. */
function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The query as typed (for Chinese) and as pinyin letters (null when it cannot be pinyin). */
export function normalizeQuery(query: string): { literal: string; pinyin: string | null; initials: boolean } {
  const literal = asciiLower(query.trim().replace(/\s+/g, ' '));
  const compact = literal.replace(/[\s']/g, '');
  if (/^[a-z0-9]+$/.test(compact) && /[a-z]/.test(compact)) return { literal, pinyin: compact, initials: /^[a-z]+$/.test(compact) };
  // Mixed typing ("守tu"): the Chinese part becomes its pinyin.
  if (/[a-z]/.test(compact) && /^[\u3400-\u9fffa-z0-9]+$/.test(compact)) {
    return { literal, pinyin: pinyin(compact, { toneType: 'none', type: 'array', v: true }).join(''), initials: false };
  }
  return { literal, pinyin: null, initials: false };
}

/** The in-memory index over every snippet. */
export class SnippetIndex {
  private readonly byId = new Map<string, Entry>();
  private compiled: Compiled | null = null;
  /** Per-entry scratch for one query (reused: no allocation per keystroke). */
  private quality = new Uint8Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;
  private nextOrder = 0;

  constructor(defaults: readonly Snippet[] = []) {
    for (const s of defaults) this.put({ ...s, source: 'default', favorite: false, useCount: 0, lastUsedAt: null, createdAt: 0 });
  }

  /** Number of snippets. */
  get size(): number {
    return this.byId.size;
  }

  /** The snippet with this id, or undefined. */
  get(id: string): IndexedSnippet | undefined {
    return this.byId.get(id)?.s;
  }

  /** Every snippet: defaults in library order, then user snippets oldest first. */
  all(): IndexedSnippet[] {
    const list = [...this.byId.values()].map((e) => e.s);
    const defaults = list.filter((s) => s.source === 'default');
    const user = list.filter((s) => s.source === 'user').sort((a, b) => a.createdAt - b.createdAt);
    return [...defaults, ...user];
  }

  /** Adds or replaces a snippet (its pinyin is recomputed only when its text changed). */
  put(s: IndexedSnippet): void {
    const old = this.byId.get(s.id);
    if (old && old.s.source === s.source && old.s.title === s.title && old.s.body === s.body && old.s.topic === s.topic && old.s.tags.join('\u0000') === s.tags.join('\u0000')) {
      old.s = s;
      return;
    }
    // Base order: user snippets newest first, then the defaults in library order.
    const order = s.source === 'user' ? -s.createdAt : (old?.order ?? this.nextOrder++);
    this.byId.set(s.id, buildEntry(s, order));
    this.compiled = null;
  }

  /** Removes a snippet. */
  remove(id: string): void {
    if (this.byId.delete(id)) this.compiled = null;
  }

  /** Updates a snippet's favourite flag and use without touching its text. */
  setUse(id: string, use: { favorite: boolean; useCount: number; lastUsedAt: number | null }): void {
    const entry = this.byId.get(id);
    if (entry) entry.s = { ...entry.s, ...use };
  }

  /** Every user snippet id. */
  userIds(): string[] {
    return [...this.byId.values()].filter((e) => e.s.source === 'user').map((e) => e.s.id);
  }

  /** Builds the joined strings (after any change to the set of snippets or their text). */
  private compile(): Compiled {
    if (this.compiled) return this.compiled;
    const entries = [...this.byId.values()];
    const text = join(entries.map((e) => e.text));
    const py = join(entries.map((e) => e.py));
    const altPy = join(entries.map((e) => e.altPy));
    const ini = join(entries.map((e) => e.ini));
    const alt = join(entries.map((e) => e.alt));
    this.quality = new Uint8Array(entries.length);
    this.stamp = new Int32Array(entries.length);
    this.generation = 0;
    this.compiled = { entries, text: text.joined, textStarts: text.starts, py: py.joined, pyStarts: py.starts, altPy: altPy.joined, altPyStarts: altPy.starts, ini: ini.joined, alt: alt.joined, iniStarts: ini.starts };
    return this.compiled;
  }

  /** Builds the index now (otherwise the first search does), e.g. to measure it. */
  warm(): void {
    this.compile();
  }

  /** The best `limit` snippets for a query with the total number of matches. */
  search(q: IndexQuery): { hits: IndexHit[]; total: number } {
    const c = this.compile();
    const { entries } = c;
    const gen = ++this.generation;
    if (gen > 0x7ffffff0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    const quality = this.quality;
    const stamp = this.stamp;
    const touched: number[] = [];
    const filtered = q.kind !== undefined || q.topic !== undefined || q.tag !== undefined || q.filter !== 'all';
    const allowed = (e: Entry): boolean => {
      const s = e.s;
      if (q.kind !== undefined && s.kind !== q.kind) return false;
      if (q.topic !== undefined && s.topic !== q.topic) return false;
      if (q.tag !== undefined && !s.tags.includes(q.tag)) return false;
      if (q.filter === 'favorites') return s.favorite;
      if (q.filter === 'user') return s.source === 'user';
      if (q.filter === 'recent') return s.lastUsedAt !== null;
      return true;
    };
    const record = (index: number, value: number): void => {
      if (stamp[index] !== g) {
        stamp[index] = g;
        quality[index] = value;
        touched.push(index);
      } else if (value > (quality[index] as number)) quality[index] = value;
    };
    const { literal, pinyin: pyQuery, initials } = normalizeQuery(q.query);
    if (literal === '') {
      for (let i = 0; i < entries.length; i++) if (!filtered || allowed(entries[i] as Entry)) record(i, Quality.browse);
    } else {
      // Chinese (or any literal) substring.
      this.scan(c.text, c.textStarts, literal, entries, filtered ? allowed : null, (e, local) => {
        const s = e.s;
        if (local < e.titleLen) {
          if (local === 0) return literal.length === e.titleLen ? Quality.exactTitle : Quality.titlePrefix;
          return Quality.title;
        }
        if (local < e.bodyEnd) return local + literal.length <= e.bodyEnd ? Quality.body : 0;
        return local >= e.bodyEnd + 1 && s.tags.length + s.topic.length > 0 ? Quality.tagOrTopic : 0;
      }, record);
      if (pyQuery) {
        const inTitle = (e: Entry, map: Uint16Array | null, local: number): boolean => (map ? (map[local] as number) : local) < e.titleLen;
        const pinyinGrade = (map: (e: Entry) => Uint16Array) => (e: Entry, local: number): number => {
          const m = map(e);
          // A match starts at a syllable: "tufu" is in 守土负责, "outu" is not.
          if (local > 0 && m[local] === m[local - 1]) return 0;
          if (inTitle(e, m, local)) return local === 0 ? Quality.pinyinTitlePrefix : Quality.pinyinTitle;
          return Quality.pinyinBody;
        };
        this.scan(c.py, c.pyStarts, pyQuery, entries, filtered ? allowed : null, pinyinGrade((e) => e.pyChar), record);
        this.scan(c.altPy, c.altPyStarts, pyQuery, entries, filtered ? allowed : null, pinyinGrade((e) => e.altPyChar), record);
        if (initials) {
          const grade = (e: Entry, local: number): number => {
            if (inTitle(e, null, local)) return local === 0 ? Quality.initialsTitlePrefix : Quality.initialsTitle;
            return Quality.initialsBody;
          };
          this.scan(c.ini, c.iniStarts, pyQuery, entries, filtered ? allowed : null, grade, record);
          this.scan(c.alt, c.iniStarts, pyQuery, entries, filtered ? allowed : null, grade, record);
        }
      }
    }
    const better = this.comparator(entries, q.context ?? null, q.filter === 'recent');
    const top = topK(touched, q.limit, better);
    const hits = top.map((index) => {
      const entry = entries[index] as Entry;
      const marks = literal === '' ? { title: [], body: [] } : highlights(entry, literal, pyQuery, initials);
      return { snippet: entry.s, quality: quality[index] as number, titleHighlights: marks.title, bodyHighlights: marks.body };
    });
    return { hits, total: touched.length };
  }

  /**
   * Scans a joined string for a needle; for each snippet, grade() rates its first acceptable
   * occurrence (0 = not acceptable, keep looking in this snippet), then the scan jumps on.
   */
  private scan(
    joined: string,
    starts: Int32Array,
    needle: string,
    entries: Entry[],
    allowed: ((e: Entry) => boolean) | null,
    grade: (e: Entry, local: number) => number,
    record: (index: number, value: number) => void,
  ): void {
    let index = 0;
    let pos = joined.indexOf(needle);
    while (pos !== -1) {
      while ((starts[index + 1] as number) <= pos) index++;
      const entry = entries[index] as Entry;
      if (allowed && !allowed(entry)) {
        pos = joined.indexOf(needle, starts[index + 1] as number);
        continue;
      }
      const value = grade(entry, pos - (starts[index] as number));
      if (value > 0) {
        record(index, value);
        pos = joined.indexOf(needle, starts[index + 1] as number);
      } else {
        pos = joined.indexOf(needle, pos + 1);
      }
    }
  }

  /** True when entry a ranks above entry b. */
  private comparator(entries: Entry[], context: SectionKind | null, recent: boolean): (a: number, b: number) => boolean {
    const quality = this.quality;
    return (a, b) => {
      const ea = (entries[a] as Entry).s;
      const eb = (entries[b] as Entry).s;
      if (recent && ea.lastUsedAt !== eb.lastUsedAt) return (ea.lastUsedAt ?? 0) > (eb.lastUsedAt ?? 0);
      const qa = quality[a] as number;
      const qb = quality[b] as number;
      if (qa !== qb) return qa > qb;
      const ca = context !== null && ea.kind === context;
      const cb = context !== null && eb.kind === context;
      if (ca !== cb) return ca;
      if (ea.favorite !== eb.favorite) return ea.favorite;
      if (ea.useCount !== eb.useCount) return ea.useCount > eb.useCount;
      if (ea.lastUsedAt !== eb.lastUsedAt) return (ea.lastUsedAt ?? 0) > (eb.lastUsedAt ?? 0);
      return (entries[a] as Entry).order < (entries[b] as Entry).order;
    };
  }
}

/** The best k of the candidates, best first: a min-heap of size k (no sort of every match). */
function topK(candidates: readonly number[], k: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => better(b, a);
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (const c of candidates) {
    if (heap.length < k) {
      heap.push(c);
      up(heap.length - 1);
    } else if (better(c, heap[0] as number)) {
      heap[0] = c;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** Highlight ranges in the title and body: literal matches, else pinyin or initials mapped back. */
function highlights(e: Entry, literal: string, pyQuery: string | null, initials: boolean): { title: Range[]; body: Range[] } {
  const found: Range[] = [];
  const occurrences = (hay: string, needle: string, each: (at: number) => void): void => {
    if (!needle) return;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) each(at);
  };
  occurrences(e.text, literal, (at) => void found.push([at, at + literal.length]));
  if (found.length === 0 && pyQuery) {
    const viaMap = (hay: string, map: Uint16Array | null, needSyllable: boolean): void =>
      occurrences(hay, pyQuery, (at) => {
        if (needSyllable && map && at > 0 && map[at] === map[at - 1]) return;
        const start = map ? (map[at] as number) : at;
        const end = (map ? (map[at + pyQuery.length - 1] as number) : at + pyQuery.length - 1) + 1;
        found.push([start, end]);
      });
    viaMap(e.py, e.pyChar, true);
    viaMap(e.altPy, e.altPyChar, true);
    if (found.length === 0 && initials) {
      viaMap(e.ini, null, false);
      viaMap(e.alt, null, false);
    }
  }
  const title: Range[] = [];
  const body: Range[] = [];
  for (const [s, t] of found) {
    if (t <= e.titleLen) title.push([s, t]);
    else if (s >= e.bodyStart && t <= e.bodyEnd) body.push([s - e.bodyStart, t - e.bodyStart]);
  }
  return { title: mergeRanges(title), body: mergeRanges(body) };
}
