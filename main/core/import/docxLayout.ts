// What mammoth leaves out of a .docx but a report's structure needs: paragraph alignment (a centred
// first line is the title; centred or right-aligned short lines at the end are 署名/成文日期) and
// Word's automatic list numbering (w:numPr → numbering.xml), whose numbers are not in the text.
// Read here from the verified XML parts with one linear scan of tags (no DOM: a 100-page report
// has 1–3 MB of XML), then matched to mammoth's paragraphs by their text.
//
// Automatic numbers become the canonical typed marker at the start of the paragraph's text ("一、"
// for chineseCounting "%1、", "（一）" for "（%1）", "1." for decimal "%1.", "（1）" for "(%1)"), so
// recognition reads them as it reads typed markers (in sequence → a heading of that level, the
// marker stripped since numbers are computed). Lists in other formats (bullets, "第%1章", "%1.%2",
// letters) add nothing.
import type { HeadingLevel } from '../../common/numbering';
import { headingMarker } from '../../common/numbering';
import type { SourceParagraph } from './types';

/** Most paragraphs of document.xml read for layout; beyond it paragraphs get no hints (a hostile file's millions). */
export const MAX_LAYOUT_PARAGRAPHS = 50_000;

/** A paragraph of document.xml as laid out in Word. */
export interface LayoutParagraph {
  /** Its text with all white space removed (for matching mammoth's paragraphs). */
  key: string;
  align: 'center' | 'right' | null;
  /** The canonical marker of its automatic number ("一、", "（二）", "3.", "（4）"), or null. */
  marker: string | null;
}

/** One level of a numbering definition. */
interface NumberingLevel {
  format: string;
  text: string;
  start: number;
  legal: boolean;
}

/** A numbering instance (w:num): its abstract definition and level overrides. */
interface NumberingInstance {
  abstractId: string;
  /** Levels restarted at a value by w:lvlOverride/w:startOverride. */
  starts: Map<number, number>;
}

/** Numbering definitions read from numbering.xml. */
export interface Numbering {
  abstracts: Map<string, Map<number, NumberingLevel>>;
  instances: Map<string, NumberingInstance>;
}

const chineseFormats = new Set([
  'chineseCounting',
  'chineseCountingThousand',
  'chineseLegalSimplified',
  'ideographLegalTraditional',
  'taiwaneseCounting',
  'taiwaneseCountingThousand',
  'japaneseCounting',
]);
const decimalFormats = new Set(['decimal', 'decimalFullWidth', 'decimalFullWidth2', 'decimalHalfWidth', 'decimalEnclosedParen']);

/** The value of attribute w:<name> in a tag's attribute text, or null. */
function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\bw:${name}="([^"]*)"`).exec(attrs);
  return m ? (m[1] ?? '') : null;
}

/** Decodes the XML entities of text content. */
function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? '';
  });
}

/**
 * The report heading level a numbering level stands for: Chinese numerals "%1、" (or "%1.") → 1,
 * "（%1）" → 2; Arabic "%1." "%1．" "%1、" → 3, "（%1）" → 4. Null for anything else.
 */
export function headingLevelOfNumbering(format: string, text: string, ilvl: number, legal = false): HeadingLevel | null {
  const own = `%${ilvl + 1}`;
  if ((text.match(/%\d/g) ?? []).length !== 1 || !text.includes(own)) return null;
  const [before = '', after = ''] = text.split(own).map((part) => part.trim());
  const chinese = !legal && chineseFormats.has(format);
  const decimal = legal || decimalFormats.has(format);
  const bracketed = /^[（(]$/.test(before) && /^[）)]$/.test(after);
  const suffixed = before === '' && /^[、.．]$/.test(after);
  if (chinese && suffixed) return 1;
  if (chinese && bracketed) return 2;
  if (decimal && format === 'decimalEnclosedParen' && before === '' && after === '') return 4;
  if (decimal && suffixed) return 3;
  if (decimal && bracketed) return 4;
  return null;
}

/** Reads numbering.xml: abstract definitions (format, text, start of each level) and instances. */
export function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const instances = new Map<string, NumberingInstance>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1] ?? '', 'abstractNumId');
    if (id === null) continue;
    abstracts.set(id, readLevels(m[2] ?? ''));
  }
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1] ?? '', 'numId');
    const abstractId = /<w:abstractNumId\b([^>]*)\/?>/.exec(m[2] ?? '');
    if (id === null || !abstractId) continue;
    const starts = new Map<number, number>();
    for (const o of (m[2] ?? '').matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(attr(o[1] ?? '', 'ilvl'));
      const start = /<w:startOverride\b([^>]*)\/?>/.exec(o[2] ?? '');
      if (Number.isInteger(ilvl) && start) starts.set(ilvl, Number(attr(start[1] ?? '', 'val') ?? '1'));
    }
    instances.set(id, { abstractId: attr(abstractId[1] ?? '', 'val') ?? '', starts });
  }
  return { abstracts, instances };
}

/** The w:lvl elements of an abstract numbering definition. */
function readLevels(xml: string): Map<number, NumberingLevel> {
  const levels = new Map<number, NumberingLevel>();
  for (const m of xml.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const ilvl = Number(attr(m[1] ?? '', 'ilvl'));
    if (!Number.isInteger(ilvl)) continue;
    const inner = m[2] ?? '';
    const value = (tag: string): string | null => {
      const t = new RegExp(`<w:${tag}\\b([^>]*)\\/?>`).exec(inner);
      return t ? attr(t[1] ?? '', 'val') : null;
    };
    // Word 2010+ may write <mc:Choice><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/> with the
    // classic format in <mc:Fallback>: read the first format that is not custom.
    const formats = [...inner.matchAll(/<w:numFmt\b([^>]*)\/?>/g)].map((f) => attr(f[1] ?? '', 'val')).filter((f): f is string => f !== null && f !== 'custom');
    levels.set(ilvl, {
      format: formats[0] ?? 'decimal',
      text: decodeXml(value('lvlText') ?? ''),
      start: Number(value('start') ?? '1') || 1,
      legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(inner),
    });
  }
  return levels;
}

/** Numbering a paragraph style carries (styles.xml w:numPr), following w:basedOn. */
export function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const raw = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1] ?? '';
    if (attr(attrs, 'type') !== 'paragraph') continue;
    const id = attr(attrs, 'styleId');
    if (id === null) continue;
    const inner = m[2] ?? '';
    const numId = /<w:numId\b([^>]*)\/?>/.exec(inner);
    const ilvl = /<w:ilvl\b([^>]*)\/?>/.exec(inner);
    const basedOn = /<w:basedOn\b([^>]*)\/?>/.exec(inner);
    raw.set(id, {
      numId: numId ? attr(numId[1] ?? '', 'val') : null,
      ilvl: ilvl ? Number(attr(ilvl[1] ?? '', 'val')) : null,
      basedOn: basedOn ? attr(basedOn[1] ?? '', 'val') : null,
    });
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of raw.keys()) {
    let numId: string | null = null;
    let ilvl: number | null = null;
    let at: string | null = id;
    for (let depth = 0; at !== null && depth < 8; depth += 1) {
      const style = raw.get(at);
      if (!style) break;
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      at = style.basedOn;
    }
    if (numId !== null && numId !== '0') out.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return out;
}

// The tags the scan acts on; everything else is skipped by the regex engine.
const tagPattern = /<(\/?)w:(p|tbl|pPr|pPrChange|jc|numId|ilvl|pStyle|t|txbxContent)\b([^>]*?)(\/?)>/g;

/** An open paragraph during the scan. */
interface OpenParagraph {
  text: string;
  align: string | null;
  numId: string | null;
  ilvl: number | null;
  style: string | null;
  inTable: boolean;
}

/**
 * Reads the body paragraphs of document.xml in order (paragraphs in tables and text boxes are left
 * out, as mammoth keeps them apart), with their alignment and automatic number. Empty paragraphs
 * are dropped after counting (Word numbers them; mammoth skips them).
 */
export function readLayout(documentXml: string, numbering: Numbering | null, styleNumbering: ReadonlyMap<string, { numId: string; ilvl: number }>): LayoutParagraph[] {
  const out: LayoutParagraph[] = [];
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  const stack: OpenParagraph[] = [];
  let tableDepth = 0;
  let boxDepth = 0;
  let inPPr = false;
  let inChange = false;
  let seen = 0;
  tagPattern.lastIndex = 0;
  for (let m = tagPattern.exec(documentXml); m !== null; m = tagPattern.exec(documentXml)) {
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    const attrs = m[3] ?? '';
    const selfClosing = m[4] === '/';
    const open = stack[stack.length - 1];
    if (name === 'tbl') tableDepth += closing ? (tableDepth > 0 ? -1 : 0) : selfClosing ? 0 : 1;
    else if (name === 'txbxContent') boxDepth += closing ? (boxDepth > 0 ? -1 : 0) : selfClosing ? 0 : 1;
    else if (name === 'p') {
      if (!closing) {
        const paragraph: OpenParagraph = { text: '', align: null, numId: null, ilvl: null, style: null, inTable: tableDepth > 0 || boxDepth > 0 };
        if (selfClosing) finish(paragraph);
        else stack.push(paragraph);
      } else {
        const done = stack.pop();
        if (done) finish(done);
      }
      if (seen >= MAX_LAYOUT_PARAGRAPHS) break;
    } else if (name === 'pPr') inPPr = !closing && !selfClosing;
    else if (name === 'pPrChange') inChange = !closing && !selfClosing;
    else if (open && inPPr && !inChange && !closing) {
      const val = attr(attrs, 'val');
      if (name === 'jc') open.align = val;
      else if (name === 'numId') open.numId = val;
      else if (name === 'ilvl') open.ilvl = Number(val);
      else if (name === 'pStyle') open.style = val;
    } else if (name === 't' && !closing && !selfClosing && open) {
      const end = documentXml.indexOf('</w:t>', tagPattern.lastIndex);
      if (end < 0) break;
      open.text += decodeXml(documentXml.slice(tagPattern.lastIndex, end));
      tagPattern.lastIndex = end + 6;
    }
  }
  return out;

  function finish(p: OpenParagraph): void {
    seen += 1;
    const marker = numberMarker(p);
    if (p.inTable) return;
    const key = p.text.replace(/\s+/gu, '');
    if (!key) return;
    const align = p.align === 'center' ? 'center' : p.align === 'right' || p.align === 'end' ? 'right' : null;
    out.push({ key, align, marker });
  }

  /** Counts the paragraph's automatic number (if any) and returns its canonical marker when it stands for a heading level. */
  function numberMarker(p: OpenParagraph): string | null {
    if (!numbering) return null;
    const fromStyle = p.style !== null ? styleNumbering.get(p.style) : undefined;
    const numId = p.numId ?? fromStyle?.numId ?? null;
    if (numId === null || numId === '0') return null;
    const instance = numbering.instances.get(numId);
    const levels = instance ? numbering.abstracts.get(instance.abstractId) : undefined;
    if (!instance || !levels) return null;
    const ilvl = Math.min(8, Math.max(0, p.ilvl ?? (p.numId === null ? (fromStyle?.ilvl ?? 0) : 0)));
    const level = levels.get(ilvl);
    if (!level) return null;
    // Instances of one abstract definition continue one count, unless an override restarts a level.
    const counts = counters.get(instance.abstractId) ?? [];
    counters.set(instance.abstractId, counts);
    const restartKey = `${numId}:${ilvl}`;
    const restart = instance.starts.get(ilvl);
    if (restart !== undefined && !started.has(restartKey)) {
      started.add(restartKey);
      counts[ilvl] = restart - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // Deeper levels restart under a new number.
    counts.length = ilvl + 1;
    const heading = headingLevelOfNumbering(level.format, level.text, ilvl, level.legal);
    const n = counts[ilvl] ?? 1;
    return heading !== null && n > 0 ? headingMarker(heading, n) : null;
  }
}

/** Hints of one mammoth paragraph. */
export interface ParagraphHints {
  align: 'center' | 'right' | null;
  /** The automatic number's canonical marker, for the first part of a paragraph only. */
  marker: string | null;
}

/**
 * Matches mammoth's paragraphs (table rows skipped) to the layout paragraphs by text, in order: a
 * Shift+Enter break splits one Word paragraph into several of mammoth's, which match its text part
 * by part. A paragraph that matches nothing gets no hints; the search resumes after the last match.
 */
export function matchLayout(paragraphs: readonly SourceParagraph[], layout: readonly LayoutParagraph[]): (ParagraphHints | null)[] {
  const hints: (ParagraphHints | null)[] = [];
  let at = 0;
  let offset = 0;
  const LOOKAHEAD = 40;
  for (const paragraph of paragraphs) {
    const key = paragraph.tableRow ? '' : paragraph.text.replace(/\[\d+\]/g, '').replace(/\s+/gu, '');
    if (!key) {
      hints.push(null);
      continue;
    }
    const current = layout[at];
    if (current && offset > 0 && current.key.startsWith(key, offset)) {
      hints.push({ align: current.align, marker: null });
      offset += key.length;
      if (offset >= current.key.length) {
        at += 1;
        offset = 0;
      }
      continue;
    }
    const from = offset > 0 ? at + 1 : at;
    let found = -1;
    for (let i = from; i < Math.min(layout.length, from + LOOKAHEAD); i += 1) {
      if (layout[i]?.key.startsWith(key)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      hints.push(null);
      continue;
    }
    const match = layout[found] as LayoutParagraph;
    hints.push({ align: match.align, marker: match.marker });
    at = found;
    offset = key.length;
    if (offset >= match.key.length) {
      at += 1;
      offset = 0;
    }
  }
  return hints;
}
