// Shapes of the import engine: what a source yields (paragraphs with hints) and what recognition
// answers (the report content, its outline, and everything it dropped or changed).
import type { DocumentContent } from '../../common/documentModel';
import type { HeadingLevel } from '../../common/numbering';
import type { SectionKind } from '../../common/reportModel';

/** Where recognised text came from: it decides how heading hints are trusted. */
export type ImportSource = 'txt' | 'md' | 'paste' | 'docx';

/** One paragraph as a source delivers it, before recognition. */
export interface SourceParagraph {
  /** The paragraph's text as found (web junk, markers and odd spaces included). */
  text: string;
  /** Heading level given by a Word heading style (authoritative) or by Markdown #'s (a hint markers override). */
  styleLevel?: HeadingLevel;
  /** Bold: the whole paragraph, only its opening run (a run-in heading), or none. */
  bold?: 'all' | 'lead' | 'none';
  /** Styled as the document's title (Word's Title style, a lone Markdown # at the top). */
  isTitle?: boolean;
  /** A table row, cells joined by tabs: body text, never a heading, title, signature or date. */
  tableRow?: boolean;
  /** Paragraph alignment in Word (.docx only): a centred first line is the title; centred or right-aligned lines at the end are 署名/日期. */
  align?: 'center' | 'right';
}

/** One heading of the recognised outline. */
export interface ImportOutlineHeading {
  level: HeadingLevel;
  /** Heading text without its marker (and without a closing 。 or ：). */
  text: string;
  /** Section kind of a level-1 heading (other when its words say nothing); null below level 1. */
  kind: SectionKind | null;
}

/** A paragraph that occurred more than once: kept once, listed here. */
export interface ImportDuplicate {
  text: string;
  /** How many times it occurred in the source (2 or more); count − 1 copies were dropped. */
  count: number;
}

/** What an import recognised. */
export interface ImportResult {
  /** The document title, or null when the text does not open with one. */
  title: string | null;
  /** The report as stored: wg-heading / run-in paragraphs / wg-block roles, headings without markers. */
  content: DocumentContent;
  outline: ImportOutlineHeading[];
  /** Body paragraphs: every paragraph node of the content (run-in paragraphs included; headings, title and role blocks not). */
  paragraphs: number;
  /** Lines dropped as web chrome or junk, as found, in reading order. */
  removed: string[];
  duplicates: ImportDuplicate[];
  /** Normalisations and conversions, in Chinese ("第12段：“(一)” 规范为 “（一）”"). */
  fixes: string[];
  /** The text encoding a .txt/.md file was read with (utf-8, utf-16le, utf-16be, gb18030, big5). */
  encoding?: string;
  /** The 署名 line recognised at the end, or null. */
  signature?: string | null;
  /** The 成文日期 line recognised at the end, or null. */
  date?: string | null;
}

/** Options of recogniseText. */
export interface RecogniseOptions {
  source?: 'txt' | 'md' | 'paste';
}

/** The shape `import <file> --dry-run --json` prints. */
export interface DryRunJson {
  title: string | null;
  headings: { level: HeadingLevel; text: string; kind: SectionKind | null }[];
  paragraphs: number;
  removed: string[];
  /** Paragraphs dropped as repeats (each repeat counted once). */
  duplicates: number;
  fixes: string[];
}
