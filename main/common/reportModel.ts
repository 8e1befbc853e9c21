// The report structure inside a stored document, readable without a DOM: headings at four levels
// (level 1 with a section kind), run-in headings, role blocks (主送机关, 结束语, 附件说明, 署名, 成文日期)
// and fill-in fields. The renderer's Lexical nodes serialize to exactly these shapes.
import type { DocumentContent, SerializedNode } from './documentModel';
import { documentPlainText, textNode } from './documentModel';
import type { HeadingLevel } from './numbering';
import { numberHeadings, parseMarker } from './numbering';
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
  | { type: 'heading'; level: HeadingLevel; kind: SectionKind | null; text: string; number: string; runInBody: string | null; hint: string | null; target?: number }
  | { type: 'paragraph'; text: string }
  | { type: 'role'; role: BlockRole; text: string };

/** Reads a heading level from a node attribute, or null when absent or invalid. */
function levelOf(value: unknown): HeadingLevel | null {
  return value === 1 || value === 2 || value === 3 || value === 4 ? value : null;
}

/** Reads a length target (a positive whole number of characters) from a node attribute. */
function targetOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
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
      const target = targetOf(node.target);
      raw.push({
        type: 'heading',
        level,
        kind: level === 1 ? kindOf(node.kind) : null,
        text: inlineText(children, fields),
        runInBody: null,
        hint: typeof node.hint === 'string' ? node.hint : null,
        ...(target === null ? {} : { target }),
      });
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
  /** Suggested maximum of chars for the section (from the template), when it has one. */
  target?: number;
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
    out.push({ level: b.level, number: b.number, text: b.text, kind: b.kind, chars, block: index, runIn: b.runInBody !== null, ...(b.target === undefined ? {} : { target: b.target }) });
  });
  return out;
}

/** The document as it will read in Word: title, blank line, then every block with its numbering. */
export function readingText(title: string, content: DocumentContent, fields: FieldValues = {}): string {
  const lines = reportBlocks(content, fields).map((b) => {
    if (b.type === 'heading') return b.runInBody === null ? `${b.number}${b.text}` : `${b.number}${b.text}${b.runInBody}`;
    return b.text;
  });
  return [fillFields(title, fields), '', ...lines].join('\n');
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

// ---------------------------------------------------------------------------------------------
// Serialized shapes of the report nodes, and builders for them (templates, import, tests). The
// renderer's Lexical nodes export exactly these shapes; element nodes carry Lexical's element
// attributes (direction, format, indent).

/** Lexical's element attributes, as a fresh element node exports them. */
const elementAttributes = { direction: null, format: '', indent: 0 } as const;

/** A fill-in field inside text: `{type:'wg-field', version:1, name}` (a leaf; its text is the document's value). */
export interface SerializedFieldNode extends SerializedNode {
  type: 'wg-field';
  version: 1;
  name: string;
}

/** A heading block: stored without its marker; the number comes from its position. */
export interface SerializedReportHeadingNode extends SerializedNode {
  type: 'wg-heading';
  version: 1;
  level: HeadingLevel;
  /** The section kind of a level-1 heading; null below level 1. */
  kind: SectionKind | null;
  /** Guidance shown as a placeholder while the section is empty (from the template). */
  hint?: string;
  /** Suggested maximum of chars (Word's count) for the section body. */
  target?: number;
  children: SerializedNode[];
  direction: null;
  format: '';
  indent: 0;
}

/** The heading sentence of a run-in heading: the first inline child of a paragraph. */
export interface SerializedRunInNode extends SerializedNode {
  type: 'wg-runin';
  version: 1;
  level: HeadingLevel;
  kind: SectionKind | null;
  children: SerializedNode[];
  direction: null;
  format: '';
  indent: 0;
}

/** A role block: 主送机关, 结束语, 附件说明, 署名, 成文日期. */
export interface SerializedRoleBlockNode extends SerializedNode {
  type: 'wg-block';
  version: 1;
  role: BlockRole;
  children: SerializedNode[];
  direction: null;
  format: '';
  indent: 0;
}

/** A fill-in field node for {{name}}. */
export function fieldNode(name: string): SerializedFieldNode {
  return { type: 'wg-field', version: 1, name };
}

/** Inline nodes for a text pattern: plain runs become text nodes, each {{name}} a field node. */
export function inlineNodes(pattern: string): SerializedNode[] {
  const out: SerializedNode[] = [];
  let at = 0;
  for (const m of pattern.matchAll(fieldPattern)) {
    const index = m.index ?? 0;
    if (index > at) out.push(textNode(pattern.slice(at, index)));
    out.push(fieldNode(m[1] ?? ''));
    at = index + m[0].length;
  }
  if (at < pattern.length) out.push(textNode(pattern.slice(at)));
  return out;
}

/** A heading block of a level; the text may hold {{fields}}. Kind is kept on level 1 only. */
export function headingNode(
  level: HeadingLevel,
  text: string,
  options: { kind?: SectionKind | null; hint?: string; target?: number } = {},
): SerializedReportHeadingNode {
  return {
    type: 'wg-heading',
    version: 1,
    level,
    kind: level === 1 ? (options.kind ?? null) : null,
    ...(options.hint ? { hint: options.hint } : {}),
    ...(options.target ? { target: options.target } : {}),
    children: inlineNodes(text),
    ...elementAttributes,
  };
}

/** A paragraph opening with a run-in heading sentence ("（一）高度重视。") followed by its body. */
export function runInParagraphNode(level: HeadingLevel, heading: string, body: string, kind: SectionKind | null = null): SerializedNode {
  const runIn: SerializedRunInNode = {
    type: 'wg-runin',
    version: 1,
    level,
    kind: level === 1 ? kind : null,
    children: inlineNodes(heading),
    ...elementAttributes,
  };
  return { type: 'paragraph', version: 1, children: [runIn, ...inlineNodes(body)], ...elementAttributes, textFormat: 0, textStyle: '' };
}

/** A plain paragraph whose text may hold {{fields}} (an empty text gives an empty paragraph). */
export function fieldParagraphNode(text: string): SerializedNode {
  return { type: 'paragraph', version: 1, children: inlineNodes(text), ...elementAttributes, textFormat: 0, textStyle: '' };
}

/** A role block (署名, 成文日期 …) whose text may hold {{fields}}. */
export function roleBlockNode(role: BlockRole, text: string): SerializedRoleBlockNode {
  return { type: 'wg-block', version: 1, role, children: inlineNodes(text), ...elementAttributes };
}

/** Replaces each {{name}} in plain text (a title) by its value; unfilled fields stay as {{name}}. */
export function fillFields(text: string, fields: FieldValues): string {
  return text.replace(fieldPattern, (whole, name: string) => (fields[name] ? fields[name] : whole));
}

/**
 * The content with fields resolved for reading as plain text: every wg-field becomes a text node
 * holding its value (or {{name}} when unfilled) and every run-in heading's sentence is merged into
 * its paragraph. Content without report nodes comes back as the same object.
 */
export function resolveFields(content: DocumentContent, fields: FieldValues): DocumentContent {
  const mapNodes = (nodes: SerializedNode[]): SerializedNode[] => {
    let changed = false;
    const out: SerializedNode[] = [];
    for (const node of nodes) {
      if (node.type === nodeTypes.field) {
        const name = typeof node.name === 'string' ? node.name : '';
        out.push(textNode(fields[name] ? fields[name] : `{{${name}}}`));
        changed = true;
      } else if (node.type === nodeTypes.runIn) {
        out.push(...mapNodes(node.children ?? []));
        changed = true;
      } else if (node.children) {
        const children = mapNodes(node.children);
        if (children !== node.children) {
          out.push({ ...node, children });
          changed = true;
        } else out.push(node);
      } else out.push(node);
    }
    return changed ? out : nodes;
  };
  const children = mapNodes(content.root.children);
  return children === content.root.children ? content : { ...content, root: { ...content.root, children } };
}

/**
 * The document's plain text with field values filled in, one line per block (run-in headings
 * read as one line with their body), without heading numbers: what search indexes and 字数
 * counts. For content without report nodes this is exactly documentPlainText.
 */
export function reportPlainText(content: DocumentContent, fields: FieldValues = {}): string {
  return documentPlainText(resolveFields(content, fields));
}

// Heading words of each section kind (report-structure.md). The kind is the one whose word occurs
// first, so merged headings read by their first part: 主要工作及成效 → situation, 成效与不足 →
// achievements, 存在的问题及下一步打算 → shortcomings.
const kindWords: [SectionKind, RegExp][] = [
  ['situation', /基本情况|主要工作|工作开展情况|开展情况|主要做法|工作情况|部署落实|工作回顾|履职情况|完成情况|落实情况|进展情况|推进情况|执行情况|情况$/gu],
  ['achievements', /主要成效|取得的成效|工作成效|成效|工作成绩|主要成绩|成绩|亮点|成果|经验做法|主要经验|特色/gu],
  ['shortcomings', /存在的问题|存在问题|(?<!解决)问题|不足|差距|短板|薄弱|原因分析|困难/gu],
  ['plan', /下一步|下步|下一阶段|下阶段|下半年|明年|来年|今后|打算|工作思路|计划|对策|建议|努力方向|工作安排|工作要点|目标任务|保障措施|展望/gu],
];

/**
 * Guesses a level-1 section's kind from its heading words (a leading marker such as 三、 is
 * ignored): 基本情况/主要工作/工作开展情况/主要做法 → situation, 主要成效/工作成绩/亮点 →
 * achievements, 存在的问题/不足/差距 → shortcomings, 下一步工作计划/下步打算/明年工作打算 → plan.
 * Null when the words say nothing (a heading like "理论武装走深走实").
 */
export function guessSectionKind(headingText: string): SectionKind | null {
  let text = headingText.replace(/^[\s\u3000]+/, '');
  const marker = parseMarker(text);
  if (marker) text = text.slice(marker.length);
  text = text.replace(/[\s\u3000。：:；;，,]+$/u, '');
  // A run-in heading's sentence is enough: the body after the first 。 says nothing about the kind.
  text = text.split('。')[0] ?? text;
  // Phrases that contain a kind word without naming a section (坚持问题导向 is a way of working).
  text = text.replace(/(问题|目标|结果|需求)导向|解决[^，,。]{0,6}问题/gu, '');
  let best: { kind: SectionKind; at: number; length: number } | null = null;
  for (const [kind, re] of kindWords) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      if (!best || at < best.at || (at === best.at && m[0].length > best.length)) best = { kind, at, length: m[0].length };
      break;
    }
  }
  // "工作计划执行情况" reports what was done, though 计划 comes first.
  if (best?.kind === 'plan' && /(执行|完成|落实|进展|推进)情况$/u.test(text)) return 'situation';
  return best?.kind ?? null;
}

/** One heading of the outline the contract answers (documents.outline). */
export interface ReportOutlineHeading {
  level: HeadingLevel;
  /** The computed marker: 一、 （一） 1. （1）. */
  number: string;
  /** Heading text without its marker, fields filled in. */
  text: string;
  /** Level 1: the stored kind, else the kind its words suggest, else null. Below level 1: null. */
  kind: SectionKind | null;
  /** Characters (Word's count) of the section body. */
  chars: number;
  /** Suggested maximum of chars, when the template gave one. */
  target?: number;
}

/** The outline of a report with its completeness hint. */
export interface ReportOutline {
  /** The title with fields filled in. */
  title: string;
  headings: ReportOutlineHeading[];
  /** Parts a summary or report usually has but this one lacks (shortcomings, plan); empty for plans. */
  missing: SectionKind[];
}

/** True when the title names a plan (工作计划, 工作要点, 方案, 安排) rather than a summary or report. */
function isPlanTitle(title: string): boolean {
  return /计划|要点|方案|安排|思路/u.test(title) && !/总结|报告|述职|汇报|情况/u.test(title);
}

/**
 * The outline with section sizes, kinds (guessed from the words where none is stored) and which
 * of the 问题不足 and 下步打算 parts are missing. A document without level-1 headings, or whose
 * title names a plan, misses nothing. A part counts as present when any heading (at any level)
 * has that kind or reads like it.
 */
export function reportOutline(title: string, content: DocumentContent, fields: FieldValues = {}): ReportOutline {
  const filledTitle = fillFields(title, fields);
  const present = new Set<SectionKind>();
  const headings = outlineOf(content, fields).map((h): ReportOutlineHeading => {
    const guessed = h.kind ?? guessSectionKind(h.text);
    if (guessed) present.add(guessed);
    const kind = h.level === 1 ? guessed : null;
    return { level: h.level, number: h.number, text: h.text, kind, chars: h.chars, ...(h.target === undefined ? {} : { target: h.target }) };
  });
  const hasLevel1 = headings.some((h) => h.level === 1);
  const missing = hasLevel1 && !isPlanTitle(filledTitle) ? (['shortcomings', 'plan'] as const).filter((k) => !present.has(k)) : [];
  return { title: filledTitle, headings, missing };
}
