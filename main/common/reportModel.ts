// The report structure inside a stored document, readable without a DOM: headings at four levels
// (level 1 with a section kind), run-in headings, role blocks (主送机关, 结束语, 附件说明, 署名, 成文日期)
// and fill-in fields. The renderer's Lexical nodes serialize to exactly these shapes.
import type { DocumentContent, SerializedNode } from './documentModel';
import type { HeadingLevel } from './numbering';
import { numberHeadings } from './numbering';
import { countWords } from './text';

/** The section kinds of a report's four-part scaffold, plus other. */
export const sectionKinds = ['situation', 'achievements', 'shortcomings', 'plan', 'other'] as const;
/** A section kind. */
export type SectionKind = (typeof sectionKinds)[number];
/** Chinese names of the section kinds, as the outline shows them. */
export const sectionKindNames: Record<SectionKind, string> = {
  situation: '主要工作',
  achievements: '成效',
  shortcomings: '问题不足',
  plan: '下步打算',
  other: '其他',
};

/** Roles of the special blocks of a report. */
export const blockRoles = ['addressee', 'closing', 'attachment', 'signature', 'date'] as const;
/** A block role. */
export type BlockRole = (typeof blockRoles)[number];
/** Chinese names of the roles. */
export const blockRoleNames: Record<BlockRole, string> = {
  addressee: '主送机关',
  closing: '结束语',
  attachment: '附件说明',
  signature: '署名',
  date: '成文日期',
};

/** Serialized node type names of the report nodes. */
export const nodeTypes = {
  heading: 'wg-heading',
  runIn: 'wg-runin',
  block: 'wg-block',
  field: 'wg-field',
} as const;

/** Field values of a document: name → value ({{单位}} → 某某局). */
export type FieldValues = Record<string, string>;

/** Matches a fill-in field written in text: {{单位}}. */
export const fieldPattern = /\{\{([^{}\s]{1,20})\}\}/g;

/** One block of a report, in reading order. */
export type ReportBlock =
  | { type: 'heading'; level: HeadingLevel; kind: SectionKind | null; text: string; number: string; runInBody: string | null; hint: string | null }
  | { type: 'paragraph'; text: string }
  | { type: 'role'; role: BlockRole; text: string };

/** Reads a heading level from a node attribute, or null when absent or invalid. */
function levelOf(value: unknown): HeadingLevel | null {
  return value === 1 || value === 2 || value === 3 || value === 4 ? value : null;
}

/** Reads a section kind from a node attribute. */
function kindOf(value: unknown): SectionKind | null {
  return typeof value === 'string' && (sectionKinds as readonly string[]).includes(value) ? (value as SectionKind) : null;
}

/** The text of inline nodes, with fields replaced by their values (or {{name}} when unfilled). */
export function inlineText(nodes: readonly SerializedNode[], fields: FieldValues): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'linebreak') out += '\n';
    else if (node.type === 'tab') out += '\t';
    else if (node.type === nodeTypes.field) {
      const name = typeof node.name === 'string' ? node.name : '';
      out += fields[name] ? fields[name] : `{{${name}}}`;
    } else if (typeof node.text === 'string') out += node.text;
    else if (node.children) out += inlineText(node.children, fields);
  }
  return out;
}

/** The report blocks of a document, numbered. Unknown block types read as paragraphs. */
export function reportBlocks(content: DocumentContent, fields: FieldValues = {}): ReportBlock[] {
  const raw: (Omit<Extract<ReportBlock, { type: 'heading' }>, 'number'> | Exclude<ReportBlock, { type: 'heading' }>)[] = [];
  for (const node of content.root.children) {
    const children = node.children ?? [];
    if (node.type === nodeTypes.heading) {
      const level = levelOf(node.level) ?? 1;
      raw.push({ type: 'heading', level, kind: level === 1 ? kindOf(node.kind) : null, text: inlineText(children, fields), runInBody: null, hint: typeof node.hint === 'string' ? node.hint : null });
    } else if (node.type === 'heading' && typeof node.tag === 'string' && /^h[1-4]$/.test(node.tag)) {
      // Plain Lexical headings (documents written before the report nodes) count by their tag.
      const level = Number(node.tag.slice(1)) as HeadingLevel;
      raw.push({ type: 'heading', level, kind: null, text: inlineText(children, fields), runInBody: null, hint: null });
    } else if (node.type === nodeTypes.block && typeof node.role === 'string' && (blockRoles as readonly string[]).includes(node.role)) {
      raw.push({ type: 'role', role: node.role as BlockRole, text: inlineText(children, fields) });
    } else if (children[0]?.type === nodeTypes.runIn) {
      const head = children[0];
      const level = levelOf(head.level) ?? 2;
      raw.push({
        type: 'heading',
        level,
        kind: level === 1 ? kindOf(head.kind) : null,
        text: inlineText(head.children ?? [], fields),
        runInBody: inlineText(children.slice(1), fields),
        hint: null,
      });
    } else {
      raw.push({ type: 'paragraph', text: inlineText(children, fields) });
    }
  }
  const numbers = numberHeadings(raw.flatMap((b) => (b.type === 'heading' ? [b.level] : [])));
  let i = 0;
  return raw.map((b) => (b.type === 'heading' ? { ...b, number: numbers[i++] ?? '' } : b));
}

/** One entry of the outline: a numbered heading with its section's size. */
export interface OutlineHeading {
  level: HeadingLevel;
  number: string;
  /** Heading text without its marker. */
  text: string;
  kind: SectionKind | null;
  /** Characters (Word's count) of the section's body: everything up to the next heading of the same or a higher level. */
  chars: number;
  /** Index of the heading's block among the root's children. */
  block: number;
  runIn: boolean;
}

/** The document's outline, with section sizes. */
export function outlineOf(content: DocumentContent, fields: FieldValues = {}): OutlineHeading[] {
  const blocks = reportBlocks(content, fields);
  const out: OutlineHeading[] = [];
  blocks.forEach((b, index) => {
    if (b.type !== 'heading') return;
    let chars = b.runInBody ? countWords(b.runInBody) : 0;
    for (let j = index + 1; j < blocks.length; j += 1) {
      const next = blocks[j];
      if (!next) break;
      if (next.type === 'heading' && next.level <= b.level) break;
      if (next.type === 'role') break;
      chars += countWords(next.type === 'heading' ? next.text + (next.runInBody ?? '') : next.text);
    }
    out.push({ level: b.level, number: b.number, text: b.text, kind: b.kind, chars, block: index, runIn: b.runInBody !== null });
  });
  return out;
}

/** The document as it will read in Word: title, blank line, then every block with its numbering. */
export function readingText(title: string, content: DocumentContent, fields: FieldValues = {}): string {
  const lines = reportBlocks(content, fields).map((b) => {
    if (b.type === 'heading') return b.runInBody === null ? `${b.number}${b.text}` : `${b.number}${b.text}${b.runInBody}`;
    return b.text;
  });
  return [title, '', ...lines].join('\n');
}

/** Every field name used in the document, in order of first use. */
export function fieldNames(content: DocumentContent): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly SerializedNode[]): void => {
    for (const node of nodes) {
      if (node.type === nodeTypes.field && typeof node.name === 'string') names.add(node.name);
      if (node.children) walk(node.children);
    }
  };
  walk(content.root.children);
  return [...names];
}
