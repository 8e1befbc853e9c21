// The headless command line over the same core: `npm run -s cli -- <command> [args] [--data-dir DIR] [--json]`.
// runCli is pure over its streams and returns an exit code, so tests call it directly.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '../common/client';
import { createClient } from '../common/client';
import { isAppError } from '../common/errors';
import { reportPlainText, sectionKindNames } from '../common/reportModel';
import { MAX_PACK_JSON_CHARS } from '../common/contract';
import type { DocumentMeta, DocumentOutline, SearchHit, SnippetHit, TemplateSummary } from '../common/contract';
import { snippetKindNames, snippetKinds } from '../common/snippetModel';
import type { SnippetKind } from '../common/snippetModel';
import { createCore } from '../core/createCore';
import { defaultDataDir } from '../core/paths';
import { importFile, toDryRunJson } from '../core/import';
import { exportDocxToFile, exportTextToFile, writeFileAtomic } from '../core/export';
import { formatProfileSchema, validateProfile } from '../common/formatProfile';
import type { FormatProfile } from '../common/formatProfile';
import { describeIssues } from '../common/dispatcher';
import type { DryRunJson } from '../core/import';
import { numberHeadings } from '../common/numbering';

/** Where the CLI writes; injected so tests capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A usage error: printed with the usage text, exit code 2. */
class UsageError extends Error {}

/** The usage text, in Chinese. */
export const usage = `文稿命令行

用法：npm run -s cli -- <命令> [参数] [--data-dir 数据文件夹] [--json]

命令：
  list                         列出文稿（最近编辑的在前）
  new --title 标题             新建文稿
  new --template 模板编号 [--field 名称=内容 …] [--title 标题]
                               从模板新建文稿；--field 可重复，如 --field 单位=某某市某某局
  templates                    列出文稿模板（编号、名称、填空）
  show <编号> --text           按 Word 中的样子显示文稿（标题、空行、各段，含自动编号）
  outline <编号>               显示文稿提纲：编号、标题、各部分字数
  search <搜索词>              全文搜索（空格分隔的词须同时出现）
  put <编号> --text-file 文件  用 UTF-8 文本文件的各段替换正文（原内容存为历史版本）
  import <文件> [--dry-run]    导入旧文稿（.docx、.txt（UTF-8 或 GBK）、.md），识别标题层级和各部分；
                               --dry-run 只显示识别结果，不保存
  export <编号> --out 文件.docx [--profile 格式.json]
                               按 GB/T 9704 版式导出为 Word；--profile 用自定义格式设置（JSON）
  export --from 文件.txt|.md --out 文件.docx
                               不保存，直接把纯文本稿按标题层级排成公文格式的 Word
  snippets search <搜索词> [--kind 类型]
                               搜索常用语：中文、全拼（shoutufuze）、首字母（stfz）均可
  snippets add --title 标题 --body 正文 --kind 类型 [--tags 标签1,标签2] [--topic 主题]
                               新建自己的常用语；正文中 {{名称}} 表示填空
  snippets import 文件.json    导入常用语包（任一条有误则整包不导入，并列出每处问题）
  snippets export --out 文件.json [--kind 类型] [--topic 主题]
                               导出常用语包；不加 --kind/--topic 时导出全部（含默认常用语）
                               类型：${snippetKinds.map((k) => `${k}（${snippetKindNames[k]}）`).join('、')}

通用选项：
  --data-dir DIR   数据文件夹（默认与桌面版相同：${defaultDataDir()}）
  --json           输出一个 JSON 值，便于脚本处理
  -h, --help       显示本帮助`;

interface Parsed {
  command: string;
  positionals: string[];
  values: {
    json?: boolean;
    'data-dir'?: string;
    title?: string;
    text?: boolean;
    'text-file'?: string;
    template?: string;
    field?: string[];
    'dry-run'?: boolean;
    out?: string;
    from?: string;
    profile?: string;
    kind?: string;
    body?: string;
    tags?: string;
    topic?: string;
    help?: boolean;
  };
}

/** Parses argv into a command, its positionals and options; throws UsageError in Chinese. */
function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        title: { type: 'string' },
        text: { type: 'boolean' },
        'text-file': { type: 'string' },
        template: { type: 'string' },
        field: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        out: { type: 'string' },
        from: { type: 'string' },
        profile: { type: 'string' },
        kind: { type: 'string' },
        body: { type: 'string' },
        tags: { type: 'string' },
        topic: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[^']+)'/.exec(message)?.[1];
    throw new UsageError(option ? `无法识别或缺少值的选项：${option}` : `参数有误：${message}`);
  }
  const [command = '', ...positionals] = parsed.positionals;
  return { command, positionals, values: parsed.values };
}

function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function listLines(docs: DocumentMeta[]): string {
  if (docs.length === 0) return '（还没有文稿。用 new --title 标题 新建一篇。）';
  return docs.map((d) => `${d.id}  ${formatTime(d.updatedAt)}  ${String(d.chars).padStart(6)} 字  ${d.title}`).join('\n');
}

function searchLines(hits: SearchHit[]): string {
  if (hits.length === 0) return '（没有找到匹配的文稿。）';
  return hits
    .map((h) => {
      let marked = '';
      let at = 0;
      for (const [s, e] of h.highlights) {
        marked += `${h.excerpt.slice(at, s)}【${h.excerpt.slice(s, e)}】`;
        at = e;
      }
      return `${h.id}  ${h.title}\n    ${marked + h.excerpt.slice(at)}`;
    })
    .join('\n');
}

/** Reads repeated --field 名称=内容 options; a malformed one is a usage error. */
function parseFields(options: string[] | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const option of options ?? []) {
    const at = option.indexOf('=');
    const name = at < 0 ? '' : option.slice(0, at).trim();
    if (at < 0 || !/^[^{}\s=]{1,20}$/u.test(name)) {
      throw new UsageError(`填空“${option}”格式不对：应写成 --field 名称=内容，如 --field 单位=某某市某某局（名称 1–20 个字，不含空格和花括号）。`);
    }
    fields[name] = option.slice(at + 1);
  }
  return fields;
}

function templateLines(templates: TemplateSummary[]): string {
  if (templates.length === 0) return '（没有可用的模板。）';
  return templates
    .map((t) => `${t.id}  ${t.name}${t.category ? `（${t.category}）` : ''}\n    ${t.description}\n    填空：${t.fields.map((f) => `${f.name}（如 ${f.example}）`).join('、')}`)
    .join('\n');
}

function outlineLines(outline: DocumentOutline): string {
  const lines = outline.headings.map((h) => {
    const kind = h.kind ? `［${sectionKindNames[h.kind]}］` : '';
    const size = h.target ? `${h.chars} 字（建议不超过 ${h.target} 字）` : `${h.chars} 字`;
    return `${'  '.repeat(h.level - 1)}${h.number}${h.text}${kind}  ${size}`;
  });
  if (lines.length === 0) lines.push('（还没有标题。）');
  if (outline.missing.length) lines.push('', `提示：还缺少${outline.missing.map((k) => `“${sectionKindNames[k]}”`).join('和')}部分。`);
  return [outline.title, '', ...lines].join('\n');
}

function need(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`缺少${what}。`);
  return value;
}

type Handler = (client: Client, p: Parsed, io: CliIo) => Promise<void>;

/** A --kind value: the English id or the Chinese name (问题不足); anything else is a usage error. */
function parseKind(value: string | undefined): SnippetKind | undefined {
  if (value === undefined) return undefined;
  const kind = snippetKinds.find((k) => k === value.trim() || snippetKindNames[k] === value.trim());
  if (!kind) throw new UsageError(`类型“${value}”不对。可用的类型：${snippetKinds.map((k) => `${k}（${snippetKindNames[k]}）`).join('、')}。`);
  return kind;
}

/** The readable list of snippets: title, kind, id, then the body indented. */
function snippetLines(hits: SnippetHit[], total: number): string {
  if (hits.length === 0) return '（没有找到匹配的常用语。）';
  const lines = hits.map((h) => `${h.title}  ［${snippetKindNames[h.kind]}·${h.topic}］  ${h.id}${h.source === 'user' ? '  （我的）' : ''}\n    ${h.body}`);
  if (total > hits.length) lines.push(`（共 ${total} 条，显示前 ${hits.length} 条。）`);
  return lines.join('\n');
}

/** The snippets subcommands. */
const snippetCommands: Record<string, Handler> = {
  async search(client, p, io) {
    const query = p.positionals.slice(1).join(' ').trim();
    if (!query) throw new UsageError('缺少搜索词，例如：snippets search shoutufuze');
    const kind = parseKind(p.values.kind);
    const result = await client.call('snippets.search', { query, ...(kind ? { kind } : {}) });
    if (p.values.json) io.out(JSON.stringify(result.hits.map((h) => ({ id: h.id, title: h.title, body: h.body, kind: h.kind, tags: h.tags }))));
    else io.out(snippetLines(result.hits, result.total));
  },
  async add(client, p, io) {
    const { title, body } = p.values;
    if (!title) throw new UsageError('缺少 --title 标题。');
    if (!body) throw new UsageError('缺少 --body 正文。');
    const kind = parseKind(p.values.kind);
    if (!kind) throw new UsageError('缺少 --kind 类型。');
    const tags = (p.values.tags ?? '').split(/[,，、]/).map((t) => t.trim()).filter(Boolean);
    const hit = await client.call('snippets.save', { title, body, kind, tags, ...(p.values.topic === undefined ? {} : { topic: p.values.topic }) });
    if (p.values.json) io.out(JSON.stringify({ id: hit.id, title: hit.title, body: hit.body, kind: hit.kind, topic: hit.topic, tags: hit.tags }));
    else io.out(`已新建常用语：${hit.id}  ${hit.title}`);
  },
  async import(client, p, io) {
    const file = need(p.positionals, 1, '要导入的常用语包（.json 文件）');
    let json: string;
    try {
      json = await readFile(path.resolve(file), 'utf8');
    } catch {
      throw new Error(`无法读取文件“${file}”：请确认路径正确且有读取权限。`);
    }
    if (json.length > MAX_PACK_JSON_CHARS) throw new Error(`文件“${file}”过大（超过 ${MAX_PACK_JSON_CHARS / 1_000_000} 百万字符），请拆成几个包分别导入。`);
    const result = await client.call('snippets.importPack', { json });
    if (p.values.json) io.out(JSON.stringify(result));
    else io.out(`已导入“${result.name}”：新增 ${result.added} 条${result.duplicates ? `，跳过重复 ${result.duplicates} 条` : ''}。`);
  },
  async export(client, p, io) {
    const out = p.values.out;
    if (!out) throw new UsageError('缺少 --out 文件.json。');
    if (!out.toLowerCase().endsWith('.json')) throw new UsageError('--out 的文件名须以 .json 结尾。');
    const kind = parseKind(p.values.kind);
    const pack = await client.call('snippets.exportPack', { ...(kind ? { kind } : {}), ...(p.values.topic === undefined ? {} : { topic: p.values.topic }) });
    const target = path.resolve(out);
    await writeFileAtomic(target, pack.json);
    io.out(p.values.json ? JSON.stringify({ path: target, count: pack.count }) : `已导出 ${pack.count} 条常用语：${target}`);
  },
};

const commands: Record<string, Handler> = {
  async snippets(client, p, io) {
    const sub = p.positionals[0] ?? '';
    const handler = Object.prototype.hasOwnProperty.call(snippetCommands, sub) ? snippetCommands[sub] : undefined;
    if (!handler) throw new UsageError(sub ? `未知的常用语命令“${sub}”（可用：search、add、import、export）。` : '缺少常用语命令（search、add、import、export）。');
    await handler(client, p, io);
  },
  async list(client, p, io) {
    const docs = await client.call('documents.list', {});
    io.out(p.values.json ? JSON.stringify(docs) : listLines(docs));
  },
  async new(client, p, io) {
    const fields = parseFields(p.values.field);
    const templateId = p.values.template;
    if (templateId === '') throw new UsageError('缺少模板编号（可用 templates 查看）。');
    const fromTemplate = templateId !== undefined || p.values.field !== undefined;
    const doc = await client.call('documents.create', {
      ...(p.values.title === undefined ? {} : { title: p.values.title }),
      ...(templateId === undefined ? {} : { templateId }),
      ...(fromTemplate ? { fields } : {}),
    });
    if (p.values.json) {
      io.out(JSON.stringify(fromTemplate ? { id: doc.id, title: doc.title, templateId: templateId ?? null, fields: doc.fields } : { id: doc.id, title: doc.title }));
    } else {
      io.out(`已新建：${doc.id}  ${doc.title}`);
    }
  },
  async templates(client, p, io) {
    const templates = await client.call('templates.list', {});
    io.out(p.values.json ? JSON.stringify(templates) : templateLines(templates));
  },
  async outline(client, p, io) {
    const id = need(p.positionals, 0, '文稿编号（可用 list 查看）');
    const outline = await client.call('documents.outline', { id });
    if (p.values.json) {
      const headings = outline.headings.map((h) => ({ level: h.level, number: h.number, text: h.text, kind: h.kind, chars: h.chars }));
      io.out(JSON.stringify({ title: outline.title, headings }));
    } else {
      io.out(outlineLines(outline));
    }
  },
  async show(client, p, io) {
    const id = need(p.positionals, 0, '文稿编号（可用 list 查看）');
    const doc = await client.call('documents.get', { id });
    if (p.values.json) {
      const { content, ...meta } = doc;
      io.out(JSON.stringify({ ...meta, text: reportPlainText(content, doc.fields) }));
      return;
    }
    // As it will read in Word: title, blank line, every block with its computed numbering.
    const reading = await client.call('documents.readingText', { id });
    if (p.values.text) {
      io.out(reading.text);
    } else {
      const body = reading.text.split('\n').slice(2).join('\n');
      io.out(`${reading.title}（${doc.chars} 字，修改于 ${formatTime(doc.updatedAt)}）\n\n${body}`);
    }
  },
  async search(client, p, io) {
    const query = p.positionals.join(' ').trim();
    if (!query) throw new UsageError('缺少搜索词。');
    const hits = await client.call('documents.search', { query });
    io.out(p.values.json ? JSON.stringify(hits) : searchLines(hits));
  },
  async put(client, p, io) {
    const id = need(p.positionals, 0, '文稿编号（可用 list 查看）');
    const file = p.values['text-file'];
    if (!file) throw new UsageError('缺少 --text-file 文件。');
    let bytes: Buffer;
    try {
      bytes = await readFile(path.resolve(file));
    } catch {
      throw new Error(`无法读取文件“${file}”：请确认路径正确且有读取权限。`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`文件“${file}”不是 UTF-8 编码。请用记事本或 WPS 另存为 UTF-8 后重试。`);
    }
    const meta = await client.call('documents.replaceText', { id, text });
    io.out(p.values.json ? JSON.stringify(meta) : `已替换正文：${meta.title}（${meta.chars} 字）`);
  },
  async export(client, p, io) {
    const out = p.values.out;
    if (!out) throw new UsageError('缺少 --out 文件.docx。');
    if (!out.toLowerCase().endsWith('.docx')) throw new UsageError('--out 的文件名须以 .docx 结尾。');
    const profile = await loadProfile(p.values.profile);
    let result: { path: string; pages: number; warnings: string[]; notes?: string[] };
    if (p.values.from) {
      if (p.positionals.length) throw new UsageError('--from 与文稿编号不能同时使用。');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path.resolve(p.values.from)));
      } catch {
        throw new Error(`无法读取“${p.values.from}”：请确认文件存在且为 UTF-8 编码。`);
      }
      result = await exportTextToFile(text, out, profile, { source: p.values.from.toLowerCase().endsWith('.md') ? 'md' : 'txt' });
    } else {
      const id = need(p.positionals, 0, '文稿编号（或用 --from 指定文本文件）');
      const doc = await client.call('documents.get', { id });
      result = await exportDocxToFile({ title: doc.title, content: doc.content, fields: doc.fields, ...(profile ? { profile } : {}) }, out);
    }
    if (p.values.json) {
      io.out(JSON.stringify({ path: result.path, pages: result.pages, warnings: result.warnings }));
    } else {
      io.out([`已导出：${result.path}（约 ${result.pages} 页）`, ...result.warnings.map((w) => `提醒：${w}`)].join('\n'));
    }
  },
  async import(client, p, io) {
    const file = need(p.positionals, 0, '要导入的文件');
    const result = await importFile(path.resolve(file));
    const summary = toDryRunJson(result);
    if (p.values['dry-run']) {
      io.out(p.values.json ? JSON.stringify(summary) : importLines(summary, '（未保存：--dry-run）'));
      return;
    }
    const title = result.title ?? path.basename(file).replace(/\.[^.]+$/, '');
    const doc = await client.call('documents.create', { title, content: result.content });
    io.out(p.values.json ? JSON.stringify({ id: doc.id, ...summary, title: doc.title }) : importLines({ ...summary, title: doc.title }, `已导入：${doc.id}`));
  },
};

/** Reads a format profile from a JSON file, or the default when no path is given. */
async function loadProfile(file: string | undefined): Promise<FormatProfile | undefined> {
  if (!file) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.resolve(file), 'utf8'));
  } catch {
    throw new Error(`无法读取格式设置“${file}”：请确认它是有效的 JSON 文件。`);
  }
  const parsed = formatProfileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`格式设置“${file}”有误：${describeIssues(parsed.error)}`);
  const valid = validateProfile(parsed.data);
  if (!valid.ok) throw new Error(`格式设置“${file}”无法使用：${valid.errors.join('；')}`);
  return parsed.data;
}

/** The import summary for people: outline, then what was dropped or normalised. */
function importLines(summary: DryRunJson, head: string): string {
  const numbers = numberHeadings(summary.headings.map((h) => h.level));
  const lines = [head, `标题：${summary.title ?? '（未识别到标题）'}`, `正文段落：${summary.paragraphs}`, '提纲：'];
  summary.headings.forEach((h, i) => {
    const kind = h.kind && h.kind !== 'other' ? `  [${sectionKindNames[h.kind]}]` : '';
    lines.push(`${'  '.repeat(h.level)}${numbers[i] ?? ''}${h.text}${kind}`);
  });
  if (summary.headings.length === 0) lines.push('  （没有识别到标题层级）');
  if (summary.removed.length) lines.push(`已去除网页杂项 ${summary.removed.length} 行：`, ...summary.removed.map((r) => `  - ${r}`));
  if (summary.duplicates) lines.push(`重复段落 ${summary.duplicates} 处（保留一次）`);
  if (summary.fixes.length) lines.push('已规范：', ...summary.fixes.map((f) => `  - ${f}`));
  return lines.join('\n');
}

/** Runs one CLI invocation; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo, options: { defaultDataDir?: string; resourcesDir?: string } = {}): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help || parsed.command === 'help') {
    io.out(usage);
    return 0;
  }
  const handler = Object.prototype.hasOwnProperty.call(commands, parsed.command) ? commands[parsed.command] : undefined;
  if (!handler) {
    io.err(`${parsed.command ? `未知命令“${parsed.command}”。` : '缺少命令。'}\n\n${usage}`);
    return 2;
  }
  const dataDir = path.resolve(parsed.values['data-dir'] ?? options.defaultDataDir ?? defaultDataDir());
  let core;
  try {
    core = createCore({
      dataDir,
      resourcesDir: options.resourcesDir ?? path.resolve(__dirname, '..', '..', 'resources'),
      transport: 'direct',
    });
  } catch (error) {
    io.err(`无法打开数据文件夹“${dataDir}”：${(error as Error).message}`);
    return 1;
  }
  try {
    await handler(createClient(core.dispatch), parsed, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${usage}`);
      return 2;
    }
    io.err(isAppError(error) || error instanceof Error ? `错误：${error.message}` : '错误：未知错误。');
    return 1;
  } finally {
    core.close();
  }
}
