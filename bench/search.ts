// Search measurements: ranked search with excerpts for common 2- and 4-character queries, and
// ripgrep over the same archive as plain files for comparison.
import { spawnSync } from 'node:child_process';
import { unwrap } from '../main/common/dispatcher';
import type { Figure, Measurement } from './context';
import { median, ms, percentile, timed } from './stats';

/** Common two-character words of office reports (all occur in the sample sentences). */
export const twoCharQueries = ['工作', '思想', '学习', '宣传', '舆情', '理论', '政治', '教育', '组织', '活动', '精神', '干部'];
/** Common four-character phrases of office reports. */
export const fourCharQueries = ['意识形态', '思想政治', '理论学习', '社会主义', '主题教育', '中国特色', '宣传思想', '政治交接'];
const ROUNDS = 4;
const RG_RUNS = 7;

/** p95 of documents.search (limit 50, with excerpts) over several rounds of the queries. */
async function searchP95(dispatch: (m: string, i: unknown) => Promise<unknown>, queries: readonly string[]): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const query of queries) {
      let hits = 0;
      const took = await timed(async () => {
        hits = (unwrap((await dispatch('documents.search', { query })) as never) as unknown[]).length;
      });
      if (hits === 0) throw new Error(`搜索“${query}”没有结果，基准数据有误`);
      if (round > 0) samples.push(took); // round 0 warms the page cache, as in a running app
    }
  }
  return percentile(samples, 95);
}

/** search_2char_p95_ms and search_4char_p95_ms. */
export const searchMeasurement: Measurement = {
  name: 'search',
  async run({ core, log }) {
    log('测量：搜索（二字词、四字词，含摘要）');
    const dispatch = (m: string, i: unknown): Promise<unknown> => core.dispatch(m, i);
    return {
      search_2char_p95_ms: ms(await searchP95(dispatch, twoCharQueries)),
      search_4char_p95_ms: ms(await searchP95(dispatch, fourCharQueries)),
    };
  },
};

/** ripgrep_2char_ms: `rg -l <query> <dir>` as a whole process, warm, median of several runs. */
export const ripgrepMeasurement: Measurement = {
  name: 'ripgrep',
  async run({ textDir, log }) {
    log('测量：ripgrep 对照');
    const query = '舆情';
    const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      log('  未找到 ripgrep（rg），跳过对照测量。安装 ripgrep 后重新运行即可得到该数值。');
      return { ripgrep_2char_ms: null };
    }
    const samples: number[] = [];
    for (let i = 0; i <= RG_RUNS; i++) {
      const took = await timed(() => {
        const run = spawnSync('rg', ['-l', query, textDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (run.status !== 0) throw new Error(`rg 运行失败：${run.stderr}`);
      });
      if (i > 0) samples.push(took);
    }
    const figure: Figure = ms(median(samples));
    return { ripgrep_2char_ms: figure };
  },
};
