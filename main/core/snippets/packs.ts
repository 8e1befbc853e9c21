// Pack files (常用语包): reading one with every problem named in Chinese, and writing one.
// A pack is all-or-nothing: callers store nothing unless parsePack returned without throwing.
import type { z } from 'zod';
import { MAX_PACK_SNIPPETS, snippetKindNames, snippetPackSchema } from '../../common/snippetModel';
import type { Snippet, SnippetKind, SnippetPack } from '../../common/snippetModel';
import { AppError } from '../../common/errors';

/** The pack's format marker and version, as every pack file starts. */
export const PACK_FORMAT = { format: 'wengao-snippets', version: 1 } as const;

const fieldNames: Record<string, string> = {
  id: '编号',
  title: '标题',
  body: '正文',
  kind: '类型',
  topic: '主题',
  tags: '标签',
  format: '格式标记（format）',
  version: '版本（version）',
  name: '包名称（name）',
  snippets: '常用语列表（snippets）',
};

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first syntax error in a text that JSON.parse refused (V8's message names the
 * position only for some errors): a small scanner following the JSON grammar.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) fail();
      if (c === 92) {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e) || e === '') fail();
      }
      i++;
    }
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += (m as RegExpExecArray)[0].length;
  };
  // A "{…}" or "[…]": items separated by commas up to the closing bracket.
  const sequence = (close: string, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail();
    }
  };
  const member = (): void => {
    ws();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
    value();
  };
  function value(): void {
    ws();
    const c = text[i];
    if (c === '{') sequence('}', member);
    else if (c === '[') sequence(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  }
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
  return text.length;
}

/** A Chinese description of why a text is not JSON, with line and column. */
export function jsonErrorMessage(text: string, error: unknown): string {
  if (!(error instanceof SyntaxError)) return `无法读取（${String(error)}）`;
  if (text.trim() === '') return '文件是空的，不是 JSON。请选择导出的常用语包（.json）。';
  const offset = jsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset);
  const where = offset >= text.length ? '文件在结尾处不完整（可能没有复制全）' : `第 ${line} 行第 ${column} 列附近有语法错误`;
  return `不是有效的 JSON：${where}。请用文本编辑器检查引号、逗号和括号是否成对。`;
}

/** The raw value at a path of the parsed JSON, or undefined. */
function at(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Every issue of a pack, one Chinese line each: "第 3 条（sho-001）正文：正文至少 2 个字". */
export function describePackIssues(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const [top, index, field, ...rest] = issue.path;
    const unknownKeys = issue.code === 'unrecognized_keys' ? `多余的字段：${issue.keys.join('、')}（请删除）` : issue.message;
    if (top === 'snippets' && typeof index === 'number') {
      const id = at(raw, ['snippets', index, 'id']);
      const label = `第 ${index + 1} 条${typeof id === 'string' && id.length <= 64 ? `（${id}）` : ''}`;
      if (field === undefined) return `${label}：${unknownKeys}`;
      const name = fieldNames[String(field)] ?? String(field);
      const sub = field === 'tags' && typeof rest[0] === 'number' ? `第 ${rest[0] + 1} 个` : '';
      return `${label}${name}${sub}：${unknownKeys}`;
    }
    if (top === undefined) return issue.code === 'invalid_type' ? '内容应为一个 JSON 对象（常用语包）' : unknownKeys;
    return `${fieldNames[String(top)] ?? String(top)}：${unknownKeys}`;
  });
}

/**
 * Parses and validates a whole pack; throws INVALID_INPUT listing every problem (or TOO_LARGE),
 * so nothing is stored from a pack with any bad entry.
 */
export function parsePack(json: string): SnippetPack {
  const text = json.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_INPUT', `常用语包${jsonErrorMessage(text, error)}`);
  }
  const list = at(raw, ['snippets']);
  if (Array.isArray(list) && list.length > MAX_PACK_SNIPPETS) {
    throw new AppError('TOO_LARGE', `这个常用语包有 ${list.length} 条，超过了一次最多导入的 ${MAX_PACK_SNIPPETS} 条。请拆成几个包分别导入。`);
  }
  const parsed = snippetPackSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = describePackIssues(parsed.error, raw);
    throw new AppError('INVALID_INPUT', `常用语包有 ${problems.length} 处问题，没有导入任何内容。请改正后重新导入：\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** The default name of an export: 常用语-全部, 常用语-问题不足, 常用语-意识形态, 常用语-问题不足-意识形态. */
export function exportName(kind: SnippetKind | undefined, topic: string | undefined): string {
  const parts = ['常用语'];
  if (kind) parts.push(snippetKindNames[kind]);
  if (topic) parts.push(topic);
  if (parts.length === 1) parts.push('全部');
  return parts.join('-');
}

/** A file name for a pack name: characters Windows forbids become "_". */
export function packFileName(name: string): string {
  const safe = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/[. ]+$/, '')
    .trim();
  return `${safe || '常用语'}.json`;
}

/** A pack file's text (pretty-printed JSON, valid under snippetPackSchema). */
export function packJson(name: string, snippets: readonly Snippet[]): string {
  const pack: SnippetPack = {
    ...PACK_FORMAT,
    name,
    snippets: snippets.map((s) => ({ id: s.id, title: s.title, body: s.body, kind: s.kind, topic: s.topic, tags: [...s.tags] })),
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}
