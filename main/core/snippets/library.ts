// The default snippet library shipped in resources/snippets/*.json: every file is a pack validated
// by snippetPackSchema. A file that is not JSON, fails the schema or repeats an id of another file
// is reported in Chinese (createCore passes the report to onError, and the unit test over the
// shipped files fails on it) and its snippets are left out; the rest still load.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { snippetKinds, snippetPackSchema } from '../../common/snippetModel';
import type { Snippet } from '../../common/snippetModel';
import { describePackIssues, jsonErrorMessage } from './packs';

/** The folder of snippet packs inside the resources folder. */
export const SNIPPETS_FOLDER = 'snippets';

/** The default library as loaded: snippets in kind order, and every problem found. */
export interface DefaultLibrary {
  snippets: Snippet[];
  problems: string[];
}

/** Reads and validates every *.json pack of a folder. A missing folder gives an empty library. */
export function loadDefaultSnippets(dir: string): DefaultLibrary {
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`无法读取常用语文件夹“${dir}”：${(error as Error).message}`);
    return { snippets: [], problems };
  }
  const byId = new Map<string, Snippet>();
  for (const name of names) {
    const skip = (why: string): void => void problems.push(`默认常用语文件“${name}”无效，其中的常用语未加载：${why}`);
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      skip(`无法读取（${(error as Error).message}）`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      skip(jsonErrorMessage(text, error));
      continue;
    }
    const parsed = snippetPackSchema.safeParse(raw);
    if (!parsed.success) {
      skip(describePackIssues(parsed.error, raw).join('；'));
      continue;
    }
    const repeated = parsed.data.snippets.filter((s) => byId.has(s.id)).map((s) => s.id);
    const inFile = new Set<string>();
    for (const s of parsed.data.snippets) {
      if (inFile.has(s.id)) repeated.push(s.id);
      inFile.add(s.id);
    }
    if (repeated.length) {
      skip(`编号重复：${[...new Set(repeated)].join('、')}`);
      continue;
    }
    for (const s of parsed.data.snippets) byId.set(s.id, s);
  }
  const order = (s: Snippet): number => snippetKinds.indexOf(s.kind);
  const snippets = [...byId.values()];
  // Stable: within a kind the files' own order stays.
  snippets.sort((a, b) => order(a) - order(b));
  return { snippets, problems };
}
