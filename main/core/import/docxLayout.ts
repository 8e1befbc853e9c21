// What mammoth leaves out of a .docx but a report's structure needs: paragraph alignment (a centred
// first line is the title; centred or right-aligned short lines at the end are 署名/成文日期) and
// Word's automatic list numbering (w:numPr → numbering.xml), whose numbers are not in the text.
// Read from the verified XML parts with one linear scan of tags (no DOM: a 100-page report has
// 1–3 MB of XML) inside the parsing worker, then matched to mammoth's paragraphs by their text.
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

/** An automatic number as Word shows it on a paragraph: the list level's format and text, and the count. */
export interface ScannedNumber {
  /** w:numFmt (chineseCounting, decimal, bullet …). */
  format: string;
  /** w:lvlText ("%1、", "（%2）", "%3." …). */
  text: string;
  ilvl: number;
  /** w:isLgl: the level shows Arabic numbers whatever its format. */
  legal: boolean;
  /** The number Word shows (1 for the first). */
  n: number;
}

/** A body paragraph of document.xml as the scan reads it. */
export interface ScannedParagraph {
  /** Its text with all white space removed. */
  key: string;
  align: 'center' | 'right' | null;
  number: ScannedNumber | null;
}

/**
 * Reads the body paragraphs of document.xml in order, with their alignment and automatic number
 * (w:numPr on the paragraph or its style, counted as Word counts: instances of one list continue
 * one count, w:startOverride restarts a level, deeper levels restart under a new number, empty
 * numbered lines count). Paragraphs in tables and text boxes are left out (mammoth keeps them
 * apart), empty ones are dropped after counting; at most maxParagraphs are read.
 *
 * Self-contained on purpose, like htmlToParagraphs: the parsing worker runs its source text, so
 * the untrusted XML is scanned under the worker's heap cap, never in this process.
 */
export function scanDocxLayout(documentXml: string, numberingXml: string | null, stylesXml: string | null, maxParagraphs: number): ScannedParagraph[] {
  interface Level {
    format: string;
    text: string;
    start: number;
    legal: boolean;
  }
  interface Instance {
    abstractId: string;
    starts: Map<number, number>;
  }
  interface Open {
    text: string;
    align: string | null;
    numId: string | null;
    ilvl: number | null;
    style: string | null;
    hidden: boolean;
  }
  const attr = (attrs: string, name: string): string | null => {
    const m = new RegExp(`\\bw:${name}="([^"]*)"`).exec(attrs);
    return m ? (m[1] ?? '') : null;
  };
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const decode = (text: string): string =>
    text.includes('&')
      ? text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_whole: string, e: string) => {
          if (e[0] !== '#') return entities[e] ?? '';
          const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        })
      : text;
  const first = (xml: string, tag: string): string | null => {
    const m = new RegExp(`<w:${tag}\\b([^>]*)\\/?>`).exec(xml);
    return m ? attr(m[1] ?? '', 'val') : null;
  };

  // numbering.xml: abstract definitions and the instances paragraphs point to.
  const abstracts = new Map<string, Map<number, Level>>();
  const instances = new Map<string, Instance>();
  if (numberingXml) {
    for (const m of numberingXml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
      const id = attr(m[1] ?? '', 'abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, Level>();
      for (const l of (m[2] ?? '').matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
        const ilvl = Number(attr(l[1] ?? '', 'ilvl'));
        if (!Number.isInteger(ilvl)) continue;
        const inner = l[2] ?? '';
        // Word 2010+ may write <mc:Choice><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/> with
        // the classic format in <mc:Fallback>: the first format that is not custom is read.
        const formats = [...inner.matchAll(/<w:numFmt\b([^>]*)\/?>/g)].map((f) => attr(f[1] ?? '', 'val')).filter((f): f is string => f !== null && f !== 'custom');
        levels.set(ilvl, {
          format: formats[0] ?? 'decimal',
          text: decode(first(inner, 'lvlText') ?? ''),
          start: Number(first(inner, 'start') ?? '1') || 1,
          legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(inner),
        });
      }
      abstracts.set(id, levels);
    }
    for (const m of numberingXml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
      const id = attr(m[1] ?? '', 'numId');
      const abstractId = first(m[2] ?? '', 'abstractNumId');
      if (id === null || abstractId === null) continue;
      const starts = new Map<number, number>();
      for (const o of (m[2] ?? '').matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const ilvl = Number(attr(o[1] ?? '', 'ilvl'));
        const start = first(o[2] ?? '', 'startOverride');
        if (Number.isInteger(ilvl) && start !== null) starts.set(ilvl, Number(start) || 1);
      }
      instances.set(id, { abstractId, starts });
    }
  }

  // styles.xml: the numbering a paragraph style carries, following w:basedOn.
  const styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  if (stylesXml && numberingXml) {
    const raw = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
    for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const id = attr(m[1] ?? '', 'styleId');
      if (attr(m[1] ?? '', 'type') !== 'paragraph' || id === null) continue;
      const ilvl = first(m[2] ?? '', 'ilvl');
      raw.set(id, { numId: first(m[2] ?? '', 'numId'), ilvl: ilvl === null ? null : Number(ilvl), basedOn: first(m[2] ?? '', 'basedOn') });
    }
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
      if (numId !== null && numId !== '0') styleNumbering.set(id, { numId, ilvl: ilvl ?? 0 });
    }
  }

  const out: ScannedParagraph[] = [];
  const counters = new Map<string, number[]>();
  const restarted = new Set<string>();
  const countNumber = (p: Open): ScannedNumber | null => {
    const fromStyle = p.style !== null ? styleNumbering.get(p.style) : undefined;
    const numId = p.numId ?? fromStyle?.numId ?? null;
    if (numId === null || numId === '0') return null;
    const instance = instances.get(numId);
    const levels = instance ? abstracts.get(instance.abstractId) : undefined;
    if (!instance || !levels) return null;
    const ilvl = Math.min(8, Math.max(0, p.ilvl ?? (p.numId === null ? (fromStyle?.ilvl ?? 0) : 0)));
    const level = levels.get(ilvl);
    if (!level) return null;
    const counts = counters.get(instance.abstractId) ?? [];
    counters.set(instance.abstractId, counts);
    const restart = instance.starts.get(ilvl);
    if (restart !== undefined && !restarted.has(`${numId}:${ilvl}`)) {
      restarted.add(`${numId}:${ilvl}`);
      counts[ilvl] = restart - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // Deeper levels restart under a new number.
    counts.length = ilvl + 1;
    return { format: level.format, text: level.text, ilvl, legal: level.legal, n: counts[ilvl] ?? 1 };
  };
  let seen = 0;
  const finish = (p: Open): void => {
    seen += 1;
    const number = countNumber(p);
    const key = p.text.replace(/\s+/gu, '');
    if (p.hidden || !key) return;
    out.push({ key, align: p.align === 'center' ? 'center' : p.align === 'right' || p.align === 'end' ? 'right' : null, number });
  };

  // One pass over the tags that matter; everything else is skipped by the regex engine.
  const tags = /<(\/?)w:(p|tbl|pPr|pPrChange|jc|numId|ilvl|pStyle|t|txbxContent)\b([^>]*?)(\/?)>/g;
  const stack: Open[] = [];
  let tableDepth = 0;
  let boxDepth = 0;
  let inPPr = false;
  let inChange = false;
  for (let m = tags.exec(documentXml); m !== null && seen < maxParagraphs; m = tags.exec(documentXml)) {
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    const selfClosing = m[4] === '/';
    const open = stack[stack.length - 1];
    if (name === 'tbl') tableDepth = Math.max(0, tableDepth + (closing ? -1 : selfClosing ? 0 : 1));
    else if (name === 'txbxContent') boxDepth = Math.max(0, boxDepth + (closing ? -1 : selfClosing ? 0 : 1));
    else if (name === 'p') {
      if (closing) {
        const done = stack.pop();
        if (done) finish(done);
      } else {
        const paragraph: Open = { text: '', align: null, numId: null, ilvl: null, style: null, hidden: tableDepth > 0 || boxDepth > 0 };
        if (selfClosing) finish(paragraph);
        else stack.push(paragraph);
      }
    } else if (name === 'pPr') inPPr = !closing && !selfClosing;
    else if (name === 'pPrChange') inChange = !closing && !selfClosing;
    else if (name === 't') {
      if (closing || selfClosing || !open) continue;
      const end = documentXml.indexOf('</w:t>', tags.lastIndex);
      if (end < 0) break;
      open.text += decode(documentXml.slice(tags.lastIndex, end));
      tags.lastIndex = end + 6;
    } else if (open && inPPr && !inChange && !closing) {
      const val = attr(m[3] ?? '', 'val');
      if (name === 'jc') open.align = val;
      else if (name === 'numId') open.numId = val;
      else if (name === 'ilvl') open.ilvl = Number(val);
      else if (name === 'pStyle') open.style = val;
    }
  }
  return out;
}

/** Scanned paragraphs with the canonical marker of their automatic number when it stands for a heading level. */
export function layoutParagraphs(scanned: readonly ScannedParagraph[]): LayoutParagraph[] {
  return scanned.map(({ key, align, number }) => {
    const level = number ? headingLevelOfNumbering(number.format, number.text, number.ilvl, number.legal) : null;
    return { key, align, marker: number && level !== null && number.n > 0 ? headingMarker(level, number.n) : null };
  });
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
