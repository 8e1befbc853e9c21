// The benchmark (`npm run -s bench -- [--json]`): builds an archive of realistic Chinese reports
// through the core, then runs each measurement module and merges their figures into one object.
// With --json only that object goes to stdout; progress always goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../main/core/createCore';
import { buildArchive } from './archive';
import type { BenchContext, Figure, Measurement } from './context';
import { createCorpus } from './corpus';
import { editorMeasurement } from './editor';
import { exportMeasurement } from './export';
import { importMeasurement } from './import';
import { ripgrepMeasurement, searchMeasurement } from './search';
import { openMeasurement, saveMeasurement, sizeMeasurement } from './storage';
import { snippetMeasurement } from './snippets';

/** Every measurement, in the order they run (later issues append theirs). */
export const measurements: readonly Measurement[] = [saveMeasurement, searchMeasurement, ripgrepMeasurement, sizeMeasurement, openMeasurement, importMeasurement, editorMeasurement, exportMeasurement, snippetMeasurement];

/** Budgets: a figure above its budget is reported as missed. */
export const budgets: Record<string, number> = {
  save_60k_p95_ms: 10,
  search_2char_p95_ms: 15,
  search_4char_p95_ms: 15,
  open_list_ms: 100,
  db_bytes_per_text_byte: 4,
  renumber_200_headings_ms: 16,
  typing_60k_p95_ms: 16,
  import_70kb_txt_ms: 100,
  import_100page_docx_ms: 2000,
  import_hostile_docx_peak_mb: 511,
  snippet_search_p95_ms: 5,
};

/** Reads `--name value` from argv. */
function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Prints the figures as a table with the budgets. */
function printTable(figures: Record<string, Figure>): void {
  const rows = Object.entries(figures).map(([key, value]) => {
    const budget = budgets[key];
    const verdict = budget === undefined || value === null ? '' : value <= budget ? `≤ ${budget} ✓` : `> ${budget} ✗`;
    return [key, value === null ? '—' : String(value), verdict];
  });
  const width = Math.max(...rows.map((r) => (r[0] as string).length));
  for (const [key, value, verdict] of rows) console.log(`${(key as string).padEnd(width)}  ${(value as string).padStart(12)}  ${verdict}`);
  const ours = figures.search_2char_p95_ms;
  const rg = figures.ripgrep_2char_ms;
  if (typeof ours === 'number' && typeof rg === 'number') {
    console.log(`\n二字搜索（排序+摘要，p95）${ours} ms，ripgrep -l（仅列文件）${rg} ms：${ours < rg ? '文稿更快' : '文稿更慢'}。`);
  }
}

/** Runs the benchmark. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const docs = Number(option(args, '--docs') ?? 2000);
  const charsPerDoc = Number(option(args, '--chars') ?? 8000);
  const log = (message: string): void => void process.stderr.write(`${message}\n`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-'));
  const dataDir = path.join(root, 'data');
  const textDir = path.join(root, 'texts');
  const open = () => createCore({ dataDir, resourcesDir: path.join(__dirname, '..', 'resources'), onError: (where, e) => log(`${where}: ${String(e)}`) });
  const corpus = createCorpus(path.join(__dirname, '..', 'tests', 'fixtures', 'samples'));
  const context: BenchContext = {
    dataDir,
    textDir,
    core: open(),
    reopen: open,
    docs,
    chars: 0,
    textBytes: 0,
    generate: corpus,
    log,
  };
  try {
    log(`生成基准文稿库：${docs} 篇 × ${charsPerDoc} 字（${root}）`);
    const archive = await buildArchive(context.core, textDir, docs, charsPerDoc, corpus, log);
    context.chars = archive.chars;
    context.textBytes = archive.textBytes;
    const merging = performance.now();
    await context.core.settled();
    log(`  索引整理完成（${((performance.now() - merging) / 1000).toFixed(1)} 秒）`);
    const figures: Record<string, Figure> = { archive_docs: archive.docs, archive_chars: archive.chars };
    for (const measurement of measurements) Object.assign(figures, await measurement.run(context));
    if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else printTable(figures);
  } finally {
    context.core.close();
    await context.core.settled();
    if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
