// The one typed contract: every capability of 文稿 is a method here, served over Electron IPC,
// loopback HTTP and direct calls by the same dispatcher (dispatcher.ts).
import { z } from 'zod';
import { MAX_TITLE_CHARS, documentContentSchema } from './documentModel';
import type { ErrorCode } from './errors';
import { formatProfileSchema } from './formatProfile';
import { blockRoles, sectionKinds } from './reportModel';
import { snippetKinds } from './snippetModel';
import { fieldNameSchema, templateFieldSchema, templateObjectSchema } from './templates';

// Validation messages reach users (INVALID_INPUT): make zod speak Chinese everywhere.
z.config(z.locales.zhCN());

/** A document id: a ULID-like string made by core. */
export const docIdSchema = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/, '文稿编号格式不正确');

const titleSchema = z
  .string()
  .max(MAX_TITLE_CHARS, `标题最长 ${MAX_TITLE_CHARS} 字`)
  .transform((t) => t.replace(/[\r\n\t]+/g, ' ').trim());

/** What the library lists for one document. */
export const documentMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  trashedAt: z.number().int().nullable(),
  revision: z.number().int(),
  chars: z.number().int(),
});
/** What the library lists for one document. */
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** Most fill-in field values one document keeps. */
export const MAX_FIELDS = 100;
/** Longest value of a fill-in field, in characters. */
export const MAX_FIELD_VALUE_CHARS = 200;

/** A document's fill-in field values: name → value ({"单位": "某某市某某局"}); absent = unfilled. */
export const fieldValuesSchema = z
  .record(fieldNameSchema, z.string().max(MAX_FIELD_VALUE_CHARS, `填空内容最长 ${MAX_FIELD_VALUE_CHARS} 字`))
  .refine((values) => Object.keys(values).length <= MAX_FIELDS, `一篇文稿最多 ${MAX_FIELDS} 个填空`);

/** A whole document: meta plus the editor's JSON and its fill-in field values. */
export const documentSchema = documentMetaSchema.extend({ content: documentContentSchema, fields: fieldValuesSchema.default({}) });
/** A whole document: meta plus the editor's JSON. */
export type Document = z.infer<typeof documentSchema>;

/** One search result with an excerpt and the highlighted ranges in it. */
export const searchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: z.number().int(),
  score: z.number(),
  excerpt: z.string(),
  /** [start, end) offsets into excerpt, in UTF-16 code units, sorted, not overlapping. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
/** One search result. */
export type SearchHit = z.infer<typeof searchHitSchema>;

/** One automatic or manual revision of a document. */
export const revisionMetaSchema = z.object({
  id: z.number().int(),
  docId: z.string(),
  revision: z.number().int(),
  createdAt: z.number().int(),
  reason: z.enum(['autosave', 'before-replace', 'before-restore', 'before-trash', 'manual']),
  chars: z.number().int(),
});
/** One stored revision. */
export type RevisionMeta = z.infer<typeof revisionMetaSchema>;

/** A database backup file that recovery can restore from. */
export const backupSchema = z.object({ name: z.string(), createdAt: z.number().int(), bytes: z.number().int() });
/** A database backup file. */
export type Backup = z.infer<typeof backupSchema>;

/** A section kind of the four-part scaffold (situation, achievements, shortcomings, plan) or other. */
export const sectionKindSchema = z.enum(sectionKinds);
/** A heading level, 1 (一、) to 4 (（1）). */
export const headingLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** Roles of the special blocks (主送机关, 结束语, 附件说明, 署名, 成文日期). */
export const blockRoleSchema = z.enum(blockRoles);

/** One heading of a template's preview outline (text keeps {{fields}}; kind null below level 1). */
export const templateOutlineItemSchema = z.object({ level: headingLevelSchema, text: z.string(), kind: sectionKindSchema.nullable() });

/** What the template picker lists for one template. */
export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string().optional(),
  fields: z.array(templateFieldSchema),
  outline: z.array(templateOutlineItemSchema),
});
/** What the template picker lists for one template. */
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** A whole template (its file: title pattern, opening, sections with hints and targets …) plus its outline. */
export const templateDetailSchema = templateObjectSchema.extend({ outline: z.array(templateOutlineItemSchema) });
/** A whole template plus its outline. */
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/** One numbered heading of a document's outline. */
export const outlineHeadingSchema = z.object({
  level: headingLevelSchema,
  /** The computed marker: 一、 （一） 1. （1）. */
  number: z.string(),
  /** Heading text without its marker, fields filled in. */
  text: z.string(),
  /** Level 1: the stored kind, else the kind its words suggest, else null; null below level 1. */
  kind: sectionKindSchema.nullable(),
  /** Characters (Word's count) of the section body, subsections included. */
  chars: z.number().int(),
  /** Suggested maximum of chars (from the template), when there is one. */
  target: z.number().int().optional(),
});
/** One numbered heading of a document's outline. */
export type DocumentOutlineHeading = z.infer<typeof outlineHeadingSchema>;

/** A document's outline and completeness hint. */
export const documentOutlineSchema = z.object({
  /** The title with fields filled in. */
  title: z.string(),
  headings: z.array(outlineHeadingSchema),
  /** Parts a summary or report lacks (shortcomings, plan); empty for plans and documents without headings. */
  missing: z.array(sectionKindSchema),
});
/** A document's outline and completeness hint. */
export type DocumentOutline = z.infer<typeof documentOutlineSchema>;

/** Health of the document database, as found at start. */
export const storageStatusSchema = z.object({
  state: z.enum(['ok', 'corrupt']),
  message: z.string().nullable(),
  dataDir: z.string(),
  backups: z.array(backupSchema),
});
/** Health of the document database. */
export type StorageStatus = z.infer<typeof storageStatusSchema>;

const ok = z.object({ ok: z.literal(true) });
const idInput = z.object({ id: docIdSchema });

/** Declares one contract method. */
function method<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  scope?: 'core' | 'shell';
  doc: string;
}): { input: I; output: O; scope: 'core' | 'shell'; doc: string } {
  return { scope: 'core', ...def };
}

/** Largest imported file accepted over the contract, in bytes (base64 grows it by a third). */
export const MAX_IMPORT_FILE_BYTES = 12 * 1024 * 1024;

/** What the importer recognised, for the preview: nothing is stored until documents.create. */
export const importPreviewSchema = z.object({
  title: z.string().nullable(),
  content: documentContentSchema,
  outline: z.array(z.object({ level: headingLevelSchema, text: z.string(), kind: sectionKindSchema.nullable() })),
  /** Body paragraphs. */
  paragraphs: z.number().int(),
  /** Junk lines dropped (web chrome, image names, captions), as found. */
  removed: z.array(z.string()),
  /** Repeated paragraphs kept once, with how often each occurred. */
  duplicates: z.array(z.object({ text: z.string(), count: z.number().int() })),
  /** Normalisations made, in Chinese. */
  fixes: z.array(z.string()),
  /** Text encoding a .txt/.md was read with. */
  encoding: z.string().nullable(),
});
/** What the importer recognised. */
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** A snippet kind (opening, situation … transition). */
export const snippetKindSchema = z.enum(snippetKinds);

/** Longest pack file accepted over the contract (characters of JSON). */
export const MAX_PACK_JSON_CHARS = 30_000_000;

/** One snippet as the panel, the typeahead and the CLI see it. */
export const snippetHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  kind: snippetKindSchema,
  topic: z.string(),
  tags: z.array(z.string()),
  /** 'default': from resources/snippets (read-only); 'user': the user's own or imported. */
  source: z.enum(['default', 'user']),
  favorite: z.boolean(),
  useCount: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  /** Fill-in field names the body uses, in order of first use. */
  fields: z.array(z.string()),
  /** [start, end) ranges of the query in the title (UTF-16 offsets), for highlighting. */
  titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
  /** [start, end) ranges of the query in the body. */
  bodyHighlights: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
});
/** One snippet as the panel, the typeahead and the CLI see it. */
export type SnippetHit = z.infer<typeof snippetHitSchema>;

/** A user's snippet as written by snippets.save (id absent = new). */
export const snippetInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1, '标题不能为空').max(30, '标题不超过 30 个字'),
  body: z.string().min(2, '正文至少 2 个字').max(2000, '正文不超过 2000 个字'),
  kind: snippetKindSchema,
  topic: z.string().trim().max(20, '主题不超过 20 个字').default('综合'),
  tags: z.array(z.string().trim().min(1).max(12, '标签不超过 12 个字')).max(8, '标签最多 8 个').default([]),
});
/** A user's snippet as written by snippets.save. */
export type SnippetInput = z.input<typeof snippetInputSchema>;

/** A saved format profile (the built-in GB/T 9704 one has id "gbt9704" and builtin true). */
export const savedProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  profile: formatProfileSchema,
  updatedAt: z.number().int().nullable(),
});
/** A saved format profile. */
export type SavedProfile = z.infer<typeof savedProfileSchema>;

/** Every method of the contract: name → input schema, output schema, scope. */
export const contract = {
  'app.info': method({
    doc: '版本与数据位置',
    input: z.object({}),
    output: z.object({ version: z.string(), dataDir: z.string(), transport: z.enum(['ipc', 'http', 'direct']) }),
  }),
  'storage.status': method({ doc: '数据库状态与备份列表', input: z.object({}), output: storageStatusSchema }),
  'storage.recover': method({
    doc: '数据库损坏时：从备份恢复或新建空库（损坏的文件保留改名）',
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('restore'), backup: z.string().min(1).max(200) }),
      z.object({ action: z.literal('fresh') }),
    ]),
    output: storageStatusSchema,
  }),
  'storage.backup': method({ doc: '立即备份数据库', input: z.object({}), output: backupSchema }),
  'documents.create': method({
    doc: '新建文稿（可从模板新建：标题按模板生成，除非给了 title）',
    input: z.object({
      title: titleSchema.optional(),
      content: documentContentSchema.optional(),
      /** Build the content from this template (not together with content). */
      templateId: z.string().min(1).max(64).optional(),
      /** Initial fill-in field values; empty values are left unfilled. */
      fields: fieldValuesSchema.optional(),
    }),
    output: documentSchema,
  }),
  'documents.list': method({
    doc: '列出文稿，最近编辑的在前',
    input: z.object({ trashed: z.boolean().default(false) }),
    output: z.array(documentMetaSchema),
  }),
  'documents.get': method({ doc: '读取一篇文稿', input: idInput, output: documentSchema }),
  'documents.rename': method({
    doc: '重命名文稿',
    input: z.object({ id: docIdSchema, title: titleSchema }),
    output: documentMetaSchema,
  }),
  'documents.save': method({
    doc: '保存（自动保存）文稿内容',
    input: z.object({
      id: docIdSchema,
      /** The revision the edit was based on; a different stored revision answers CONFLICT. */
      baseRevision: z.number().int().nonnegative(),
      content: documentContentSchema,
      /** Set when the user really emptied the document; otherwise empty never overwrites text. */
      allowEmpty: z.boolean().default(false),
      /** Overwrite even if the stored revision differs (after the user chose to keep this copy). */
      force: z.boolean().default(false),
    }),
    output: documentMetaSchema,
  }),
  'documents.replaceText': method({
    doc: '用纯文本（每行一段）替换正文',
    input: z.object({ id: docIdSchema, text: z.string().max(3_000_000, '文本过长') }),
    output: documentMetaSchema,
  }),
  'documents.setFields': method({
    doc: '填写文稿的填空（合并；空字符串表示清除）。不改变内容版本号，标题中未填的 {{填空}} 一并填入',
    input: z.object({ id: docIdSchema, fields: fieldValuesSchema }),
    output: documentMetaSchema.extend({ fields: fieldValuesSchema }),
  }),
  'documents.outline': method({ doc: '文稿提纲：自动编号、各部分字数与完整性提示', input: idInput, output: documentOutlineSchema }),
  'documents.readingText': method({
    doc: '文稿在 Word 中的阅读文本：标题、空行、各段（含自动编号，填空已填入）',
    input: idInput,
    output: z.object({ title: z.string(), text: z.string() }),
  }),
  'import.recognise': method({
    doc: '识别导入的文本或文件（.docx/.txt/.md）的结构，供预览；不保存',
    input: z.union([
      z.object({ text: z.string().max(3_000_000, '文本过长，请拆分后再导入'), format: z.enum(['txt', 'md', 'paste']).default('paste') }),
      z.object({
        fileName: z.string().min(1).max(260),
        dataBase64: z.string().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4, `文件过大（最大 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB）`),
      }),
    ]),
    output: importPreviewSchema,
  }),
  'export.docx': method({
    doc: '按 GB/T 9704 版式导出为 Word（.docx），返回文件内容、页数和导出前的提醒',
    input: z.object({
      id: docIdSchema,
      /** A profile given inline (wins over profileId). */
      profile: formatProfileSchema.optional(),
      /** A saved profile's id; absent = GB/T 9704. */
      profileId: z.string().min(1).max(64).optional(),
    }),
    output: z.object({
      /** Suggested file name: the title with characters Windows forbids replaced. */
      fileName: z.string(),
      dataBase64: z.string(),
      pages: z.number().int(),
      warnings: z.array(z.string()),
    }),
  }),
  'profiles.list': method({
    doc: '列出版式方案（内置 GB/T 9704 在前，随后是用户保存的）',
    input: z.object({}),
    output: z.array(savedProfileSchema),
  }),
  'profiles.save': method({
    doc: '保存版式方案（无 id 为新建；名称不可重复；不可能的数值给出中文错误）',
    input: z.object({ id: z.string().min(1).max(64).optional(), name: z.string().trim().min(1, '名称不能为空').max(30, '名称不超过 30 个字'), profile: formatProfileSchema }),
    output: savedProfileSchema,
  }),
  'profiles.delete': method({
    doc: '删除用户保存的版式方案（内置方案不可删除）',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: ok,
  }),
  'snippets.search': method({
    doc: '搜索常用语：中文、全拼、首字母；按匹配程度、与当前部分是否相符、收藏、使用次数排序',
    input: z.object({
      query: z.string().max(100, '搜索词最长 100 字').default(''),
      /** Only this kind. */
      kind: snippetKindSchema.optional(),
      /** Only this topic. */
      topic: z.string().max(20).optional(),
      /** Only snippets with this tag. */
      tag: z.string().max(12).optional(),
      /** The section kind at the cursor: snippets of the matching kind rank first. */
      context: sectionKindSchema.nullable().optional(),
      /** 'favorites': only favourites; 'recent': used ones, most recent first; 'user': only the user's own. */
      filter: z.enum(['all', 'favorites', 'recent', 'user']).default('all'),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ hits: z.array(snippetHitSchema), total: z.number().int() }),
  }),
  'snippets.facets': method({
    doc: '常用语的分类、主题与标签及其条数，供面板浏览',
    input: z.object({}),
    output: z.object({
      kinds: z.array(z.object({ kind: snippetKindSchema, count: z.number().int() })),
      topics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
      tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
      total: z.number().int(),
    }),
  }),
  'snippets.get': method({ doc: '读取一条常用语', input: z.object({ id: z.string().min(1).max(64) }), output: snippetHitSchema }),
  'snippets.save': method({
    doc: '新建或修改自己的常用语（默认常用语只读）',
    input: snippetInputSchema,
    output: snippetHitSchema,
  }),
  'snippets.delete': method({ doc: '删除自己的常用语', input: z.object({ id: z.string().min(1).max(64) }), output: ok }),
  'snippets.setFavorite': method({
    doc: '收藏或取消收藏',
    input: z.object({ id: z.string().min(1).max(64), favorite: z.boolean() }),
    output: snippetHitSchema,
  }),
  'snippets.recordUse': method({
    doc: '记一次插入（用于“最近使用”和排序）',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: ok,
  }),
  'snippets.exportPack': method({
    doc: '导出常用语包（JSON）：某一类、某一主题或全部（含默认常用语）',
    input: z.object({ kind: snippetKindSchema.optional(), topic: z.string().max(20).optional(), name: z.string().max(60).optional() }),
    output: z.object({ fileName: z.string(), json: z.string(), count: z.number().int() }),
  }),
  'snippets.importPack': method({
    doc: '导入常用语包：任一条不合格则整包拒收并列出每处问题；与已有重复的跳过并计数',
    input: z.object({ json: z.string().max(MAX_PACK_JSON_CHARS, '常用语包过大') }),
    output: z.object({ name: z.string(), added: z.number().int(), duplicates: z.number().int() }),
  }),
  'templates.list': method({ doc: '列出文稿模板', input: z.object({}), output: z.array(templateSummarySchema) }),
  'templates.get': method({
    doc: '读取一个模板的全部内容',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: templateDetailSchema,
  }),
  'documents.trash': method({ doc: '移到回收站', input: idInput, output: documentMetaSchema }),
  'documents.restore': method({ doc: '从回收站还原', input: idInput, output: documentMetaSchema }),
  'documents.deleteForever': method({ doc: '永久删除（仅回收站中的文稿）', input: idInput, output: ok }),
  'documents.search': method({
    doc: '全文搜索（支持单字、双字，空格分隔表示同时包含）',
    input: z.object({
      query: z.string().max(200, '搜索词最长 200 字'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(searchHitSchema),
  }),
  'documents.listRevisions': method({ doc: '历史版本列表', input: idInput, output: z.array(revisionMetaSchema) }),
  'documents.getRevision': method({
    doc: '读取历史版本',
    input: z.object({ revisionId: z.number().int() }),
    output: revisionMetaSchema.extend({ content: documentContentSchema }),
  }),
  'documents.restoreRevision': method({
    doc: '恢复到历史版本（当前内容先存为一个版本）',
    input: z.object({ revisionId: z.number().int() }),
    output: documentMetaSchema,
  }),
  'shell.readyToQuit': method({
    doc: '渲染进程已保存完毕，可以关闭窗口（回应 app.willQuit）',
    scope: 'shell',
    input: z.object({}),
    output: ok,
  }),
  'shell.saveFile': method({
    doc: '用系统“另存为”对话框保存文件（如导出的 Word），原子写入；浏览器模式改为下载',
    scope: 'shell',
    input: z.object({
      fileName: z.string().min(1).max(200),
      dataBase64: z.string().max(40_000_000, '文件过大'),
      /** File type shown in the dialog, e.g. { name: 'Word 文档', extensions: ['docx'] }. */
      filter: z.object({ name: z.string().max(40), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).min(1).max(4) }),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  }),
  'shell.printToPdf': method({
    doc: '把当前窗口按打印样式（与 Word 导出同一版式）生成 PDF，返回文件内容；浏览器模式不支持（改用浏览器打印）',
    scope: 'shell',
    input: z.object({}),
    output: z.object({ dataBase64: z.string() }),
  }),
  'shell.openDataFolder': method({
    doc: '在文件管理器中打开数据文件夹',
    scope: 'shell',
    input: z.object({}),
    output: ok,
  }),
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** Every method name. */
export type MethodName = keyof Contract;
/** What a caller passes to a method (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type HandlerInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a method returns. */
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The answer of every call on every transport. */
export type CallResult<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string } };

/** Events pushed from the app to the renderer. */
export const events = {
  /** The window is about to close: flush pending saves, then call shell.readyToQuit. */
  'app.willQuit': z.object({}),
  'documents.didChange': z.object({ ids: z.array(z.string()) }),
  'app.didRequestCommand': z.object({
    command: z.enum([
      'newDocument',
      'newFromTemplate',
      'importDocument',
      'exportDocx',
      'exportPdf',
      'formatProfiles',
      'toggleSnippets',
      'saveAsSnippet',
      'saveNow',
      'find',
      'pasteStructured',
      'rename',
      'trash',
      'showLibrary',
      'showTrash',
      'toggleOutline',
      'togglePageMarkers',
      'promoteHeading',
      'demoteHeading',
      'about',
      'zoomIn',
      'zoomOut',
      'zoomReset',
    ]),
  }),
} as const;
/** Every event name. */
export type EventName = keyof typeof events;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** True when name is a method of the contract. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
