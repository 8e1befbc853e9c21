// Export measurements: a 60,000-character report with every element (title, 主送机关, four heading
// levels, run-in headings, 附件说明, 署名, 成文日期) exported to .docx, against pandoc converting
// the same text as Markdown to .docx in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportBlocks } from '../main/common/reportModel';
import { exportDocx } from '../main/core/export/docx';
import { generatedReport } from '../main/core/export/testSupport';
import { writeFileAtomic } from '../main/core/export/writeFileAtomic';
import type { Measurement } from './context';
import { median, ms, timed } from './stats';

const RUNS = 9;
const WARMUP = 2;
const PANDOC_RUNS = 5;

/** The report as Markdown, the way a writer would hand it to pandoc: # title, ## 一、…, paragraphs. */
function markdownOf(title: string, report: ReturnType<typeof generatedReport>): string {
  const out = [`# ${title}`];
  for (const b of reportBlocks(report.content)) {
    if (b.type === 'heading') {
      if (b.runInBody === null) out.push(`${'#'.repeat(b.level + 1)} ${b.number}${b.text}`);
      else out.push(`**${b.number}${b.text}**${b.runInBody}`);
    } else out.push(b.text);
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * export_60k_ms: median wall time of exportDocx on the 60,000-character report plus the atomic
 * write of the file (what `export` does), after warm-up runs. pandoc_60k_ms: median wall time of
 * the whole `pandoc -f markdown -t docx` process on the same text (null when pandoc is missing).
 */
export const exportMeasurement: Measurement = {
  name: 'export',
  async run({ log }) {
    log('测量：导出 6 万字的报告为 Word（对比 pandoc）');
    const report = generatedReport(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-export-'));
    try {
      const target = path.join(dir, '报告.docx');
      const samples: number[] = [];
      let pages = 0;
      for (let i = 0; i < WARMUP + RUNS; i += 1) {
        const took = await timed(async () => {
          const result = await exportDocx({ title: report.title, content: report.content });
          pages = result.pages;
          await writeFileAtomic(target, result.buffer);
        });
        if (i >= WARMUP) samples.push(took);
      }
      const markdown = path.join(dir, 'report.md');
      writeFileSync(markdown, markdownOf(report.title, report));
      const pandocSamples: number[] = [];
      let pandoc: number | null = null;
      for (let i = 0; i < PANDOC_RUNS; i += 1) {
        const start = performance.now();
        const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), markdown], { encoding: 'utf8' });
        const took = performance.now() - start;
        if (result.error || result.status !== 0) {
          log(`  找不到 pandoc 或 pandoc 运行失败（${result.error?.message ?? result.stderr}），pandoc_60k_ms 记为 null`);
          break;
        }
        pandocSamples.push(took);
      }
      if (pandocSamples.length) pandoc = ms(median(pandocSamples));
      const ours = ms(median(samples));
      if (pandoc !== null) log(`  文稿 ${ours} ms，pandoc ${pandoc} ms：${ours * 2 <= pandoc ? '不到 pandoc 的一半 ✓' : '超过 pandoc 的一半 ✗'}`);
      return { export_60k_ms: ours, export_60k_pages: pages, pandoc_60k_ms: pandoc };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
