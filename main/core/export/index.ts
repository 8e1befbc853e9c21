// The export engine's API: a report (stored document or plain text) → a GB/T 9704 .docx, written
// atomically. The contract methods, the CLI (`export <id> --out F.docx`, `export --from F.txt`)
// and the UI call these; the layout numbers live in the format profile (main/common/formatProfile.ts)
// and the page estimate the UI shows uses the same layout plan (main/common/pageEstimate.ts).
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { FormatProfile } from '../../common/formatProfile';
import type { ExportDocxInput, ExportDocxResult } from './docx';
import { exportDocx } from './docx';
import type { ExportFromTextOptions, ExportFromTextResult } from './fromText';
import { exportFromText } from './fromText';
import { writeFileAtomic } from './writeFileAtomic';

export type { ExportDocxInput, ExportDocxResult } from './docx';
export { exportDocx, exportWarnings } from './docx';
export type { ExportFromTextOptions, ExportFromTextResult } from './fromText';
export { exportFromText, markExportRoles } from './fromText';
export type { AtomicFileOps, WriteFileAtomicOptions } from './writeFileAtomic';
export { writeFileAtomic } from './writeFileAtomic';

/** What an export to a file reports. */
export interface ExportFileResult {
  /** The absolute path written. */
  path: string;
  /** Size of the .docx in bytes. */
  bytes: number;
  /** Pages, as estimated on the profile's grid (LibreOffice renders the same count). */
  pages: number;
  /** Chinese warnings: unfilled fields, empty sections, a missing date. */
  warnings: string[];
}

/** Refuses a target that is not a .docx file name. */
function checkTarget(target: string): string {
  if (path.extname(target).toLowerCase() !== '.docx') throw new AppError('INVALID_INPUT', `导出的文件名须以 .docx 结尾（现为“${path.basename(target)}”）。`);
  return path.resolve(target);
}

/** Exports a stored report to a .docx file, written atomically (an existing file is replaced whole or not at all). */
export async function exportDocxToFile(input: ExportDocxInput, target: string): Promise<ExportFileResult> {
  const file = checkTarget(target);
  const result: ExportDocxResult = await exportDocx(input);
  await writeFileAtomic(file, result.buffer);
  return { path: file, bytes: result.buffer.length, pages: result.pages, warnings: result.warnings };
}

/** Converts a plain-text or Markdown report to a .docx file without storing it. */
export async function exportTextToFile(
  text: string,
  target: string,
  profile?: FormatProfile,
  options: ExportFromTextOptions = {},
): Promise<ExportFileResult & Pick<ExportFromTextResult, 'title' | 'notes'>> {
  const file = checkTarget(target);
  const result = await exportFromText(text, profile, options);
  await writeFileAtomic(file, result.buffer);
  return { path: file, bytes: result.buffer.length, pages: result.pages, warnings: result.warnings, title: result.title, notes: result.notes };
}
