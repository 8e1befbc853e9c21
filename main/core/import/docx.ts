// .docx import of untrusted files (reliability.md). Before anything is parsed, the zip's central
// directory is read with yauzl (no inflating) to cap the entry count, the declared uncompressed
// size and the compression ratio (zip bombs); then only the XML parts are inflated, streamed with
// a running byte count (a zip that lies about its sizes is stopped at the cap). mammoth then runs
// in a worker thread with a heap limit and a timeout, on those verified parts only (never the
// original zip, never images, externalFileAccess false), and the worker turns its HTML into
// simple paragraphs. Recognition then runs here, as for text.
//
// Memory (measured with bench/import.ts on hostile files that pass every zip check and make mammoth
// build millions of nodes): the worker's V8 old generation is capped at 320 MB (young generation
// 16 MB); when mammoth needs more, V8 stops the worker (ERR_WORKER_OUT_OF_MEMORY → TOO_LARGE). A
// worker at its cap costs ≈ 360 MB of RSS, so with this process's own ≈ 60–90 MB the importer
// peaks at ≈ 450 MB, under the 512 MB budget. (384 MB, first planned, measured 510–517 MB peaks.)
// The XML mammoth may see is capped at 12 MB a part and 16 MB in all; ordinary 100-page reports
// have 1–3 MB.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import yauzl from 'yauzl';
import { MAX_CONTENT_JSON_CHARS } from '../../common/documentModel';
import { AppError } from '../../common/errors';
import type { HeadingLevel } from '../../common/numbering';
import type { DocxParagraphs } from './htmlParagraphs';
import type { LayoutParagraph, ScannedParagraph } from './docxLayout';
import { layoutParagraphs, matchLayout, MAX_LAYOUT_PARAGRAPHS, scanDocxLayout } from './docxLayout';
import { htmlToParagraphs } from './htmlParagraphs';
import { findMarker } from './markers';
import { recogniseParagraphs } from './recognise';
import type { ImportResult, SourceParagraph } from './types';

/** Limits applied to a .docx before and while parsing it. */
export interface DocxLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most entries in the zip's central directory. */
  maxEntries: number;
  /** Largest sum of the declared uncompressed sizes of all entries, in bytes. */
  maxTotalUncompressed: number;
  /** Largest XML part (document.xml, styles.xml …), in bytes inflated. */
  maxPartBytes: number;
  /** Largest sum of the XML parts, in bytes inflated. */
  maxPartsTotal: number;
  /** Highest compression ratio (uncompressed / compressed) of an entry larger than ratioFloorBytes. */
  maxRatio: number;
  /** Entries smaller than this are never judged by their ratio. */
  ratioFloorBytes: number;
  /** V8 old-generation cap of the parsing worker, in MB. */
  workerHeapMb: number;
  /** Most characters of text the worker may hand back (more cannot be one document anyway). */
  maxTextChars: number;
  /** Time the worker may take, in milliseconds. */
  timeoutMs: number;
}

const MB = 1024 * 1024;

/** The limits used unless a caller (a test) passes others. */
export const defaultDocxLimits: DocxLimits = {
  maxFileBytes: 50 * MB,
  maxEntries: 2000,
  maxTotalUncompressed: 200 * MB,
  maxPartBytes: 12 * MB,
  maxPartsTotal: 16 * MB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MB,
  workerHeapMb: 320,
  maxTextChars: MAX_CONTENT_JSON_CHARS,
  timeoutMs: 20_000,
};

const corrupt = '文件已损坏或不是 Word 文档（.docx），无法导入。请用 Word 或 WPS 打开确认，必要时另存为 .docx 后再试。';

const sizeMismatch = '文档内容与其声明的大小不符（疑似“压缩炸弹”），可能是恶意文件，已拒绝导入。';

/** An XML part mammoth may read; everything else (images, embedded files) is never inflated. */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** Opens a zip for reading its central directory. */
function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(new AppError('INVALID_INPUT', corrupt));
      else resolve(zip);
    });
  });
}

/** Lists the zip's entries from its central directory, enforcing the count, size and ratio caps. */
function listEntries(zip: yauzl.ZipFile, limits: DocxLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > limits.maxEntries) {
      reject(new AppError('TOO_LARGE', `文档包含的部件过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个），可能不是正常的 Word 文档，已拒绝导入。`));
      return;
    }
    const entries: yauzl.Entry[] = [];
    const names = new Set<string>();
    let total = 0;
    let parts = 0;
    let failed = false;
    const fail = (error: AppError): void => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    zip.on('error', () => fail(new AppError('INVALID_INPUT', corrupt)));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (failed) return;
      const name = entry.fileName;
      if (names.has(name)) return fail(new AppError('INVALID_INPUT', corrupt));
      names.add(name);
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio) {
        return fail(new AppError('INVALID_INPUT', '文档的压缩比异常（疑似“压缩炸弹”），可能是恶意文件，已拒绝导入。'));
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalUncompressed) {
        return fail(new AppError('TOO_LARGE', `文档解压后超过 ${Math.round(limits.maxTotalUncompressed / MB)} MB，已拒绝导入。请删去大图片或拆分文档后再试。`));
      }
      if (isXmlPart(name) && !name.endsWith('/')) {
        if (entry.isEncrypted()) return fail(new AppError('UNSUPPORTED', '文档已加密，无法导入。请在 Word 或 WPS 中取消密码、另存为 .docx 后再导入。'));
        parts += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxPartBytes || parts > limits.maxPartsTotal) {
          return fail(new AppError('TOO_LARGE', `文档正文过大（超过 ${Math.round(limits.maxPartsTotal / MB)} MB 的文字内容），已拒绝导入。请拆分成几个文档后再试。`));
        }
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      if (!failed) resolve(entries);
    });
    zip.readEntry();
  });
}

/** Inflates one entry, stopping at maxBytes (yauzl also stops at the declared size). */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new AppError('INVALID_INPUT', corrupt));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          stream.destroy();
          reject(new AppError('INVALID_INPUT', sizeMismatch));
          return;
        }
        chunks.push(chunk);
      });
      // yauzl stops a stream that inflates to more than its entry declared: a lying zip bomb.
      stream.on('error', (streamError: Error) =>
        reject(/too many bytes|too few bytes/i.test(streamError.message) ? new AppError('INVALID_INPUT', sizeMismatch) : new AppError('INVALID_INPUT', corrupt)),
      );
      stream.on('end', () => {
        // A fresh buffer of its own (never a pooled slice), so it can be transferred to the worker.
        const out = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          out.set(chunk, at);
          at += chunk.length;
        }
        resolve(out);
      });
    });
  });
}

/** The verified content of a .docx: its XML parts, inflated, and the names of all entries. */
export interface DocxParts {
  parts: Map<string, Uint8Array>;
  names: string[];
}

/** Reads and verifies a .docx's zip structure and XML parts (no parsing). */
export async function readDocxParts(file: string, limits: DocxLimits = defaultDocxLimits): Promise<DocxParts> {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip, limits);
    const parts = new Map<string, Uint8Array>();
    let total = 0;
    for (const entry of entries) {
      if (!isXmlPart(entry.fileName) || entry.fileName.endsWith('/')) continue;
      const bytes = await readEntry(zip, entry, Math.min(limits.maxPartBytes, limits.maxPartsTotal - total));
      total += bytes.length;
      parts.set(entry.fileName, bytes);
    }
    const main = mainDocumentPath(parts);
    if (!parts.has(main)) throw new AppError('INVALID_INPUT', corrupt);
    return { parts, names: entries.map((e) => e.fileName) };
  } finally {
    zip.close();
  }
}

/** The main document part named by _rels/.rels (word/document.xml by default), as mammoth finds it. */
function mainDocumentPath(parts: Map<string, Uint8Array>): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    const xml = new TextDecoder().decode(rels);
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = m[0];
      if (/Type="[^"]*\/officeDocument"/.test(tag)) {
        const target = /Target="([^"]*)"/.exec(tag)?.[1];
        if (target) return target.replace(/^\//, '');
      }
    }
  }
  return 'word/document.xml';
}

// Word heading styles (English and Chinese names, as Word and WPS write them) → h1–h4; Title → a
// marked paragraph. Bold comes through as <strong> by mammoth's defaults.
const styleMap = [
  "p[style-name='Title'] => p.wg-title:fresh",
  "p[style-name='标题'] => p.wg-title:fresh",
  ...[1, 2, 3, 4].flatMap((n) => [
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
    `p[style-name='heading ${n}'] => h${n}:fresh`,
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
    `p[style-name='标题${n}'] => h${n}:fresh`,
  ]),
];

// Plain JS run by the worker. mammoth is loaded from the path this thread resolved (as
// integrityCheck.ts loads better-sqlite3), and reads the verified parts through mammoth's file
// input: JSZip never sees the original zip, and images are never read (convertImage returns an
// empty image without calling image.read()).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
var __name = function (f) { return f; };
const htmlToParagraphs = (${htmlToParagraphs.toString()});
const scanDocxLayout = (${scanDocxLayout.toString()});
(async () => {
  try {
    const mammoth = require(workerData.mammothPath);
    const parts = new Map();
    workerData.parts.forEach(function (p) { parts.set(p[0], p[1]); });
    // Alignment and automatic numbering, which mammoth drops; a part that cannot be read gives none.
    let layout = null;
    try {
      const decoder = new TextDecoder();
      const text = function (name) { return parts.has(name) ? decoder.decode(parts.get(name)) : null; };
      const documentXml = text(workerData.mainPath);
      if (documentXml !== null) layout = scanDocxLayout(documentXml, text(workerData.partsDir + 'numbering.xml'), text(workerData.partsDir + 'styles.xml'), workerData.maxLayoutParagraphs);
    } catch (error) {
      layout = null;
    }
    const names = new Set(workerData.names);
    const file = {
      exists: function (name) { return parts.has(name) || names.has(name); },
      read: function (name, encoding) {
        const bytes = parts.get(name) || new Uint8Array(0);
        if (encoding === 'base64') return Promise.resolve(Buffer.from(bytes).toString('base64'));
        if (encoding) return Promise.resolve(new TextDecoder(encoding).decode(bytes));
        return Promise.resolve(bytes);
      },
      write: function () {},
      toArrayBuffer: function () { return Promise.reject(new Error('read-only')); },
    };
    const result = await mammoth.convertToHtml({ file: file }, {
      styleMap: workerData.styleMap,
      externalFileAccess: false,
      includeEmbeddedStyleMap: false,
      convertImage: mammoth.images.imgElement(function () { return { src: '' }; }),
    });
    const value = htmlToParagraphs(result.value);
    let chars = 0;
    value.paragraphs.forEach(function (p) { chars += p.text.length; });
    value.footnotes.forEach(function (f) { chars += f.length; });
    if (chars > workerData.maxTextChars) parentPort.postMessage({ ok: false, tooLarge: true });
    else parentPort.postMessage({ ok: true, value: value, layout: layout });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
})();
`;

/** Where this thread loads mammoth from. */
function mammothPath(): string {
  try {
    if (typeof require === 'function') return require.resolve('mammoth');
  } catch {
    // Fall through to a resolver rooted at the working directory.
  }
  return createRequire(path.join(process.cwd(), 'index.js')).resolve('mammoth');
}

/** What the worker reads from a .docx: mammoth's paragraphs, and the layout mammoth drops (null when unreadable). */
export interface ParsedDocx extends DocxParagraphs {
  layout: ScannedParagraph[] | null;
}

/** Runs mammoth and the layout scan on verified parts in a worker with a heap limit and a timeout. */
export function parseInWorker(docx: DocxParts, limits: DocxLimits = defaultDocxLimits): Promise<ParsedDocx> {
  return new Promise((resolve, reject) => {
    const parts = [...docx.parts];
    const mainPath = mainDocumentPath(docx.parts);
    const partsDir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
    let worker: Worker;
    try {
      worker = new Worker(workerSource, {
        eval: true,
        workerData: { mammothPath: mammothPath(), parts, names: docx.names, styleMap, maxTextChars: limits.maxTextChars, mainPath, partsDir, maxLayoutParagraphs: MAX_LAYOUT_PARAGRAPHS },
        transferList: parts.map(([, bytes]) => bytes.buffer as ArrayBuffer),
        resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      });
    } catch {
      reject(new AppError('INTERNAL', '无法启动文档解析，请重试。'));
      return;
    }
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new AppError('TOO_LARGE', `文档过于复杂，${Math.round(limits.timeoutMs / 1000)} 秒内未能解析完，已停止。请拆分文档或另存为 .docx 后再试。`)));
    }, limits.timeoutMs);
    worker.once('message', (message: { ok: true; value: DocxParagraphs; layout: ScannedParagraph[] | null } | { ok: false; message?: string; tooLarge?: boolean }) => {
      settle(() => {
        if (message.ok) resolve({ ...message.value, layout: message.layout });
        else if (message.tooLarge) reject(new AppError('TOO_LARGE', '文档内容过大，超过单篇文稿的上限。请拆分成几个文件后再导入。'));
        else reject(new AppError('INVALID_INPUT', corrupt));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('TOO_LARGE', '文档过大，解析时超出内存上限，已停止。请拆分成几个文档后再导入。')
            : new AppError('INVALID_INPUT', corrupt),
        ),
      );
    });
    worker.once('exit', () => settle(() => reject(new AppError('INTERNAL', '文档解析意外中止，请重试。'))));
  });
}

/**
 * A lone Heading 1 opening the document is its title (some writers style the title so); the
 * heading styles below it then move up one level.
 */
export function titleFromHeadingStyle(paragraphs: SourceParagraph[]): SourceParagraph[] {
  const firstIndex = paragraphs.findIndex((p) => p.text.trim() !== '');
  const first = paragraphs[firstIndex];
  if (!first || first.styleLevel !== 1 || findMarker(first.text.trim()) || paragraphs.some((p) => p.isTitle)) return paragraphs;
  if (paragraphs.some((p, i) => i !== firstIndex && p.styleLevel === 1)) return paragraphs;
  return paragraphs.map((p, i) => {
    if (i === firstIndex) return { text: p.text, isTitle: true, ...(p.bold ? { bold: p.bold } : {}) };
    if (p.styleLevel === undefined) return p;
    return { ...p, styleLevel: Math.max(1, p.styleLevel - 1) as HeadingLevel };
  });
}

/**
 * Adds what mammoth leaves out: each paragraph's alignment, and the marker of a Word automatic
 * number in front of its text (unless a marker is typed there already). Returns how many
 * automatic numbers were added.
 */
export function applyLayout(paragraphs: SourceParagraph[], layout: readonly LayoutParagraph[]): { paragraphs: SourceParagraph[]; numbered: number; example: string | null } {
  const hints = matchLayout(paragraphs, layout);
  let numbered = 0;
  let example: string | null = null;
  const out = paragraphs.map((p, i) => {
    const hint = hints[i];
    if (!hint) return p;
    let next: SourceParagraph = hint.align ? { ...p, align: hint.align } : p;
    if (hint.marker && !findMarker(p.text.trim())) {
      next = { ...next, text: `${hint.marker}${p.text.trim()}` };
      numbered += 1;
      example ??= hint.marker;
    }
    return next;
  });
  return { paragraphs: out, numbered, example };
}

/**
 * A centred line opening the document is its title when nothing is styled Title and it reads like
 * one (no marker, no 。, at most 80 characters): the first centred line among the first three, so
 * a 附件 or 密级 line above the title stays body text.
 */
export function titleFromAlignment(paragraphs: SourceParagraph[]): SourceParagraph[] {
  if (paragraphs.some((p) => p.isTitle)) return paragraphs;
  const opening = paragraphs
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.text.trim() !== '')
    .slice(0, 3);
  const centred = opening.find(({ p }) => p.align === 'center');
  if (!centred || centred.p.tableRow || centred.p.styleLevel || opening.length < 2) return paragraphs;
  const text = centred.p.text.trim();
  if (text.length > 80 || text.includes('。') || findMarker(text)) return paragraphs;
  return paragraphs.map((p, i) => (i === centred.i ? { ...p, isTitle: true } : p));
}

/** Imports a .docx file (size already checked by the caller): verify, parse in a worker, recognise. */
export async function importDocx(file: string, limits: DocxLimits = defaultDocxLimits): Promise<ImportResult> {
  const parts = await readDocxParts(file, limits);
  const parsed = await parseInWorker(parts, limits);
  const fixes: string[] = [];
  const laidOut = applyLayout(parsed.paragraphs, layoutParagraphs(parsed.layout ?? []));
  if (laidOut.numbered > 0) fixes.push(`读取 Word 自动编号 ${laidOut.numbered} 处（如 “${laidOut.example ?? ''}”），按编号识别标题层级`);
  if (parsed.tables > 0) fixes.push(`表格已转为文字（${parsed.tables} 个表格，${parsed.tableRows} 行；每行一段，单元格之间以制表符分隔）`);
  if (parsed.footnotes.length > 0) fixes.push(`脚注已移到正文末尾（${parsed.footnotes.length} 条）`);
  if (parsed.images > 0) fixes.push(`图片未导入（${parsed.images} 张）`);
  return recogniseParagraphs(titleFromAlignment(titleFromHeadingStyle(laidOut.paragraphs)), { source: 'docx', footnotes: parsed.footnotes, fixes });
}
