// Snippets (常用语): the schema of one snippet and of a pack file — the format of the default
// library in resources/snippets/*.json, of packs users exchange, and of `snippets export`. A body
// is plain text in which {{name}} marks a fill-in field (the same syntax as templates), asked for
// on insertion and pre-filled from the document's field values.
import { z } from 'zod';
import { fieldPattern } from './reportModel';

/** Where in a report a snippet belongs: the four parts, plus opening, closing and transitions. */
export const snippetKinds = ['opening', 'situation', 'achievements', 'shortcomings', 'plan', 'closing', 'transition'] as const;
/** One snippet kind. */
export type SnippetKind = (typeof snippetKinds)[number];

/** Chinese names of the kinds, for the panel and messages. */
export const snippetKindNames: Record<SnippetKind, string> = {
  opening: '开头',
  situation: '工作情况',
  achievements: '成效亮点',
  shortcomings: '问题不足',
  plan: '下步打算',
  closing: '结尾',
  transition: '过渡衔接',
};

/** The topics the default library uses (packs may bring others). */
export const defaultTopics = [
  '综合',
  '理论学习',
  '意识形态',
  '党建',
  '宣传思想',
  '作风建设',
  '队伍建设',
  '党风廉政',
  '安全生产',
  '乡村振兴',
  '为民服务',
  '改革创新',
  '业务工作',
] as const;

/** Longest snippet body (characters). */
export const MAX_SNIPPET_BODY = 2000;
/** Most snippets one pack may hold. */
export const MAX_PACK_SNIPPETS = 50_000;

/** A snippet id: lower-case letters, digits and hyphens (defaults: "ach-study-001"; users': "u-…"). */
export const snippetIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, '编号须为 3–64 位小写字母、数字或连字符');

/** One snippet as stored in a pack. */
export const snippetSchema = z.strictObject({
  id: snippetIdSchema,
  /** A short label shown in lists (≤ 30 characters). */
  title: z.string().trim().min(1, '标题不能为空').max(30, '标题不超过 30 个字'),
  /** The text inserted; {{name}} marks a fill-in field. */
  body: z
    .string()
    .min(2, '正文至少 2 个字')
    .max(MAX_SNIPPET_BODY, `正文不超过 ${MAX_SNIPPET_BODY} 个字`)
    .refine((body) => !/\{\{(?![^{}\s]{1,20}\}\})/.test(body), '填空须写成 {{名称}}（1–20 个字符，不含空格）'),
  kind: z.enum(snippetKinds, { error: `类型须为：${snippetKinds.join('、')}` }),
  /** One topic (理论学习, 意识形态 …). */
  topic: z.string().trim().min(1, '主题不能为空').max(20, '主题不超过 20 个字'),
  tags: z.array(z.string().trim().min(1).max(12, '标签不超过 12 个字')).max(8, '标签最多 8 个').default([]),
});
/** One snippet of a pack. */
export type Snippet = z.infer<typeof snippetSchema>;

/** A pack file: the default library's files, shared packs and exports all have this shape. */
export const snippetPackSchema = z.strictObject({
  format: z.literal('wengao-snippets', { error: '不是文稿常用语包（format 应为 "wengao-snippets"）' }),
  version: z.literal(1, { error: '常用语包版本不受支持（应为 1）' }),
  name: z.string().trim().min(1).max(60),
  snippets: z.array(snippetSchema).max(MAX_PACK_SNIPPETS, `一个常用语包最多 ${MAX_PACK_SNIPPETS} 条`),
});
/** A pack file's content. */
export type SnippetPack = z.infer<typeof snippetPackSchema>;

/** The field names a body uses, in order of first use. */
export function snippetFields(body: string): string[] {
  return [...new Set([...body.matchAll(fieldPattern)].map((m) => m[1] as string))];
}

/** One fill-in field of a snippet about to be inserted: its value from the document, or null when unfilled. */
export interface SnippetInsertField {
  name: string;
  value: string | null;
}

/** What the editor needs to insert a snippet: its fields with known values, and the text as far as it can be filled. */
export interface SnippetInsert {
  /** Every field the body uses, in order of first use, with the document's value or null. */
  fields: SnippetInsertField[];
  /** Names of the fields the document has no value for (the editor asks for them or leaves chips). */
  missing: string[];
  /** The body with the known values filled in and the others left as {{name}}. */
  text: string;
}

/**
 * Prepares a snippet body for insertion into a document: pairs each {{name}} with the document's
 * value for it (blank values count as unfilled).
 */
export function prepareSnippetInsert(body: string, documentFieldValues: Readonly<Record<string, string>>): SnippetInsert {
  const fields = snippetFields(body).map((name) => {
    const value = Object.prototype.hasOwnProperty.call(documentFieldValues, name) ? documentFieldValues[name] : undefined;
    return { name, value: value !== undefined && value.trim() !== '' ? value : null };
  });
  const known: Record<string, string> = {};
  for (const f of fields) if (f.value !== null) known[f.name] = f.value;
  return { fields, missing: fields.filter((f) => f.value === null).map((f) => f.name), text: fillSnippet(body, known) };
}

/**
 * Substitutes {{name}} with the given values; names without a value (or with a blank one) stay
 * as {{name}}, so the editor shows them as unfilled field chips. Values are inserted literally.
 */
export function fillSnippet(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(fieldPattern, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value !== undefined && value.trim() !== '' ? value : whole;
  });
}

/** A body with white space removed, for telling duplicates apart from real variants. */
export function normalizeSnippetBody(body: string): string {
  return body.replace(/[\s\u3000]+/gu, '');
}
