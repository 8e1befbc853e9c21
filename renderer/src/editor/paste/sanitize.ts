// Turns pasted HTML (Word, WPS, web pages) into plain blocks: paragraphs, h1–h4 and bold runs.
// Styles, fonts, colours, classes, images, tables' layout and Word's XML islands are dropped.
// Pure: walks an already parsed tree (DOMParser in the page, happy-dom in tests); never touches
// innerHTML and never builds DOM.
import { normaliseText } from '@common/text';

/** Largest paste accepted, in characters of text. */
export const MAX_PASTE_CHARS = 1_000_000;
/** Largest HTML parsed for a paste, in characters (Word's HTML is ~10x its text). */
export const MAX_PASTE_HTML_CHARS = 20_000_000;

/** The block types a paste may produce. */
export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4';

/** A run of text with the one character format a paste keeps. */
export interface Run {
  text: string;
  bold: boolean;
}

/** One pasted block. */
export interface Block {
  kind: BlockKind;
  runs: Run[];
}

/** The part of a DOM node the sanitizer reads (satisfied by browser and happy-dom nodes). */
export interface TreeNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<TreeNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose content is never text of the document. */
const SKIP = new Set([
  'head', 'title', 'meta', 'link', 'style', 'script', 'noscript', 'template', 'xml', 'iframe', 'frame',
  'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'source',
  'map', 'area', 'input', 'button', 'select', 'option', 'textarea', 'datalist', 'rt', 'rp', 'colgroup', 'col',
  // Word: the empty-paragraph filler and smart-tag declarations.
  'o:p', 'o:smarttagtype',
]);

/** Elements that end the current paragraph and start a new one. */
const BLOCK = new Set([
  'p', 'div', 'li', 'dd', 'dt', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer',
  'main', 'nav', 'figure', 'figcaption', 'address', 'center', 'form', 'fieldset', 'legend', 'details',
  'summary', 'caption', 'tr', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tfoot', 'hr', 'body', 'html',
  'h5', 'h6',
]);

const HEADINGS: Record<string, BlockKind> = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4' };

/** Han characters and full-width punctuation: a source line break between them is not a space. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d]/u;

function tagOf(node: TreeNode): string {
  return node.nodeName.toLowerCase();
}

function styleOf(node: TreeNode): string {
  return (node.getAttribute?.('style') ?? '').toLowerCase();
}

/** One declaration's value from an inline style attribute, or null. */
function styleValue(style: string, property: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`);
  const match = re.exec(style);
  return match?.[1] ? match[1].trim() : null;
}

function isHidden(node: TreeNode, style: string): boolean {
  if (node.getAttribute?.('hidden') !== null && node.getAttribute?.('hidden') !== undefined) return true;
  if (node.getAttribute?.('aria-hidden') === 'true' && tagOf(node) !== 'span') return true;
  const display = styleValue(style, 'display');
  if (display && /^none\b/.test(display)) return true;
  const visibility = styleValue(style, 'visibility');
  if (visibility && /^hidden\b/.test(visibility)) return true;
  return /mso-hide\s*:\s*all/.test(style);
}

/** Bold as this element sets it: true, false, or undefined to inherit. */
function boldOf(tag: string, style: string): boolean | undefined {
  const weight = styleValue(style, 'font-weight');
  if (weight) {
    if (/^(bold|bolder)\b/.test(weight)) return true;
    if (/^(normal|lighter)\b/.test(weight)) return false;
    const n = Number.parseInt(weight, 10);
    if (Number.isFinite(n)) return n >= 600;
  }
  if (tag === 'b' || tag === 'strong') return true;
  if (/^h[1-6]$/.test(tag) || tag === 'th') return undefined;
  return undefined;
}

interface Context {
  bold: boolean;
  pre: boolean;
}

class Builder {
  readonly blocks: Block[] = [];
  private kind: BlockKind = 'paragraph';
  private runs: Run[] = [];
  /** Characters of text collected so far (for the size cap). */
  chars = 0;

  start(kind: BlockKind): void {
    this.end();
    this.kind = kind;
  }

  text(text: string, ctx: Context): void {
    if (!text) return;
    // Mark source line breaks with \n (decided in end()), collapse other white space.
    const cleaned = ctx.pre
      ? text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
      : text.replace(/[\t\n\r\f ]+/g, (ws) => (/[\n\r]/.test(ws) ? '\n' : ' '));
    if (ctx.pre && cleaned.includes('\n')) {
      // Preformatted text keeps its lines as paragraphs.
      const lines = cleaned.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.start(this.kind);
        this.push(line.replace(/\u00a0/g, ' '), ctx.bold);
      });
      return;
    }
    this.push(cleaned.replace(/\u00a0/g, ' '), ctx.bold);
  }

  /** Adds a separator between table cells of one row. */
  cellBreak(): void {
    if (this.runs.some((r) => r.text.trim())) this.push('\u3000', false);
  }

  private push(text: string, bold: boolean): void {
    if (!text) return;
    this.chars += text.length;
    const last = this.runs[this.runs.length - 1];
    if (last && last.bold === bold) last.text += text;
    else this.runs.push({ text, bold });
  }

  end(): void {
    const runs = finishRuns(this.runs, this.kind !== 'paragraph');
    if (runs.length) this.blocks.push({ kind: this.kind, runs });
    this.runs = [];
    this.kind = 'paragraph';
  }
}

/** Resolves line-break markers, collapses spaces, trims the block, merges equal runs. */
function finishRuns(runs: readonly Run[], heading: boolean): Run[] {
  const chars: { c: string; bold: boolean }[] = [];
  for (const run of runs) for (const c of run.text) chars.push({ c, bold: heading ? false : run.bold });
  const out: { c: string; bold: boolean }[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const item = chars[i] as { c: string; bold: boolean };
    let c = item.c;
    if (c === '\n') {
      let j = i + 1;
      while (j < chars.length && (chars[j]?.c === '\n' || chars[j]?.c === ' ')) j += 1;
      const prev = out.length ? (out[out.length - 1] as { c: string }).c : '';
      const next = chars[j]?.c ?? '';
      if (!prev || !next || CJK.test(prev) || CJK.test(next)) continue;
      c = ' ';
    }
    if (c === ' ' && (!out.length || out[out.length - 1]?.c === ' ')) continue;
    out.push({ c, bold: item.bold });
  }
  let from = 0;
  while (from < out.length && /[\s\u3000]/u.test(out[from]?.c ?? '')) from += 1;
  let to = out.length;
  while (to > from && /[\s\u3000]/u.test(out[to - 1]?.c ?? '')) to -= 1;
  const merged: Run[] = [];
  for (let i = from; i < to; i += 1) {
    const item = out[i] as { c: string; bold: boolean };
    const prev = merged[merged.length - 1];
    if (prev && prev.bold === item.bold) prev.text += item.c;
    else merged.push({ text: item.c, bold: item.bold });
  }
  return merged;
}

/**
 * Converts a parsed HTML document (or any subtree) into blocks. Stops collecting once the text
 * exceeds limitChars (the caller then refuses the paste).
 */
export function blocksFromHtml(root: TreeNode, limitChars = MAX_PASTE_CHARS): { blocks: Block[]; chars: number } {
  const builder = new Builder();
  const walk = (node: TreeNode, ctx: Context): void => {
    if (builder.chars > limitChars) return;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      builder.text(node.nodeValue ?? '', ctx);
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = tagOf(node);
    if (node.nodeType === ELEMENT) {
      if (SKIP.has(tag) || tag.startsWith('v:') || tag.startsWith('w:binary')) return;
      const style = styleOf(node);
      if (isHidden(node, style)) return;
      if (tag === 'br') {
        builder.start('paragraph');
        return;
      }
      const bold = boldOf(tag, style);
      const inner: Context = { bold: bold ?? ctx.bold, pre: ctx.pre || tag === 'pre' || tag === 'textarea' };
      const heading = HEADINGS[tag];
      if (heading || BLOCK.has(tag)) {
        builder.start(heading ?? 'paragraph');
        walkChildren(node, inner);
        builder.end();
        return;
      }
      if (tag === 'td' || tag === 'th') builder.cellBreak();
      walkChildren(node, inner);
      return;
    }
    walkChildren(node, ctx);
  };
  const walkChildren = (node: TreeNode, ctx: Context): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i += 1) walk(children[i] as TreeNode, ctx);
  };
  walk(root, { bold: false, pre: false });
  builder.end();
  return { blocks: builder.blocks, chars: builder.chars };
}

/** Converts pasted plain text into paragraphs: one per non-empty line, indents trimmed. */
export function blocksFromText(text: string): Block[] {
  return normaliseText(text)
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0)
    .map((line) => ({ kind: 'paragraph' as const, runs: [{ text: line, bold: false }] }));
}

/** Characters of text in blocks. */
export function blocksLength(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) for (const r of b.runs) n += r.text.length;
  return n;
}

/** The Chinese message shown when a paste is refused for its size. */
export function tooLargeMessage(chars: number): string {
  const wan = Math.max(1, Math.round(chars / 10_000));
  return `粘贴的内容太长（约 ${wan} 万字），超过单次粘贴 100 万字的上限，未作任何改动。请分几次粘贴。`;
}

/** What a paste should do: insert these blocks, or refuse with a message. */
export type PastePlan = { action: 'insert'; blocks: Block[] } | { action: 'refuse'; message: string } | { action: 'none' };

/**
 * Decides a paste from the clipboard's plain text and HTML. parseHtml turns HTML into a tree
 * (DOMParser); it is not called for HTML over the cap or for pastes whose plain text is too long.
 */
export function planPaste(plain: string, html: string, parseHtml: (html: string) => TreeNode | null): PastePlan {
  if (plain.length > MAX_PASTE_CHARS) return { action: 'refuse', message: tooLargeMessage(plain.length) };
  if (html.trim()) {
    if (html.length > MAX_PASTE_HTML_CHARS) return { action: 'refuse', message: tooLargeMessage(plain.length || html.length) };
    const tree = parseHtml(html);
    if (tree) {
      const { blocks, chars } = blocksFromHtml(tree);
      if (chars > MAX_PASTE_CHARS) return { action: 'refuse', message: tooLargeMessage(chars) };
      if (blocks.length) return { action: 'insert', blocks };
    }
  }
  const blocks = blocksFromText(plain);
  return blocks.length ? { action: 'insert', blocks } : { action: 'none' };
}
