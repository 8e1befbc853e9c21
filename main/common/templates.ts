// Report templates: the schema of a template file (resources/templates/*.json) and how a template
// becomes a document — the serialized report nodes of reportModel.ts, with fill-in fields as
// wg-field nodes and the writer's guidance stored on each heading as its placeholder hint.
import { z } from 'zod';
import type { DocumentContent, SerializedNode } from './documentModel';
import { MAX_TITLE_CHARS } from './documentModel';
import { parseMarker } from './numbering';
import type { HeadingLevel } from './numbering';
import { fieldParagraphNode, fieldPattern, fillFields, headingNode, roleBlockNode, sectionKinds } from './reportModel';
import type { FieldValues, SectionKind } from './reportModel';

export { guessSectionKind } from './reportModel';

/** Deepest heading level a template may use. */
const MAX_LEVEL = 4;

/** A field name as written between the braces of {{单位}}: no braces, no white space, ≤ 20 characters. */
export const fieldNameSchema = z.string().regex(/^[^{}\s]{1,20}$/, '填空名称须为 1–20 个字符，不含空格和花括号');

/** One fill-in field a template declares: {{单位}} with a label and an example value. */
export const templateFieldSchema = z.strictObject({
  name: fieldNameSchema,
  /** What the fill-in form calls it (单位名称). */
  label: z.string().min(1).max(30),
  /** A realistic value shown as the input's placeholder (某某市某某局). */
  example: z.string().min(1).max(60),
});
/** One fill-in field of a template. */
export type TemplateField = z.infer<typeof templateFieldSchema>;

/** A text pattern: plain text in which {{name}} marks a field. */
const patternSchema = z.string().min(1).max(600);

/** A section below level 1 (（一）, 1., （1）). */
export interface TemplateSubsection {
  heading: string;
  hint?: string;
  target?: number;
  sections?: TemplateSubsection[];
}

const headingSchema = z.string().min(1).max(80);
/** Guidance for the writer, shown in the empty section: plain text, no fields. */
const hintSchema = z.string().min(1).max(400);
/** Suggested maximum characters (Word's count) of the section. */
const targetSchema = z.number().int().min(50).max(50_000);

/** Schema of a section below level 1 (recursive; depth is checked on the whole template). */
export const templateSubsectionSchema: z.ZodType<TemplateSubsection> = z.lazy(() =>
  z.strictObject({
    heading: headingSchema,
    hint: hintSchema.optional(),
    target: targetSchema.optional(),
    sections: z.array(templateSubsectionSchema).min(1).optional(),
  }),
);

/** Schema of a level-1 section (一、): carries the section kind of the four-part scaffold. */
export const templateSectionSchema = z.strictObject({
  heading: headingSchema,
  kind: z.enum(sectionKinds),
  hint: hintSchema.optional(),
  target: targetSchema.optional(),
  sections: z.array(templateSubsectionSchema).min(1).optional(),
});
/** A level-1 section of a template. */
export type TemplateSection = z.infer<typeof templateSectionSchema>;

/** The fields of a template file, before the cross-checks of templateSchema. */
export const templateObjectSchema = z.strictObject({
  /** Format of the file; raise it when the shape changes incompatibly. */
  version: z.literal(1),
  /** Stable id, equal to the file name without .json. */
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, '模板编号须为小写字母、数字和连字符'),
  /** Name shown in the template picker (半年工作总结). */
  name: z.string().min(1).max(30),
  /** One or two sentences: when to use it. */
  description: z.string().min(1).max(200),
  /** Group in the picker (工作总结, 情况报告 …). */
  category: z.string().min(1).max(20).optional(),
  /** Position in the list (smaller first). */
  order: z.number().int().min(0).max(1000).optional(),
  /** Title pattern: {{单位}}{{年度}}年上半年工作总结. */
  title: patternSchema.max(MAX_TITLE_CHARS),
  fields: z.array(templateFieldSchema).min(1).max(30),
  /** 主送机关 line, when the report goes to a named office: {{上级单位}}：. */
  addressee: patternSchema.optional(),
  /** The 导语 paragraph that leads to 一、: "…现将有关情况报告如下：". */
  opening: patternSchema,
  sections: z.array(templateSectionSchema).min(2).max(20),
  /** 结束语 (特此报告。) or a closing paragraph. */
  closing: patternSchema.optional(),
  /** 署名: {{单位}}, or 述职人 {{姓名}}. */
  signature: patternSchema,
  /** 成文日期: {{成文日期}}. */
  date: patternSchema,
});

/** Every {{name}} used in a pattern. */
function fieldsIn(pattern: string): string[] {
  return [...pattern.matchAll(fieldPattern)].map((m) => m[1] ?? '');
}

/** Walks the sections depth first with their level and path (for messages). */
function eachSection(
  sections: readonly (TemplateSection | TemplateSubsection)[],
  visit: (section: TemplateSection | TemplateSubsection, level: number, path: (string | number)[]) => void,
  level = 1,
  path: (string | number)[] = ['sections'],
): void {
  sections.forEach((section, i) => {
    visit(section, level, [...path, i]);
    if (section.sections) eachSection(section.sections, visit, level + 1, [...path, i, 'sections']);
  });
}

/**
 * Schema of a template file with its cross-checks: every field used is declared and every
 * declared field used; headings are stored without numbering markers; sections nest at most four
 * levels; every section without subsections has a hint (so the empty section shows guidance);
 * stray braces are caught.
 */
export const templateSchema = templateObjectSchema.superRefine((t, ctx) => {
  const declared = new Set<string>();
  t.fields.forEach((f, i) => {
    if (declared.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `填空“${f.name}”重复声明` });
    declared.add(f.name);
  });
  const used = new Set<string>();
  const checkPattern = (pattern: string, path: (string | number)[]): void => {
    for (const name of fieldsIn(pattern)) {
      used.add(name);
      if (!declared.has(name)) ctx.addIssue({ code: 'custom', path, message: `用到了未声明的填空“{{${name}}}”` });
    }
    if (/[{}]/.test(pattern.replace(fieldPattern, ''))) ctx.addIssue({ code: 'custom', path, message: '含有不成对的花括号（填空应写成 {{名称}}）' });
  };
  checkPattern(t.title, ['title']);
  for (const key of ['addressee', 'opening', 'closing', 'signature', 'date'] as const) {
    const value = t[key];
    if (value !== undefined) checkPattern(value, [key]);
  }
  eachSection(t.sections, (section, level, path) => {
    checkPattern(section.heading, [...path, 'heading']);
    if (level > MAX_LEVEL) ctx.addIssue({ code: 'custom', path, message: `标题层级不能超过 ${MAX_LEVEL} 级` });
    if (parseMarker(section.heading)) ctx.addIssue({ code: 'custom', path: [...path, 'heading'], message: '标题不要写序号（一、（一）1.（1）由程序自动编号）' });
    if (!section.sections && !section.hint) ctx.addIssue({ code: 'custom', path, message: '没有下级标题的部分须有写作提示（hint）' });
    if (section.hint && /[{}]/.test(section.hint)) ctx.addIssue({ code: 'custom', path: [...path, 'hint'], message: '写作提示中不能有填空' });
  });
  for (const name of declared) {
    if (!used.has(name)) ctx.addIssue({ code: 'custom', path: ['fields'], message: `填空“${name}”已声明但没有用到` });
  }
});
/** A template, as loaded from its file. */
export type Template = z.infer<typeof templateObjectSchema>;

/** One heading of a template's outline, for the picker's preview. */
export interface TemplateOutlineItem {
  level: HeadingLevel;
  /** Heading text with fields as {{name}}, without numbering. */
  text: string;
  /** The kind of a level-1 section; null below. */
  kind: SectionKind | null;
}

/** The template's headings in order, for a preview. */
export function templateOutline(template: Template): TemplateOutlineItem[] {
  const out: TemplateOutlineItem[] = [];
  eachSection(template.sections, (section, level) => {
    out.push({ level: level as HeadingLevel, text: section.heading, kind: 'kind' in section ? section.kind : null });
  });
  return out;
}

/** What a template gives a new document. */
export interface InstantiatedTemplate {
  /** The title pattern with given values substituted; unfilled fields stay {{name}}. */
  title: string;
  /** The scaffold as the editor's JSON (report nodes; fields as wg-field nodes). */
  content: DocumentContent;
  /** The document's field values: the non-empty values given, trimmed. */
  fields: FieldValues;
}

/** Trims the values and drops the empty ones (an empty value means unfilled). */
export function cleanFieldValues(values: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [name, value] of Object.entries(values)) {
    const clean = value.replace(/[\r\n\t]+/g, ' ').trim();
    if (clean) out[name] = clean;
  }
  return out;
}

/**
 * Builds a new document from a template: 主送机关 (when the template has one), the opening
 * paragraph, every section's heading (kind on level 1; hint and length target on the heading)
 * followed by one empty paragraph when it has no subsections, then 结束语, 署名 and 成文日期 as
 * role blocks. Fields stay wg-field nodes in the content; their values go to `fields`.
 */
export function instantiateTemplate(template: Template, fieldValues: FieldValues = {}): InstantiatedTemplate {
  const fields = cleanFieldValues(fieldValues);
  const children: SerializedNode[] = [];
  if (template.addressee) children.push(roleBlockNode('addressee', template.addressee));
  children.push(fieldParagraphNode(template.opening));
  eachSection(template.sections, (section, level) => {
    children.push(
      headingNode(level as HeadingLevel, section.heading, {
        kind: 'kind' in section ? section.kind : null,
        ...(section.hint ? { hint: section.hint } : {}),
        ...(section.target ? { target: section.target } : {}),
      }),
    );
    if (!section.sections) children.push(fieldParagraphNode(''));
  });
  if (template.closing) children.push(roleBlockNode('closing', template.closing));
  children.push(roleBlockNode('signature', template.signature));
  children.push(roleBlockNode('date', template.date));
  return {
    title: fillFields(template.title, fields),
    content: { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } },
    fields,
  };
}
