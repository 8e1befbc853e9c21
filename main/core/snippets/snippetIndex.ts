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
// py comes with a map from each position back to the character (Uint16Array; ini needs none), which
// turns a pinyin match into highlighted characters.
//
// Chinese: all snippets' text joined into one string (U+0000 between them), one native indexOf
// scan per query that jumps to the next snippet after the first hit in one.
// Pinyin and initials: never scanned. Every syllable start (every character, for initials) is a
// posting in a CSR table keyed by its first three letters, with the next six letters packed
// beside it; a query is one contiguous range of postings checked with integer arithmetic (the
// string is read only past nine letters). One or two letters read per-snippet letter sets instead.
// Matches start at a syllable, so "tufu" matches 守土负责 but "outu" does not.
// Ranking: one number per hit (quality, section fit, a precomputed favourite/use/recency rank);
// the best `limit` are kept in a small heap instead of sorting every match. Scratch arrays are
// allocated per index, not per query. A save or delete after a build is patched in: the old
// entry is marked dead and up to 64 new ones are searched one by one; the 65th change rebuilds
// the tables at the next search (about 12 ms for the default library, about a second at 20,000).
import { pinyin, polyphonic } from 'pinyin-pro';
import { snippetKinds } from '../../common/snippetModel';
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
  /** 1 where a character's other reading differs from its reading in context. */
  differs: Uint8Array;
  /** One initial per UTF-16 unit of text (so position = character offset). */
  ini: string;
  alt: string;
}

interface Compiled {
  entries: Entry[];
  text: string;
  textStarts: Int32Array;
  py: SyllableIndex;
  altPy: SyllableIndex;
  ini: SyllableIndex;
  alt: SyllableIndex;
  /** Per entry, title then body: the letters that start a syllable (bit 1–26). */
  firstLetters: Int32Array;
  /** Per entry, title then body: which two-letter syllable beginnings occur (27² bits each). */
  twoLetters: Int32Array;
  /** Per entry, the first two letters of the title's pinyin in both readings (c1 × 27 + c2). */
  titleStart: Int16Array;
  /** Entries in the tables; entries after them were added since and are searched one by one. */
  base: number;
  /** 1 for entries deleted or replaced since the tables were built. */
  dead: Uint8Array;
}

/** Snippets added or changed after a build that are searched without tables, before a rebuild. */
const PENDING_MAX = 64;

/** Int32 words of a 27² bit set. */
const PAIR_WORDS = 23;

/** The syllable-start letter sets of every entry (one- and two-letter queries read only these). */
function buildLetterSets(entries: readonly Entry[]): { firstLetters: Int32Array; twoLetters: Int32Array; titleStart: Int16Array } {
  const titleStart = new Int16Array(entries.length * 2);
  const firstLetters = new Int32Array(entries.length * 2);
  const twoLetters = new Int32Array(entries.length * 2 * PAIR_WORDS);
  entries.forEach((entry, e) => {
    titleStart[e * 2] = letterCode(entry.py.charCodeAt(0)) * 27 + letterCode(entry.py.charCodeAt(1));
    titleStart[e * 2 + 1] = letterCode(entry.altPy.charCodeAt(0)) * 27 + letterCode(entry.altPy.charCodeAt(1));
    for (const [hay, map] of [[entry.py, entry.pyChar], [entry.altPy, entry.altPyChar]] as const) {
      for (let k = 0; k < hay.length; k++) {
        const c1 = letterCode(hay.charCodeAt(k));
        if (c1 === 0 || (k > 0 && map[k] === map[k - 1])) continue;
        const part = (map[k] as number) < entry.titleLen ? 0 : 1;
        firstLetters[e * 2 + part] = (firstLetters[e * 2 + part] as number) | (1 << c1);
        const pair = c1 * 27 + letterCode(hay.charCodeAt(k + 1));
        const word = (e * 2 + part) * PAIR_WORDS + (pair >> 5);
        twoLetters[word] = (twoLetters[word] as number) | (1 << (pair & 31));
      }
    }
  });
  return { firstLetters, twoLetters, titleStart };
}

const SEP = '\u0001';
const isHan = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isAsciiAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** ASCII letters lower-cased, every other character kept (so offsets do not move). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * pinyin-pro's options: toneless, ü as v (as people type it), and reverse maximum matching for
 * the words that decide a polyphone's reading — 2.5× faster than the default segmenter, and on
 * the default library it differs in 9 of 32,000 characters, mostly for the better (调度 diao,
 * 双重 chong, 行业 hang); the other reading is indexed anyway.
 */
const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true, segmentit: 1 } as const;

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
  const readings = pinyin(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '  '), PINYIN_OPTIONS);
  // Pieces joined once at the end: flat strings (a string grown with += is a rope, slow to read).
  const py: string[] = [];
  const altPy: string[] = [];
  const ini: string[] = [];
  const alt: string[] = [];
  const pyChar: number[] = [];
  const altPyChar: number[] = [];
  const differs = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const reading = readings[i] ?? '';
    if (isHan(code) && /^[a-z]+$/.test(reading)) {
      // The reading in context, and the character's other reading (河长 is read "he chang" by the
      // dictionary, but people type "hezhang").
      const other = readingsOf(text[i] as string).find((r) => r !== reading) ?? reading;
      py.push(reading);
      pushMap(pyChar, i, reading.length);
      altPy.push(other);
      pushMap(altPyChar, i, other.length);
      if (other !== reading) differs[i] = 1;
      const first = reading[0] as string;
      ini.push(first);
      alt.push(readingsOf(text[i] as string).map((r) => r[0] as string).find((c) => c !== first) ?? first);
    } else {
      const ch = isAsciiAlnum(code) ? (text[i] as string) : ' ';
      py.push(ch);
      pyChar.push(i);
      altPy.push(ch);
      altPyChar.push(i);
      ini.push(ch);
      alt.push(ch);
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
    py: py.join(''),
    pyChar: Uint16Array.from(pyChar),
    altPy: altPy.join(''),
    altPyChar: Uint16Array.from(altPyChar),
    differs,
    ini: ini.join(''),
    alt: alt.join(''),
  };
}

/** Letters in a syllable key; keys are base 27 (0 = no letter). */
const KEY_LETTERS = 3;
const KEY_SPACE = 27 ** KEY_LETTERS;
/** Letters after the key packed beside each posting (27⁶ < 2³²). */
const TAIL_LETTERS = 6;
/** Letters a posting answers without reading the string. */
const CHECKED_LETTERS = KEY_LETTERS + TAIL_LETTERS;

/** 1–26 for a–z, 0 for anything else. */
function letterCode(code: number): number {
  return code >= 97 && code <= 122 ? code - 96 : 0;
}

/** The key of the (up to) `letters` letters starting at `at`, stopping at the first non-letter. */
function keyAt(hay: string, at: number, letters = KEY_LETTERS): number {
  let key = 0;
  let open = true;
  for (let i = 0; i < letters; i++) {
    const c = open ? letterCode(hay.charCodeAt(at + i)) : 0;
    if (c === 0) open = false;
    key = key * 27 + c;
  }
  return key;
}

/**
 * Every syllable start of every snippet's pinyin, bucketed by its first three letters (CSR layout:
 * offsets per key, then entry and position arrays). A query of up to three letters is one
 * contiguous range of buckets; a longer one is one bucket whose candidates are verified.
 */
interface SyllableIndex {
  offsets: Int32Array;
  entry: Int32Array;
  pos: Uint16Array;
  /** The match quality of a hit at this posting (title prefix, title, body). */
  grade: Uint8Array;
  /** The key of letters 4–9, so queries of up to nine letters are checked without the string. */
  tail: Uint32Array;
}

/**
 * Builds the syllable index of one pinyin string per entry. `keep` may leave out postings (the
 * alternative readings' index keeps only windows that touch a character read differently there).
 */
function buildSyllableIndex(
  entries: readonly Entry[],
  hayOf: (e: Entry) => string,
  mapOf: (e: Entry) => Uint16Array,
  keep: (e: Entry, k: number) => boolean,
  bands: readonly [number, number, number],
): SyllableIndex {
  // One pass collects every posting with its key, then a counting sort lays them out by key.
  let room = 0;
  for (const e of entries) room += hayOf(e).length;
  const keys = new Int32Array(room);
  const rawEntry = new Int32Array(room);
  const rawPos = new Uint16Array(room);
  const rawGrade = new Uint8Array(room);
  const rawTail = new Uint32Array(room);
  const counts = new Int32Array(KEY_SPACE + 1);
  let total = 0;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e] as Entry;
    const hay = hayOf(entry);
    const map = mapOf(entry);
    for (let k = 0; k < hay.length; k++) {
      if ((k > 0 && map[k] === map[k - 1]) || letterCode(hay.charCodeAt(k)) === 0 || !keep(entry, k)) continue;
      const key = keyAt(hay, k);
      keys[total] = key;
      rawEntry[total] = e;
      rawPos[total] = k;
      rawGrade[total] = (map[k] as number) < entry.titleLen ? (k === 0 ? bands[0] : bands[1]) : bands[2];
      // Only a full key (three letters) can be followed by more of the same run.
      rawTail[total] = key % 27 === 0 ? 0 : keyAt(hay, k + KEY_LETTERS, TAIL_LETTERS);
      counts[key + 1] = (counts[key + 1] as number) + 1;
      total++;
    }
  }
  for (let i = 1; i <= KEY_SPACE; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  const entry = new Int32Array(total);
  const pos = new Uint16Array(total);
  const grades = new Uint8Array(total);
  const tail = new Uint32Array(total);
  const fill = counts.slice(0, KEY_SPACE);
  for (let i = 0; i < total; i++) {
    const key = keys[i] as number;
    const at = fill[key] as number;
    entry[at] = rawEntry[i] as number;
    pos[at] = rawPos[i] as number;
    grades[at] = rawGrade[i] as number;
    tail[at] = rawTail[i] as number;
    fill[key] = at + 1;
  }
  return { offsets: counts, entry, pos, grade: grades, tail };
}

const pinyinGrades = [Quality.pinyinTitlePrefix, Quality.pinyinTitle, Quality.pinyinBody] as const;
const initialsGrades = [Quality.initialsTitlePrefix, Quality.initialsTitle, Quality.initialsBody] as const;
/** Position → itself: initials have one letter per character. */
const IDENTITY = Uint16Array.from({ length: 65536 }, (_, i) => i);

/** True when the nine initials from k cover a character whose other reading starts differently. */
function touchesOtherInitial(e: Entry, k: number): boolean {
  for (let c = k; c < k + CHECKED_LETTERS && c < e.ini.length; c++) if (e.ini.charCodeAt(c) !== e.alt.charCodeAt(c)) return true;
  return false;
}

/** True when the nine letters of altPy from k cover a character whose other reading differs. */
function touchesOtherReading(e: Entry, k: number): boolean {
  const last = Math.min(k + CHECKED_LETTERS, e.altPy.length) - 1;
  for (let c = e.altPyChar[k] as number; c <= (e.altPyChar[last] as number); c++) if (e.differs[c] === 1) return true;
  return false;
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
    return { literal, pinyin: pinyin(compact, PINYIN_OPTIONS).join(''), initials: false };
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
  /** Per entry: place in the order favourites, use count, recency, base order (0 = first). */
  private rank = new Int32Array(0);
  /** Per entry: place by last use, most recent first. */
  private recentRank = new Int32Array(0);
  private ranksDirty = true;
  private score = new Float64Array(0);
  /** The entries matched by the current query (the first `count` slots). */
  private touched = new Int32Array(0);
  private kindCode = new Uint8Array(0);

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
      this.ranksDirty = true;
      return;
    }
    // Base order: user snippets newest first, then the defaults in library order.
    const order = s.source === 'user' ? -s.createdAt : (old?.order ?? this.nextOrder++);
    const entry = buildEntry(s, order);
    this.byId.set(s.id, entry);
    const c = this.compiled;
    if (!c) return;
    // A few changes are patched in (the old entry retired, the new one searched linearly) rather
    // than rebuilding every table after each save.
    if (c.entries.length - c.base >= PENDING_MAX) {
      this.compiled = null;
      return;
    }
    if (old) this.retire(c, old);
    c.entries.push(entry);
    this.kindCode[c.entries.length - 1] = snippetKinds.indexOf(s.kind);
    this.ranksDirty = true;
  }

  /** Removes a snippet. */
  remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    if (this.compiled) this.retire(this.compiled, old);
  }

  /** Marks an entry of the compiled tables as gone (searches skip it). */
  private retire(c: Compiled, entry: Entry): void {
    const slot = c.entries.indexOf(entry);
    if (slot >= 0) c.dead[slot] = 1;
  }

  /** Updates a snippet's favourite flag and use without touching its text. */
  setUse(id: string, use: { favorite: boolean; useCount: number; lastUsedAt: number | null }): void {
    const entry = this.byId.get(id);
    if (entry) entry.s = { ...entry.s, ...use };
    this.ranksDirty = true;
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
    const py = buildSyllableIndex(entries, (e) => e.py, (e) => e.pyChar, () => true, pinyinGrades);
    const altPy = buildSyllableIndex(entries, (e) => e.altPy, (e) => e.altPyChar, touchesOtherReading, pinyinGrades);
    const ini = buildSyllableIndex(entries, (e) => e.ini, () => IDENTITY, () => true, initialsGrades);
    const alt = buildSyllableIndex(entries, (e) => e.alt, () => IDENTITY, touchesOtherInitial, initialsGrades);
    const capacity = entries.length + PENDING_MAX;
    this.quality = new Uint8Array(capacity);
    this.score = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
    this.rank = new Int32Array(capacity);
    this.recentRank = new Int32Array(capacity);
    this.kindCode = new Uint8Array(capacity);
    entries.forEach((e, i) => void (this.kindCode[i] = snippetKinds.indexOf(e.s.kind)));
    this.ranksDirty = true;
    this.stamp = new Int32Array(capacity);
    this.generation = 0;
    const base = entries.length;
    this.compiled = { entries, text: text.joined, textStarts: text.starts, py, altPy, ini, alt, ...buildLetterSets(entries), base, dead: new Uint8Array(capacity) };
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
    const touched = this.touched;
    let count = 0;
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
    const dead = c.dead;
    const record = (index: number, value: number): void => {
      if (dead[index] === 1) return;
      if (stamp[index] !== g) {
        stamp[index] = g;
        quality[index] = value;
        touched[count++] = index;
      } else if (value > (quality[index] as number)) quality[index] = value;
    };
    const { literal, pinyin: pyQuery, initials } = normalizeQuery(q.query);
    if (literal === '') {
      for (let i = 0; i < entries.length; i++) if (!filtered || allowed(entries[i] as Entry)) record(i, Quality.browse);
    } else {
      // Chinese (or any literal) substring.
      this.scan(c.text, c.textStarts, literal, entries, filtered ? allowed : null, (e, local) => literalGrade(e, local, literal), record);
      if (pyQuery) {
        if (pyQuery.length <= 2 && /^[a-z]+$/.test(pyQuery)) {
          this.shortPinyin(c, pyQuery, entries, filtered ? allowed : null, record);
        } else if (letterCode(pyQuery.charCodeAt(0)) !== 0) {
          this.syllables(c.py, pyQuery, entries, filtered ? allowed : null, (e) => e.py, record);
          this.syllables(c.altPy, pyQuery, entries, filtered ? allowed : null, (e) => e.altPy, record);
        }
        // One letter: the syllable starts above are exactly the initials.
        if (initials && pyQuery.length > 1) {
          this.syllables(c.ini, pyQuery, entries, filtered ? allowed : null, (e) => e.ini, record);
          this.syllables(c.alt, pyQuery, entries, filtered ? allowed : null, (e) => e.alt, record);
        }
      }
    }
    if (literal !== '') {
      for (let i = c.base; i < entries.length; i++) {
        const entry = entries[i] as Entry;
        if (dead[i] === 1 || (filtered && !allowed(entry))) continue;
        const value = matchOne(entry, literal, pyQuery, initials);
        if (value > 0) record(i, value);
      }
    }
    // One number per hit: match quality, then section fit, then the precomputed rank
    // (favourite, use, recency, base order); the best `limit` are kept in a heap.
    this.updateRanks(entries);
    const n = entries.length;
    const score = this.score;
    const recent = q.filter === 'recent';
    const context = q.context ? snippetKinds.indexOf(q.context as Snippet['kind']) : -1;
    for (let i = 0; i < count; i++) {
      const e = touched[i] as number;
      if (recent) score[e] = n - (this.recentRank[e] as number);
      else score[e] = ((quality[e] as number) * 2 + (this.kindCode[e] === context ? 1 : 0)) * (n + 1) + (n - (this.rank[e] as number));
    }
    const top = topK(touched, count, q.limit, score);
    const hits = top.map((index) => {
      const entry = entries[index] as Entry;
      const marks = literal === '' ? { title: [], body: [] } : highlights(entry, literal, pyQuery, initials);
      return { snippet: entry.s, quality: quality[index] as number, titleHighlights: marks.title, bodyHighlights: marks.body };
    });
    return { hits, total: count };
  }

  /**
   * One or two letters match nearly every snippet, so instead of walking postings each snippet's
   * letter sets answer: a syllable of the title, else of the body, starts with them.
   */
  private shortPinyin(c: Compiled, query: string, entries: Entry[], allowed: ((e: Entry) => boolean) | null, record: (index: number, value: number) => void): void {
    const c1 = letterCode(query.charCodeAt(0));
    const pair = c1 * 27 + letterCode(query.charCodeAt(1));
    const single = query.length === 1;
    const bit = single ? 1 << c1 : 1 << (pair & 31);
    const { firstLetters, twoLetters, titleStart } = c;
    const starts = (v: number): boolean => (single ? Math.floor(v / 27) === c1 : v === pair);
    for (let e = 0; e < c.base; e++) {
      const inTitle = single ? (firstLetters[e * 2] as number) & bit : (twoLetters[e * 2 * PAIR_WORDS + (pair >> 5)] as number) & bit;
      const inBody = inTitle ? 0 : single ? (firstLetters[e * 2 + 1] as number) & bit : (twoLetters[(e * 2 + 1) * PAIR_WORDS + (pair >> 5)] as number) & bit;
      if (!inTitle && !inBody) continue;
      if (allowed && !allowed(entries[e] as Entry)) continue;
      if (!inTitle) record(e, Quality.pinyinBody);
      else record(e, starts(titleStart[e * 2] as number) || starts(titleStart[e * 2 + 1] as number) ? Quality.pinyinTitlePrefix : Quality.pinyinTitle);
    }
  }

  /**
   * Pinyin matches through the syllable index: every syllable start whose letters begin with the
   * query (up to three letters: a contiguous range of buckets, nothing to verify; longer: one
   * bucket, each candidate checked against the snippet's pinyin).
   */
  private syllables(
    index: SyllableIndex,
    query: string,
    entries: Entry[],
    allowed: ((e: Entry) => boolean) | null,
    hayOf: (e: Entry) => string,
    record: (index: number, value: number) => void,
  ): void {
    const letters = Math.min(query.length, KEY_LETTERS);
    let lo = 0;
    for (let i = 0; i < letters; i++) lo = lo * 27 + letterCode(query.charCodeAt(i));
    if (lo === 0) return;
    const span = 27 ** (KEY_LETTERS - letters);
    lo *= span;
    const from = index.offsets[lo] as number;
    const to = index.offsets[lo + span] as number;
    // Letters 4–9 of the query as the leading digits of a tail key; beyond 9, the string decides.
    const extra = Math.min(Math.max(query.length - KEY_LETTERS, 0), TAIL_LETTERS);
    const tailSpan = 27 ** (TAIL_LETTERS - extra);
    let want = 0;
    for (let i = 0; i < extra; i++) want = want * 27 + letterCode(query.charCodeAt(KEY_LETTERS + i));
    const verify = query.length > CHECKED_LETTERS;
    const stamp = this.stamp;
    const quality = this.quality;
    const g = this.generation;
    const { entry: entryOf, pos, grade, tail } = index;
    for (let i = from; i < to; i++) {
      const e = entryOf[i] as number;
      const value = grade[i] as number;
      // Nothing to gain: this snippet already has as good a match.
      if (stamp[e] === g && (quality[e] as number) >= value) continue;
      if (extra > 0 && Math.floor((tail[i] as number) / tailSpan) !== want) continue;
      if (verify || allowed) {
        const entry = entries[e] as Entry;
        if (verify && !hayOf(entry).startsWith(query, pos[i] as number)) continue;
        if (allowed && !allowed(entry)) continue;
      }
      record(e, value);
    }
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

  /** Recomputes the ranks after favourites or use changed (one sort, not one per search). */
  private updateRanks(entries: Entry[]): void {
    if (!this.ranksDirty) return;
    this.ranksDirty = false;
    const order = entries.map((_, i) => i);
    const s = (i: number): IndexedSnippet => (entries[i] as Entry).s;
    order.sort((a, b) => {
      const ea = s(a);
      const eb = s(b);
      if (ea.favorite !== eb.favorite) return ea.favorite ? -1 : 1;
      if (ea.useCount !== eb.useCount) return eb.useCount - ea.useCount;
      if (ea.lastUsedAt !== eb.lastUsedAt) return (eb.lastUsedAt ?? 0) - (ea.lastUsedAt ?? 0);
      return (entries[a] as Entry).order - (entries[b] as Entry).order;
    });
    order.forEach((e, place) => void (this.rank[e] = place));
    const byRecent = [...order].sort((a, b) => (s(b).lastUsedAt ?? 0) - (s(a).lastUsedAt ?? 0));
    byRecent.forEach((e, place) => void (this.recentRank[e] = place));
  }
}

/** The best k of the candidates by score, best first: a min-heap of size k (no sort of every match). */
function topK(candidates: Int32Array, count: number, k: number, score: Float64Array): number[] {
  const heap: number[] = [];
  const at = (i: number): number => score[heap[i] as number] as number;
  const swap = (i: number, j: number): void => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  for (let i = 0; i < count; i++) {
    const c = candidates[i] as number;
    const value = score[c] as number;
    if (heap.length < k) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (at(i) >= at(parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (value > at(0)) {
      heap[0] = c;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && at(l) < at(m)) m = l;
        if (r < heap.length && at(r) < at(m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (score[b] as number) - (score[a] as number));
}

/** The grade of a literal match starting at `local` of an entry's text (0: across a boundary). */
function literalGrade(e: Entry, local: number, literal: string): number {
  if (local < e.titleLen) {
    if (local === 0) return literal.length === e.titleLen ? Quality.exactTitle : Quality.titlePrefix;
    return Quality.title;
  }
  if (local < e.bodyEnd) return local + literal.length <= e.bodyEnd ? Quality.body : 0;
  return local >= e.bodyEnd + 1 && e.s.tags.length + e.s.topic.length > 0 ? Quality.tagOrTopic : 0;
}

/** The best match of one entry without the tables (snippets added since the last build). */
function matchOne(e: Entry, literal: string, pyQuery: string | null, initials: boolean): number {
  let best = 0;
  const at = e.text.indexOf(literal);
  if (at >= 0) best = literalGrade(e, at, literal);
  if (pyQuery && letterCode(pyQuery.charCodeAt(0)) !== 0) {
    for (const [hay, map] of [[e.py, e.pyChar], [e.altPy, e.altPyChar]] as const) {
      for (let k = hay.indexOf(pyQuery); k !== -1; k = hay.indexOf(pyQuery, k + 1)) {
        if (k > 0 && map[k] === map[k - 1]) continue;
        best = Math.max(best, (map[k] as number) < e.titleLen ? (k === 0 ? Quality.pinyinTitlePrefix : Quality.pinyinTitle) : Quality.pinyinBody);
        break;
      }
    }
    if (initials && pyQuery.length > 1) {
      for (const hay of [e.ini, e.alt]) {
        const k = hay.indexOf(pyQuery);
        if (k >= 0) best = Math.max(best, k < e.titleLen ? (k === 0 ? Quality.initialsTitlePrefix : Quality.initialsTitle) : Quality.initialsBody);
      }
    }
  }
  return best;
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
