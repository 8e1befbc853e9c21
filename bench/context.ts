// What every measurement receives: the generated archive and a core open on it.
import type { Core } from '../main/core/createCore';

/** One measured figure; null when it could not be measured here (e.g. no ripgrep). */
export type Figure = number | null;

/** The archive built once for all measurements. */
export interface BenchContext {
  /** Data folder holding the archive's database. */
  dataDir: string;
  /** Folder with the same archive as one .txt file per document (for ripgrep). */
  textDir: string;
  /** Core open on dataDir (measurements that reopen it must leave one open). */
  core: Core;
  /** Reopens the core (after a measurement closed it). */
  reopen(): Core;
  /** Number of documents in the archive. */
  docs: number;
  /** Characters of plain text in the archive. */
  chars: number;
  /** UTF-8 bytes of plain text in the archive. */
  textBytes: number;
  /** Makes documents from the sample reports' sentences. */
  generate(chars: number): { title: string; paragraphs: string[] };
  /** Progress for humans, on stderr. */
  log(message: string): void;
}

/** A named group of measurements; each returns some keys of the final JSON object. */
export interface Measurement {
  name: string;
  run(context: BenchContext): Promise<Record<string, Figure>>;
}
