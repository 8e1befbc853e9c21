// mammoth's HTML → simple paragraphs, with a small tokenizer (Node has no DOM, and mammoth's output
// is regular: p, h1–h6, strong, em, a, sup, table/tr/td, ol/ul/li, img, br). The function is
// self-contained on purpose: the parsing worker runs its source text (Function.prototype.toString),
// so it may use nothing from outside its own body.
import type { SourceParagraph } from './types';

/** What a .docx yields before recognition. */
export interface DocxParagraphs {
  paragraphs: SourceParagraph[];
  /** Footnotes and endnotes, "[1] text", in the order mammoth lists them (after the body). */
  footnotes: string[];
  /** Tables found (top level); each row became one tab-separated paragraph. */
  tables: number;
  tableRows: number;
  /** Images left out (their file names and captions are not the report). */
  images: number;
}

/**
 * Turns mammoth's HTML into paragraphs: h1–h4 give a style level (h5/h6 read as 4), class
 * "wg-title" marks the Title style, bold is measured per paragraph (all / opening run / none),
 * each table row becomes one paragraph of its cell texts joined by tabs, footnotes are collected
 * apart without their ↑ back links, links keep their text only, images are counted and dropped.
 */
export function htmlToParagraphs(html: string): DocxParagraphs {
  interface Open {
    text: string;
    bold: number;
    plain: number;
    lead: number;
    styleLevel: 1 | 2 | 3 | 4 | undefined;
    isTitle: boolean;
  }
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  const decode = (s: string): string =>
    s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole: string, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return entities[e] ?? whole;
    });
  const attr = (attrs: string, name: string): string | null => {
    const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
    return m ? decode(m[1] ?? '') : null;
  };
  const paragraphs: SourceParagraph[] = [];
  const footnotes: string[] = [];
  const refLabels = new Map<string, string>();
  let tables = 0;
  let tableRows = 0;
  let images = 0;
  let current: Open | null = null;
  let strong = 0;
  let tableDepth = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  let note: { id: string; text: string } | null = null;
  const anchors: ('skip' | 'ref' | 'plain')[] = [];
  let ref: { id: string; text: string } | null = null;

  const start = (styleLevel: Open['styleLevel'], isTitle: boolean): void => {
    current = { text: '', bold: 0, plain: 0, lead: 0, styleLevel, isTitle };
  };
  const flush = (): void => {
    const open: Open | null = current;
    current = null;
    if (!open) return;
    const text = open.text.replace(/^\s+|\s+$/g, '');
    if (!text) return;
    const bold: SourceParagraph['bold'] = open.bold > 0 && open.plain === 0 ? 'all' : open.lead > 0 ? 'lead' : 'none';
    paragraphs.push({ text, bold, ...(open.styleLevel ? { styleLevel: open.styleLevel } : {}), ...(open.isTitle ? { isTitle: true } : {}) });
  };
  const addText = (raw: string): void => {
    const text = decode(raw);
    if (ref) ref.text += text;
    if (anchors.includes('skip')) return;
    if (note) {
      note.text += text;
      return;
    }
    if (cell !== null) {
      cell += text;
      return;
    }
    if (!current) start(undefined, false);
    const open = current as unknown as Open;
    open.text += text;
    const visible = text.replace(/\s/g, '').length;
    if (strong > 0) {
      open.bold += visible;
      if (open.plain === 0) open.lead += visible;
    } else open.plain += visible;
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    if (m[4] !== undefined) {
      addText(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    if (name === 'strong' || name === 'b') strong = Math.max(0, strong + (closing ? -1 : 1));
    else if (name === 'table') {
      if (!closing) {
        if (tableDepth === 0) {
          flush();
          tables += 1;
        }
        tableDepth += 1;
      } else tableDepth = Math.max(0, tableDepth - 1);
    } else if (name === 'tr' && tableDepth === 1) {
      if (!closing) row = [];
      else {
        if (row && row.some((c) => c.trim() !== '')) {
          paragraphs.push({ text: row.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t'), tableRow: true });
          tableRows += 1;
        }
        row = null;
      }
    } else if ((name === 'td' || name === 'th') && tableDepth === 1) {
      if (!closing) cell = '';
      else {
        row?.push(cell ?? '');
        cell = null;
      }
    } else if (name === 'p' || /^h[1-6]$/.test(name) || name === 'li') {
      if (cell !== null) {
        if (!closing && cell.trim()) cell += ' ';
        continue;
      }
      const id = attr(attrs, 'id');
      if (name === 'li' && !closing && id && /^(footnote|endnote)-/.test(id)) {
        flush();
        note = { id, text: '' };
        continue;
      }
      if (note) {
        if (name === 'li' && closing) {
          const label = refLabels.get(note.id) ?? `[${note.id.replace(/^\D+-/, '')}]`;
          const text = note.text.replace(/\s+/g, ' ').trim();
          if (text) footnotes.push(`${label} ${text}`);
          note = null;
        } else if (!closing && note.text.trim()) note.text += ' ';
        continue;
      }
      if (closing) flush();
      else {
        flush();
        const level = name[0] === 'h' ? Math.min(4, Number(name.slice(1))) : 0;
        start(level > 0 ? (level as 1 | 2 | 3 | 4) : undefined, name === 'p' && /\bwg-title\b/.test(attr(attrs, 'class') ?? ''));
      }
    } else if (name === 'br') {
      if (cell !== null) cell += ' ';
      else if (note) note.text += ' ';
      else {
        // A line break (Shift+Enter) splits the paragraph; the second part keeps its style.
        const open = current as Open | null;
        flush();
        if (open !== null) start(open.styleLevel, open.isTitle);
      }
    } else if (name === 'a') {
      if (!closing) {
        const href = attr(attrs, 'href') ?? '';
        if (/^#(footnote|endnote)-ref-/.test(href)) anchors.push('skip');
        else if (/^#(footnote|endnote)-/.test(href)) {
          anchors.push('ref');
          ref = { id: href.slice(1), text: '' };
        } else anchors.push('plain');
      } else {
        const kind = anchors.pop();
        if (kind === 'ref' && ref) {
          refLabels.set(ref.id, ref.text.trim());
          ref = null;
        }
      }
    } else if (name === 'img' && !closing) images += 1;
  }
  flush();
  return { paragraphs, footnotes, tables, tableRows, images };
}
