// Snippet search: what one keystroke in the F3 panel costs over 20,000 snippets (the default
// library plus generated variations imported as a pack), for a realistic typing sequence of
// pinyin letters and IME-committed Chinese words; and how long building the index takes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unwrap } from '../main/common/dispatcher';
import { snippetPackSchema } from '../main/common/snippetModel';
import type { Snippet } from '../main/common/snippetModel';
import { createCore } from '../main/core/createCore';
import type { Measurement } from './context';
import { ms, percentile, timed } from './stats';

/** Snippets in the measured library. */
export const SNIPPET_COUNT = 20_000;
const ROUNDS = 5;

/** Every prefix of a pinyin string: what the panel searches while it is typed letter by letter. */
function typed(letters: string): string[] {
  return [...letters].map((_, i) => letters.slice(0, i + 1));
}

/** The keystroke sequence: pinyin typed letter by letter, Chinese as the IME commits it. */
export const snippetQueries: readonly string[] = [
  ...typed('shoutufuze'),
  ...typed('stfz'),
  '意识',
  '意识形态',
  '整改',
  '整改落实',
  ...typed('yishixingtai'),
  ...typed('zhenggai'),
  ...typed('ysxt'),
  '压实',
  '压实责任',
  '守tu',
  ...typed('luoshi'),
  '为民服务',
];

const units = ['某某市某某局', '某某县某某办', '某某区某某委', '某某镇党委', '某某街道', '某某中心', '某某公司', '某某学院', '某某所', '某某处', '某某科', '某某支部'];
const leads = ['今年以来，', '上半年，', '一年来，', '近年来，', '报告期内，', '全年', '本季度，', '任职以来，'];

/** The default library plus variations of it up to `count` snippets, as pack JSON. */
function libraryPack(resourcesDir: string, count: number): { json: string; defaults: number } {
  const dir = path.join(resourcesDir, 'snippets');
  const defaults: Snippet[] = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => snippetPackSchema.parse(JSON.parse(readFileSync(path.join(dir, n), 'utf8'))).snippets);
  const variations: Snippet[] = [];
  for (let i = 0; variations.length < count - defaults.length; i++) {
    const base = defaults[i % defaults.length] as Snippet;
    const other = defaults[(i * 7 + 3) % defaults.length] as Snippet;
    const round = Math.floor(i / defaults.length);
    const tail = other.body.split(/[。；]/)[0] ?? '';
    const body = `${leads[round % leads.length]}${units[(i + round) % units.length]}${base.body.replace(/^[^，]{0,12}，/, '')}${tail ? `${tail}。` : ''}（${round + 1}）`.slice(0, 2000);
    variations.push({ ...base, id: `u-bench${String(i).padStart(6, '0')}`, title: `${base.title.slice(0, 24)}·${round + 1}`, body });
  }
  return { json: JSON.stringify({ format: 'wengao-snippets', version: 1, name: '基准测试', snippets: variations }), defaults: defaults.length };
}

/** snippet_search_p95_ms (with the median, p50, for context) and snippet_index_build_ms. */
export const snippetMeasurement: Measurement = {
  name: 'snippets',
  async run({ log }) {
    log(`测量：常用语搜索（${SNIPPET_COUNT} 条，逐键输入）`);
    const resourcesDir = path.join(__dirname, '..', 'resources');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-snippets-'));
    const open = () => createCore({ dataDir, resourcesDir, autoBackup: false, backgroundCheck: false, onError: (where, e) => log(`${where}: ${String(e)}`) });
    try {
      const { json } = libraryPack(resourcesDir, SNIPPET_COUNT);
      let core = open();
      const imported = unwrap(await core.dispatch('snippets.importPack', { json })) as { added: number; duplicates: number };
      if (imported.duplicates) throw new Error(`生成的常用语有 ${imported.duplicates} 条重复，基准数据有误`);
      core.close();
      // Build: a fresh core's first call loads the defaults, reads the user rows and indexes all.
      core = open();
      const build = await timed(async () => {
        const facets = unwrap(await core.dispatch('snippets.facets', {})) as { total: number };
        if (facets.total !== SNIPPET_COUNT) throw new Error(`常用语共 ${facets.total} 条，应为 ${SNIPPET_COUNT}`);
      });
      const samples: number[] = [];
      const contexts = ['shortcomings', 'plan', 'situation', null] as const;
      for (let round = 0; round <= ROUNDS; round++) {
        for (const [i, query] of snippetQueries.entries()) {
          const took = await timed(async () => {
            unwrap(await core.dispatch('snippets.search', { query, context: contexts[i % contexts.length], limit: 50 }));
          });
          if (round > 0) samples.push(took);
        }
      }
      for (const query of ['shoutufuze', 'stfz', '意识形态', '整改']) {
        const { total } = unwrap(await core.dispatch('snippets.search', { query })) as { total: number };
        if (total === 0) throw new Error(`搜索“${query}”没有结果，基准数据有误`);
      }
      core.close();
      return { snippet_search_p95_ms: ms(percentile(samples, 95)), snippet_search_p50_ms: ms(percentile(samples, 50)), snippet_index_build_ms: ms(build) };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
