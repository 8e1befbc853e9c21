// Recognising a report's structure in imported paragraphs (report-structure.md): drop web junk,
// find the title, read heading markers in sequence (一、 （一） 1. （1） and their variants), split
// run-in headings, read level-1 section kinds, and the 署名 / 成文日期 at the end. Pure and
// synchronous: every source (.txt, .md, paste, .docx) ends here.
//
// Decisions (each has a test):
// - Title: the first line when it reads like one (≤ 80 characters, no 。, not ending in ：，、.,
//   no marker) and more follows; a web column before " | " and a site name after "_" are dropped
//   and recorded in fixes. A long first line is the 导语 and there is no title.
// - Junk lines (crumbs, publication lines, toolbar words, hidden-text notices, image file names,
//   login prompts, "图为…" captions, the short caption line right after an image name, URLs,
//   footers) are dropped wherever they are and listed in `removed` as found.
// - Markers are stripped from the stored text and recorded in fixes when typed as a variant. A
//   marker that goes backwards, or （一） before the first 一、, is body text; "一是" never is a heading.
// - The outline shows heading text without a closing 。/：; the content keeps it (run-in headings
//   read "高度重视。" followed by their body).
// - .docx alignment: a centred first line is the title (docx.ts); a centred or right-aligned line
//   above the date may be a 署名 with 、 or spaces (joint issuers), and one closing the document is
//   a 署名 even without a date.
// - Level-1 kinds come from the heading words only (sectionKind.ts); no words → other.
// - Repeats of a body paragraph (8+ characters, no marker) are dropped and listed in duplicates;
//   a repeated heading is never dropped (the same 1.工作措施 can head two sections).
// - Whitespace is normalised (NBSP, 全角空格, zero-width); punctuation is left as typed (the
//   half-width commas of a web copy stay). Web leftovers inside lines (pinyin annotations
//   "強(qiáng)", HTML tag remnants) are removed and recorded.
import type { DocumentContent, SerializedNode } from '../../common/documentModel';
import { MAX_CONTENT_JSON_CHARS } from '../../common/documentModel';
import { AppError } from '../../common/errors';
import type { HeadingLevel } from '../../common/numbering';
import type { SectionKind } from '../../common/reportModel';
import { fieldParagraphNode, headingNode, inlineNodes, roleBlockNode, runInParagraphNode } from '../../common/reportModel';
import type { CleanLine } from './clean';
import { cleanLine, isImageLine, isJunkLine } from './clean';
import type { FoundMarker } from './markers';
import { findMarker, isEnumerationItem } from './markers';
import { sectionKindOf } from './sectionKind';
import type { ImportDuplicate, ImportOutlineHeading, ImportResult, ImportSource, SourceParagraph } from './types';

/** Options of recogniseParagraphs. */
export interface RecogniseParagraphsOptions {
  source: ImportSource;
  /** Footnotes (docx), appended as body paragraphs after everything else. */
  footnotes?: readonly string[];
  /** Fixes the source already made (表格已转为文字 …), listed first. */
  fixes?: readonly string[];
}

/** A paragraph that survived the clean-up. */
interface Item {
  source: SourceParagraph;
  line: CleanLine;
  /** Cleaned text (table rows: cleaned cells joined by tabs). */
  text: string;
}

/** A recognised block, in reading order. */
type Block =
  | { type: 'heading'; level: HeadingLevel; kind: SectionKind | null; heading: string; body: string | null; marker: FoundMarker | null; item: Item }
  | { type: 'body'; text: string; item: Item };

// Sentence ends that close a run-in heading sentence, and what may trail them (a closing quote).
const sentenceEnd = /[。！？!?][”’」』）)]*/u;
const anySentencePunctuation = /[。！？!?；;]/u;
const LONGEST_TITLE = 80;
const LONGEST_UNMARKED_HEADING = 40;
// Numbers a marker may jump ahead by (points deleted from a copied report): 一、 then 四、 is kept.
const LARGEST_GAP = 3;

/** True when a line reads like a date: 2025年7月1日, 二〇二五年七月一日, 2025-07-01. */
export function isDateLine(text: string): boolean {
  return (
    /^[（(]?\s*(\d{4}|[〇○零OＯ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?$/u.test(text) ||
    /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/u.test(text)
  );
}

/** True when a line could be a 署名: a short unit or person name, no punctuation, no marker. */
function isSignatureLine(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && /\p{Script=Han}/u.test(text) && !/[。！？!?；;，,：:、]/u.test(text) && !findMarker(text) && !isDateLine(text);
}

// Closing lines that are short and unpunctuated but no 署名.
const closingPhrase = /^(特此|以上|此致|妥否|当否|请审阅|请批示)/u;

/** A centred or right-aligned 署名 may name several units ("中共某某委员会、某某局") or read "某某局 （盖章）". */
function isAlignedSignature(text: string): boolean {
  return text.length >= 2 && text.length <= 60 && /\p{Script=Han}/u.test(text) && !/[。！？!?；;：:]/u.test(text) && !findMarker(text) && !isDateLine(text) && !closingPhrase.test(text);
}

/** True when the first line reads like a title: short, no sentence, no marker, not a lead-in. */
function looksLikeTitle(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= LONGEST_TITLE &&
    !text.includes('。') &&
    !/[！？!?；;：:，,、.…]$/u.test(text) &&
    !findMarker(text) &&
    !isEnumerationItem(text) &&
    !isDateLine(text)
  );
}

/** The real title of a web headline: drops a column prefix ("迎接社十二大 | …") and a site suffix ("… _某某网"). */
export function cleanTitle(title: string): { title: string; dropped: string[] } {
  const dropped: string[] = [];
  let out = title;
  const parts = out.split(/\s*[|｜]\s*/u).filter((p) => p.length > 0);
  if (parts.length > 1) {
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    dropped.push(...parts.filter((p) => p !== longest));
    out = longest;
  }
  const site = /(?:\s+[-－—–]\s+|_|－)([^\s_－]{2,20}(?:网|網|网站|網站|门户|門戶|频道|頻道|官网|官網|在线|在線|客户端|客戶端))$/u.exec(out);
  if (site) {
    dropped.push(site[1] ?? '');
    out = out.slice(0, site.index);
  }
  const column = /^【([^】]{1,12})】\s*/u.exec(out);
  if (column && out.length > column[0].length + 4) {
    dropped.push(column[1] ?? '');
    out = out.slice(column[0].length);
  }
  return { title: out.trim(), dropped };
}

/**
 * Splits a heading line (marker removed) into the heading sentence and the body that follows in
 * the same paragraph: up to and including the first 。！？ (a closing quote stays with it), or a
 * short lead ending in ：. Body is null when the line is a heading alone.
 */
export function splitRunIn(text: string): { heading: string; body: string | null } {
  const end = sentenceEnd.exec(text);
  const colon = /(?<!\d)[：:](?!\d)/u.exec(text);
  if (colon && colon.index > 0 && colon.index <= 30 && (!end || colon.index < end.index)) {
    const body = text.slice(colon.index + 1).trim();
    if (body) return { heading: text.slice(0, colon.index + 1), body };
  }
  if (end) {
    const at = end.index + end[0].length;
    const body = text.slice(at).trim();
    if (body) return { heading: text.slice(0, at), body };
  }
  return { heading: text, body: null };
}

/** The outline text of a heading: without a closing 。 or ： (kept in the content). */
function outlineText(heading: string): string {
  return heading.replace(/[。：:；;]+[”’」』）)]*$/u, (m) => (/[”’」』）)]/u.test(m) ? m.replace(/^[。：:；;]+/u, '') : '')).trim();
}

/** Inline nodes of a body text: table rows keep their cells apart with tab nodes. */
function bodyInline(text: string): SerializedNode[] {
  if (!text.includes('\t')) return inlineNodes(text);
  const out: SerializedNode[] = [];
  text.split('\t').forEach((cell, i) => {
    if (i > 0) out.push({ type: 'tab', version: 1, text: '\t', format: 0, detail: 2, mode: 'normal', style: '' });
    if (cell) out.push(...inlineNodes(cell));
  });
  return out;
}

/** A body paragraph node. */
function bodyNode(text: string): SerializedNode {
  const node = fieldParagraphNode('');
  return { ...node, children: bodyInline(text) };
}

/** Drops junk lines (and the caption after an image), merging a marker left alone on its line into the next. */
function cleanUp(source: readonly SourceParagraph[], removed: string[]): Item[] {
  const items: Item[] = [];
  let afterImage = false;
  let pendingMarker: string | null = null;
  for (const paragraph of source) {
    if (paragraph.tableRow) {
      const cells = paragraph.text.split('\t').map((cell) => cleanLine(cell).text);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.some((c) => c !== '')) items.push({ source: paragraph, line: cleanLine(cells.join(' ')), text: cells.join('\t') });
      afterImage = false;
      continue;
    }
    let line = cleanLine(paragraph.text);
    if (!line.text) continue;
    if (pendingMarker !== null) {
      line = { ...line, text: `${pendingMarker}${line.text}` };
      pendingMarker = null;
    }
    if (isJunkLine(line.text)) {
      removed.push(line.raw);
      afterImage = isImageLine(line.text);
      continue;
    }
    const marker = findMarker(line.text);
    if (marker && !marker.missingBracket && marker.length >= line.text.length) {
      pendingMarker = line.text;
      continue;
    }
    if (afterImage && line.text.length <= LONGEST_TITLE && !marker && !paragraph.styleLevel && !paragraph.isTitle && !isGappedHeading(line)) {
      removed.push(line.raw);
      afterImage = false;
      continue;
    }
    afterImage = false;
    items.push({ source: paragraph, line, text: line.text });
  }
  if (pendingMarker !== null) items.push({ source: { text: pendingMarker }, line: cleanLine(pendingMarker), text: pendingMarker });
  return items;
}

/** The 对仗 form of an unmarked news subheading: phrases of 4+ characters apart by white space, no punctuation ("姓名 张三" is not one). */
function isGappedHeading(line: CleanLine): boolean {
  return (
    line.gapped &&
    line.text.length >= 4 &&
    line.text.length <= LONGEST_UNMARKED_HEADING &&
    !/[。！？!?；;，,：:、]/u.test(line.text) &&
    line.text.split(' ').every((part) => part.length >= 4)
  );
}

/** Recognises the structure of paragraphs from any source. */
export function recogniseParagraphs(source: readonly SourceParagraph[], options: RecogniseParagraphsOptions): ImportResult {
  const removed: string[] = [];
  const fixes: string[] = [...(options.fixes ?? [])];
  let items = cleanUp(source, removed);
  const pinyin = items.flatMap((i) => i.line.pinyin);

  // Title: a paragraph styled Title among the first three, else the first line when it reads like
  // one and something follows.
  let title: string | null = null;
  let titleKey: string | null = null;
  const styledTitle = items.slice(0, 3).findIndex((item) => item.source.isTitle);
  const titleAt = styledTitle >= 0 ? styledTitle : 0;
  const first = items[titleAt];
  if (first && items.length > 1 && !first.source.tableRow && (first.source.isTitle || (!first.source.styleLevel && looksLikeTitle(first.text)))) {
    const cleaned = cleanTitle(first.text);
    title = cleaned.title;
    titleKey = first.text;
    for (const part of cleaned.dropped) fixes.push(`标题去掉网页栏目或网站名 “${part}”`);
    items = [...items.slice(0, titleAt), ...items.slice(titleAt + 1)];
  }

  // 署名 and 成文日期: a date line at the end, and the short name line just above it.
  let signature: string | null = null;
  let date: string | null = null;
  const last = items[items.length - 1];
  if (last && !last.source.tableRow && !last.source.styleLevel && isDateLine(last.text)) {
    date = last.text;
    items = items.slice(0, -1);
    const above = items[items.length - 1];
    if (above && !above.source.tableRow && !above.source.styleLevel && (isSignatureLine(above.text) || (above.source.align && isAlignedSignature(above.text)))) {
      signature = above.text;
      items = items.slice(0, -1);
    }
  } else if (last && items.length > 1 && last.source.align && !last.source.tableRow && !last.source.styleLevel && isSignatureLine(last.text) && !closingPhrase.test(last.text)) {
    // A centred or right-aligned name closing a Word document is its 署名, with or without a date.
    signature = last.text;
    items = items.slice(0, -1);
  }

  // Repeated paragraphs (and the title repeated as the first line of the body): kept once, listed.
  const seen = new Map<string, number>();
  if (titleKey !== null) seen.set(titleKey, 1);
  if (title !== null) seen.set(title, 1);
  const repeats = new Map<string, number>();
  items = items.filter((item) => {
    if (item.text.length < 8 && item.text !== title && item.text !== titleKey) return true;
    if (item.source.styleLevel || (findMarker(item.text) && item.text !== titleKey)) return true;
    const count = seen.get(item.text) ?? 0;
    seen.set(item.text, count + 1);
    if (count === 0) return true;
    repeats.set(item.text, count + 1);
    return false;
  });
  const duplicates: ImportDuplicate[] = [...repeats].map(([text, count]) => ({ text, count }));

  const blocks = classify(items, options.source);
  if (pinyin.length > 0) fixes.push(`删除网页拼音注音 ${pinyin.length} 处（如 “${pinyin[0]}”）`);

  // Content, fixes (by paragraph number of the imported document) and outline.
  const children: SerializedNode[] = [];
  const outline: ImportOutlineHeading[] = [];
  for (const block of blocks) {
    const number = children.length + 1;
    if (block.type === 'heading') {
      if (block.marker && block.marker.raw !== block.marker.canonical) fixes.push(`第${number}段：“${block.marker.raw}” 规范为 “${block.marker.canonical}”`);
      children.push(block.body === null ? headingNode(block.level, block.heading, { kind: block.kind }) : runInParagraphNode(block.level, block.heading, block.body, block.kind));
      outline.push({ level: block.level, text: outlineText(block.heading), kind: block.kind });
    } else children.push(bodyNode(block.text));
    const tags = block.item.line.tags;
    if (tags.length > 0) fixes.push(`第${number}段：删除网页标记 ${tags.map((t) => `“${t}”`).join('、')}`);
  }
  for (const note of options.footnotes ?? []) children.push(bodyNode(cleanLine(note).text));
  if (signature !== null) children.push(roleBlockNode('signature', signature));
  if (date !== null) children.push(roleBlockNode('date', date));

  const content: DocumentContent = { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
  if (estimateJsonChars(children) > MAX_CONTENT_JSON_CHARS) throw new AppError('TOO_LARGE', '文档内容过大，超过单篇文稿的上限。请拆分成几个文件后再导入。');
  return {
    title,
    content,
    outline,
    paragraphs: children.filter((c) => c.type === 'paragraph').length,
    removed,
    duplicates,
    fixes,
    signature,
    date,
  };
}

/** A cheap estimate of the serialized size (the schema's own measure, roughly). */
function estimateJsonChars(nodes: readonly SerializedNode[]): number {
  let size = 0;
  for (const node of nodes) {
    size += 120 + (typeof node.text === 'string' ? node.text.length : 0);
    if (node.children) size += estimateJsonChars(node.children);
  }
  return size;
}

/**
 * Reads headings from markers in sequence. 一、 must count up (jumps of a few are kept: points
 * deleted from a copied report); （一） needs a 一、 above it unless the document has no 一、 at
 * all; 1. and （1） count up and restart under each new parent. Going backwards means body text.
 * Word heading styles set the level outright; Markdown #'s and bold mark a heading whose marker
 * breaks the sequence. Without any 一、, short unmarked 对仗 lines (or bold lines in .docx) between
 * body paragraphs are the level-1 headings of a news-style 综述.
 */
function classify(items: readonly Item[], source: ImportSource): Block[] {
  const markers = items.map((item) => (item.source.tableRow ? null : findMarker(item.text)));
  const styled = (item: Item): HeadingLevel | null => (source === 'docx' && item.source.styleLevel ? item.source.styleLevel : null);
  const emphasised = (item: Item): boolean => (source === 'md' && item.source.styleLevel !== undefined) || item.source.bold === 'all' || item.source.bold === 'lead';

  // Level 1 first: whether the document has any decides how （一） and unmarked lines are read.
  const level1 = new Set<number>();
  let last1 = 0;
  items.forEach((item, i) => {
    const marker = markers[i];
    const style = styled(item);
    if (style !== null) {
      if (style === 1) last1 = marker?.level === 1 ? marker.n : last1 + 1;
      return;
    }
    if (marker?.level !== 1 || !/^\S/u.test(item.text.slice(marker.length))) return;
    if ((marker.n > last1 && marker.n <= last1 + 1 + LARGEST_GAP) || emphasised(item)) {
      level1.add(i);
      last1 = marker.n;
    }
  });
  const hasLevel1 = level1.size > 0 || items.some((item) => styled(item) === 1 || (source === 'md' && item.source.styleLevel === 1));

  const counters = [0, 0, 0, 0, 0];
  const blocks: Block[] = [];
  items.forEach((item, i) => {
    const marker = markers[i] ?? null;
    let level: HeadingLevel | null = null;
    const style = styled(item);
    if (item.source.tableRow) level = null;
    else if (style !== null) level = style;
    else if (marker && marker.level === 1) level = level1.has(i) ? 1 : null;
    else if (marker && !/^[\s，,。、]/u.test(item.text.slice(marker.length)) && item.text.length > marker.length) {
      const L = marker.level;
      const inBody = !hasLevel1 || (counters[1] ?? 0) > 0;
      const last = counters[L] ?? 0;
      const inSequence = marker.missingBracket ? last >= 1 && marker.n === last + 1 : marker.n > last && marker.n <= last + 1 + LARGEST_GAP;
      if ((inBody && inSequence) || (emphasised(item) && !marker.missingBracket)) level = L;
    } else if (!marker && source === 'md' && item.source.styleLevel) level = item.source.styleLevel;
    else if (!marker && !hasLevel1 && unmarkedHeading(items, i, source)) level = 1;

    if (level === null) {
      blocks.push({ type: 'body', text: item.text, item });
      return;
    }
    const n = marker && marker.level === level ? marker.n : (counters[level] ?? 0) + 1;
    counters[level] = n;
    for (let deeper = level + 1; deeper <= 4; deeper += 1) counters[deeper] = 0;
    // A styled heading loses its typed marker too: numbering comes from position.
    const rest = marker ? item.text.slice(marker.length).trim() : item.text;
    const { heading, body } = splitRunIn(rest);
    blocks.push({ type: 'heading', level, kind: level === 1 ? sectionKindOf(heading) : null, heading, body, marker, item });
  });
  return blocks;
}

/** An unmarked heading: a 对仗 line (or a bold line from .docx), short, no punctuation, followed by body text. */
function unmarkedHeading(items: readonly Item[], i: number, source: ImportSource): boolean {
  const item = items[i];
  const next = items[i + 1];
  if (!item || !next || next.source.tableRow) return false;
  const text = item.text;
  const form = isGappedHeading(item.line) || (source === 'docx' && item.source.bold === 'all' && text.length <= LONGEST_UNMARKED_HEADING && !/[。！？!?；;，,：:、]/u.test(text));
  if (!form || isEnumerationItem(text) || isDateLine(text)) return false;
  // The next line is body: longer, or a sentence.
  return next.text.length > LONGEST_UNMARKED_HEADING || anySentencePunctuation.test(next.text);
}
