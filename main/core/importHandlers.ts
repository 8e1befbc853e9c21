// The contract's import methods over the import engine (main/core/import): text is recognised in
// place; file bytes are written to a private temp folder so the same limits and worker apply as
// for a file on disk, and removed afterwards whatever happens.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../common/dispatcher';
import type { ImportPreview } from '../common/contract';
import { AppError } from '../common/errors';
import { importFile, recogniseText } from './import';
import type { ImportResult } from './import';

/** The import methods of the contract. */
type ImportMethod = 'import.recognise';

/** The preview the contract answers with, from the engine's result. */
export function toPreview(result: ImportResult): ImportPreview {
  return {
    title: result.title,
    content: result.content,
    outline: result.outline,
    paragraphs: result.paragraphs,
    removed: result.removed,
    duplicates: result.duplicates,
    fixes: result.fixes,
    encoding: result.encoding ?? null,
  };
}

/** A file name reduced to its last component and safe characters, keeping its extension. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'import';
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-120);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'import';
}

/** Builds the import handlers. */
export function createImportHandlers(): Handlers<ImportMethod> {
  return {
    async 'import.recognise'(input) {
      if ('text' in input) {
        if (!input.text.trim()) throw new AppError('INVALID_INPUT', '没有可导入的文字。');
        return toPreview(recogniseText(input.text, { source: input.format }));
      }
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) throw new AppError('INVALID_INPUT', `文件“${input.fileName}”是空的。`);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'wengao-import-'));
      try {
        const file = path.join(dir, safeFileName(input.fileName));
        await writeFile(file, bytes);
        return toPreview(await importFile(file));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
