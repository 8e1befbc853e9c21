// Import measurements: a 70 KB text report and a 100-page .docx to their outline, and the peak
// memory of refusing or parsing hostile .docx files (each in a fresh child process, so the figure
// is the importer's own and not the benchmark archive's). Run directly with --probe <file> this
// module is that child: it imports the file and prints its peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../main/core/import';
import { honestZipBomb, longReportDocx, lyingZipBomb, mammothHeavyDocx } from '../main/core/import/fixtures';
import type { Measurement } from './context';
import { median, ms, timed } from './stats';

const TEXT_RUNS = 15;
const DOCX_RUNS = 5;

/** A text report of at least `bytes` UTF-8 bytes: title, 导语, 一、/（一）/1. headings, body, 署名, 日期. */
function textReport(bytes: number, generate: (chars: number) => { title: string; paragraphs: string[] }): string {
  const lines = ['某某市2025年工作总结', '今年以来，全市上下认真贯彻落实各项决策部署，现将有关情况报告如下：'];
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let size = 0;
  for (let s = 0; size < bytes; s += 1) {
    lines.push(`${numerals[s % 10] ?? '一'}、第${s + 1}部分工作情况`);
    for (let sub = 0; sub < 3 && size < bytes; sub += 1) {
      const body = generate(300).paragraphs.join('');
      lines.push(`（${numerals[sub] ?? '一'}）抓好第${sub + 1}项重点工作。${body}`);
      for (let item = 1; item <= 2; item += 1) lines.push(`${item}.细化第${item}项措施`, generate(250).paragraphs.join(''));
      size = Buffer.byteLength(lines.join('\n'));
    }
  }
  lines.push('某某市人民政府', '2025年7月1日');
  return lines.join('\n');
}

/** Runs this module as a child on a file and reads back its peak RSS in MB. */
function probe(file: string): Promise<{ peakMb: number; outcome: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--probe', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as { peakMb: number; outcome: string });
      } catch {
        reject(new Error(`测量子进程没有输出结果：${out}`));
      }
    });
  });
}

/**
 * import_70kb_txt_ms: median of importFile on a 70 KB .txt report (decode, clean, recognise,
 * build content and outline). import_100page_docx_ms: median of importFile on a generated
 * 100-page .docx (zip checks, worker start, mammoth, recognition). import_hostile_docx_peak_mb:
 * the highest peak RSS of a fresh process importing each hostile .docx (a 300 MB zip bomb, a zip
 * lying about its size, and a file that passes the zip checks but drives mammoth to the worker's
 * heap cap).
 */
export const importMeasurement: Measurement = {
  name: 'import',
  async run({ generate, log }) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-import-'));
    try {
      log('测量：导入 70 KB 文本');
      const txt = path.join(dir, 'report.txt');
      writeFileSync(txt, textReport(70 * 1024, generate));
      const textSamples: number[] = [];
      for (let i = 0; i < TEXT_RUNS + 3; i += 1) {
        let headings = 0;
        const took = await timed(async () => {
          headings = (await importFile(txt)).outline.length;
        });
        if (headings === 0) throw new Error('70 KB 文本没有识别出标题');
        if (i >= 3) textSamples.push(took);
      }

      log('测量：导入 100 页 .docx');
      const sentences = generate(6000).paragraphs.flatMap((p) => p.split(/(?<=。)/u)).filter((s) => s.length > 4);
      const docx = path.join(dir, 'report-100-pages.docx');
      writeFileSync(docx, await longReportDocx(100, sentences));
      const docxSamples: number[] = [];
      for (let i = 0; i < DOCX_RUNS + 1; i += 1) {
        let headings = 0;
        const took = await timed(async () => {
          headings = (await importFile(docx)).outline.length;
        });
        if (headings === 0) throw new Error('100 页 .docx 没有识别出标题');
        if (i >= 1) docxSamples.push(took);
      }

      log('测量：拒绝或解析恶意 .docx 时的内存峰值');
      const hostile: [string, Buffer][] = [
        ['zip-bomb-300mb.docx', await honestZipBomb(300)],
        ['lying-size.docx', await lyingZipBomb(64)],
        ['mammoth-heavy.docx', mammothHeavyDocx()],
      ];
      let peak = 0;
      for (const [name, bytes] of hostile) {
        const file = path.join(dir, name);
        writeFileSync(file, bytes);
        const result = await probe(file);
        log(`  ${name}：${result.outcome}，峰值 ${result.peakMb} MB`);
        peak = Math.max(peak, result.peakMb);
      }
      return { import_70kb_txt_ms: ms(median(textSamples)), import_100page_docx_ms: ms(median(docxSamples)), import_hostile_docx_peak_mb: peak };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// The child: imports one file and prints {peakMb, outcome} (maxRSS covers the worker thread too).
if (require.main === module && process.argv[2] === '--probe') {
  const file = process.argv[3] ?? '';
  importFile(file)
    .then(
      (result) => `导入 ${result.outline.length} 个标题`,
      (error: unknown) => `拒绝（${(error as { code?: string }).code ?? 'ERROR'}）`,
    )
    .then((outcome) => {
      const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify({ peakMb, outcome })}\n`);
    });
}
