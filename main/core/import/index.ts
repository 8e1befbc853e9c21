// The import engine: text, Markdown and .docx into a report (title, headings with kinds, run-in
// headings, 署名/成文日期), with web junk dropped and every drop, repeat and fix reported.
// recogniseText is pure; importFile reads a file, picks the reader by its first bytes and
// extension, and refuses formats it cannot read safely with a Chinese message.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { DocxLimits } from './docx';
import { defaultDocxLimits, importDocx } from './docx';
import { recogniseParagraphs } from './recognise';
import { decodeText, markdownParagraphs, textParagraphs } from './textSource';
import type { DryRunJson, ImportResult, RecogniseOptions } from './types';

export type { DryRunJson, ImportDuplicate, ImportOutlineHeading, ImportResult, ImportSource, RecogniseOptions, SourceParagraph } from './types';
export type { DocxLimits } from './docx';
export { defaultDocxLimits } from './docx';

/** Largest .txt/.md file imported, in bytes (about 2.7 million Chinese characters in UTF-8). */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** The formats importFile reads, as the refusal message lists them. */
export const supportedFormats = '.docx（Word 2007 及以后）、.txt（纯文本，UTF-8 或 GBK）、.md（Markdown）';

const saveAsDocx = '请用 Word 或 WPS 打开，“另存为” .docx 格式后再导入。';

/** Options of importFile. */
export interface ImportFileOptions {
  /** Overrides of the .docx limits (tests, benchmarks). */
  docxLimits?: Partial<DocxLimits>;
}

/** Recognises the structure of pasted or file text (pure, synchronous). */
export function recogniseText(text: string, options: RecogniseOptions = {}): ImportResult {
  const source = options.source ?? 'paste';
  if (source === 'md') {
    const md = markdownParagraphs(text);
    const result = recogniseParagraphs(md.paragraphs, { source });
    return { ...result, removed: [...md.removed, ...result.removed] };
  }
  return recogniseParagraphs(textParagraphs(text), { source });
}

/** What the first bytes of a file say it is. */
type Sniffed = 'ole' | 'zip' | 'rtf' | 'pdf' | 'other';

/** Reads the first bytes of a file. */
async function sniff(file: string): Promise<Sniffed> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 8 && b.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07)) return 'zip';
    if (b.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
    if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
    return 'other';
  } finally {
    await handle.close();
  }
}

/** Translates a file-system error into a Chinese AppError. */
function ioError(error: unknown, file: string): AppError {
  const code = (error as { code?: string }).code;
  const name = path.basename(file);
  if (code === 'ENOENT') return new AppError('IO', `找不到文件“${name}”，它可能已被移动或删除。`);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO', `没有权限读取文件“${name}”。`);
  if (code === 'EISDIR') return new AppError('INVALID_INPUT', `“${name}”是文件夹，请选择一个文件。`);
  return new AppError('IO', `读取文件“${name}”失败，请重试。`);
}

/**
 * Imports a file: .docx (verified and parsed in a worker), .txt (UTF-8 / UTF-16 / GB18030 / Big5)
 * or .md. Legacy .doc/.wps, encrypted documents (both are OLE compound files), .rtf and .pdf are
 * refused with UNSUPPORTED and a Chinese explanation; anything else too, listing what is read.
 */
export async function importFile(file: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  const limits: DocxLimits = { ...defaultDocxLimits, ...options.docxLimits };
  const ext = path.extname(file).toLowerCase();
  let size: number;
  let kind: Sniffed;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
    kind = size === 0 ? 'other' : await sniff(file);
  } catch (error) {
    throw ioError(error, file);
  }
  if (size === 0) throw new AppError('INVALID_INPUT', '文件是空的，没有可以导入的内容。');
  if (kind === 'ole') {
    throw new AppError('UNSUPPORTED', `这是旧版 Word/WPS 文档（.doc/.wps）或设有打开密码的加密文档，无法直接导入。${saveAsDocx}（加密文档请先取消密码。）`);
  }
  if (kind === 'rtf' || ext === '.rtf') throw new AppError('UNSUPPORTED', `暂不支持 RTF 格式。${saveAsDocx}`);
  if (kind === 'pdf' || ext === '.pdf') throw new AppError('UNSUPPORTED', `暂不支持 PDF。请在原文档中复制文字后粘贴，或导入 Word 原稿。支持的格式：${supportedFormats}。`);
  if (ext === '.doc' || ext === '.wps' || ext === '.dot' || ext === '.et') throw new AppError('UNSUPPORTED', `暂不支持旧版 Word/WPS 格式。${saveAsDocx}`);
  if (kind === 'zip') {
    if (ext !== '.docx' && ext !== '.docm' && ext !== '.dotx' && ext !== '.txt' && ext !== '.md' && ext !== '') {
      throw new AppError('UNSUPPORTED', `无法导入这种文件。支持的格式：${supportedFormats}。`);
    }
    if (size > limits.maxFileBytes) throw new AppError('TOO_LARGE', `文档超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB，无法导入。请删去大图片或拆分后再试。`);
    return importDocx(file, limits);
  }
  if (ext === '.docx') throw new AppError('INVALID_INPUT', '文件已损坏或不是 Word 文档（.docx），无法导入。请用 Word 或 WPS 打开确认，必要时另存为 .docx 后再试。');
  const source = ext === '.md' || ext === '.markdown' ? 'md' : ext === '.txt' || ext === '.text' || ext === '' ? 'txt' : null;
  if (source === null) throw new AppError('UNSUPPORTED', `无法导入“${ext}”文件。支持的格式：${supportedFormats}。`);
  if (size > MAX_TEXT_BYTES) throw new AppError('TOO_LARGE', `文本文件超过 ${MAX_TEXT_BYTES / 1024 / 1024} MB，无法导入。请拆分后再试。`);
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw ioError(error, file);
  }
  const decoded = decodeText(bytes);
  return { ...recogniseText(decoded.text, { source }), encoding: decoded.encoding };
}

/** The result as `import <file> --dry-run --json` prints it. `duplicates` counts the repeats dropped. */
export function toDryRunJson(result: ImportResult): DryRunJson {
  return {
    title: result.title,
    headings: result.outline.map((h) => ({ level: h.level, text: h.text, kind: h.kind })),
    paragraphs: result.paragraphs,
    removed: [...result.removed],
    duplicates: result.duplicates.reduce((sum, d) => sum + d.count - 1, 0),
    fixes: [...result.fixes],
  };
}
