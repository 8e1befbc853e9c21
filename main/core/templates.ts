// The report templates shipped in resources/templates/*.json: loaded once, each file validated by
// templateSchema (main/common); a bad file is skipped with a Chinese message instead of breaking
// the app. Also the templates.* methods.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TemplateDetail, TemplateSummary } from '../common/contract';
import type { Handlers } from '../common/dispatcher';
import { describeIssues } from '../common/dispatcher';
import { AppError } from '../common/errors';
import { templateOutline, templateSchema } from '../common/templates';
import type { Template } from '../common/templates';

/** The folder of template files inside the resources folder. */
export const TEMPLATES_FOLDER = 'templates';

/** The templates.* methods. */
export type TemplateMethod = 'templates.list' | 'templates.get';

/** Loaded templates, in list order, by id. */
export interface TemplateLibrary {
  list(): Template[];
  get(id: string): Template | undefined;
}

/**
 * Reads and validates every *.json file of a folder. A file that cannot be read, is not JSON,
 * fails the schema, is not named after its id, or repeats an id is reported through onError (in
 * Chinese) and skipped. A missing folder gives no templates.
 */
export function loadTemplateFiles(dir: string, onError: (message: string) => void): Template[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(`无法读取模板文件夹“${dir}”：${(error as Error).message}`);
    return [];
  }
  const byId = new Map<string, Template>();
  for (const name of names) {
    const skip = (why: string): void => onError(`模板文件“${name}”无效，已跳过：${why}`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      skip(error instanceof SyntaxError ? `不是有效的 JSON（${error.message}）` : `无法读取（${(error as Error).message}）`);
      continue;
    }
    const parsed = templateSchema.safeParse(raw);
    if (!parsed.success) {
      skip(describeIssues(parsed.error));
      continue;
    }
    const template = parsed.data;
    if (`${template.id}.json` !== name) {
      skip(`文件名应与模板编号一致（${template.id}.json）`);
      continue;
    }
    if (byId.has(template.id)) {
      skip(`模板编号“${template.id}”重复`);
      continue;
    }
    byId.set(template.id, template);
  }
  return [...byId.values()].sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.id.localeCompare(b.id));
}

/** A library over resourcesDir/templates, loaded at first use and kept. */
export function createTemplateLibrary(resourcesDir: string, onError: (where: string, error: unknown) => void): TemplateLibrary {
  let loaded: Template[] | null = null;
  const all = (): Template[] =>
    (loaded ??= loadTemplateFiles(path.join(resourcesDir, TEMPLATES_FOLDER), (message) => onError('加载模板', new Error(message))));
  return {
    list: all,
    get: (id) => all().find((t) => t.id === id),
  };
}

/** The template with this id, or NOT_FOUND in Chinese. */
export function requireTemplate(library: TemplateLibrary, id: string): Template {
  const template = library.get(id);
  if (!template) throw new AppError('NOT_FOUND', `找不到编号为“${id}”的模板。请从模板列表中选择。`);
  return template;
}

/** What templates.list shows of a template. */
export function templateSummary(template: Template): TemplateSummary {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    ...(template.category === undefined ? {} : { category: template.category }),
    fields: template.fields,
    outline: templateOutline(template),
  };
}

/** Builds the templates.* handlers over a library. */
export function createTemplateHandlers(library: TemplateLibrary): Handlers<TemplateMethod> {
  return {
    'templates.list': () => library.list().map(templateSummary),
    'templates.get': (input): TemplateDetail => {
      const template = requireTemplate(library, input.id);
      return { ...template, outline: templateOutline(template) };
    },
  };
}
