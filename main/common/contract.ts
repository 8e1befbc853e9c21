// The one typed contract: every capability of 文稿 is a method here, served over Electron IPC,
// loopback HTTP and direct calls by the same dispatcher (dispatcher.ts).
import { z } from 'zod';
import { MAX_TITLE_CHARS, documentContentSchema } from './documentModel';
import type { ErrorCode } from './errors';

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

/** A whole document: meta plus the editor's JSON. */
export const documentSchema = documentMetaSchema.extend({ content: documentContentSchema });
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
    doc: '新建文稿',
    input: z.object({ title: titleSchema.optional(), content: documentContentSchema.optional() }),
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
    command: z.enum(['newDocument', 'saveNow', 'find', 'rename', 'trash', 'showLibrary', 'showTrash', 'about', 'zoomIn', 'zoomOut', 'zoomReset']),
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
