// The export verified by a real client: the long generated report and each sample report are
// exported, converted to PDF by LibreOffice (one soffice run for all of them) and measured the way
// word-export.md says — page size, margins, 22 lines of 28 characters at 28.95 pt, "— N —" right on
// odd and left on even pages, the heading outline — and the page estimate must give LibreOffice's
// page count, page by page. Pages 1 and 2 of the long report are rendered to PNG for a human look.
// LibreOffice and poppler-utils are required: a machine without them fails here (CI installs them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GBT9704_PROFILE } from '../../common/formatProfile';
import type { LayoutParagraph, PageEstimate } from '../../common/pageEstimate';
import { estimatePages, layoutPlan } from '../../common/pageEstimate';
import type { ReportBlock } from '../../common/reportModel';
import { reportBlocks } from '../../common/reportModel';
import { exportDocx } from './docx';
import type { TestReport } from './testSupport';
import { docxParts, generatedReport, sampleReports } from './testSupport';
import type { PdfLine } from './pdfSupport';
import { readPdfLines, run, unescapeXml } from './pdfSupport';

/** Where the PDFs and the PNGs of pages 1–2 of the long report are left for a human to look at. */
const outDir = path.join(os.tmpdir(), 'wengao-export');
const PT_PER_MM = 72 / 25.4;
const page = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
const margin = { top: 37 * PT_PER_MM, bottom: 35 * PT_PER_MM, left: 1587 / 20, right: 1474 / 20 };
const pitch = 28.95;
const textRight = page.width - margin.right;

/** A rendered report: what was exported and what LibreOffice made of it. */
interface Rendered {
  report: TestReport;
  blocks: ReportBlock[];
  plan: LayoutParagraph[];
  lineCounts: number[];
  estimate: PageEstimate;
  docx: Buffer;
  pdf: string;
  pageSize: [number, number];
  /** Body lines of each page (footer excluded). */
  pages: PdfLine[][];
  footers: PdfLine[];
  outline: { level: number; text: string }[];
}

/** Reads the line boxes of every page; lines below the text area are the footer. */
function readPages(pdf: string): { pages: PdfLine[][]; footers: PdfLine[] } {
  return readPdfLines(pdf, page.height - margin.bottom);
}

/** The PDF's bookmarks, with their nesting depth as level. */
function readOutline(pdf: string): { level: number; text: string }[] {
  const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', pdf], 'poppler-utils');
  const start = xml.indexOf('<outline>');
  const out: { level: number; text: string }[] = [];
  if (start < 0) return out;
  let depth = 0;
  for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/g)) {
    if (m[0] === '<outline>') depth += 1;
    else if (m[0] === '</outline>') {
      depth -= 1;
      if (depth === 0) break;
    } else out.push({ level: depth, text: unescapeXml(m[1] ?? '') });
  }
  return out;
}

/** The grid row (0-based) a line box sits on: its box ends at the bottom of its row. */
function rowOf(line: PdfLine): number {
  return Math.round((line.yMax - margin.top) / pitch) - 1;
}

const rendered: Rendered[] = [];
let soffice = '';
let profileDir = '';

before(async () => {
  soffice = run('soffice', ['--version'], 'libreoffice-writer-nogui').trim();
  run('pdftotext', ['-v'], 'poppler-utils');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-lo-profile-'));
  const reports = [generatedReport(60_000), ...sampleReports()];
  const files: string[] = [];
  const pending: Omit<Rendered, 'pageSize' | 'pages' | 'footers' | 'outline'>[] = [];
  for (const report of reports) {
    const { buffer } = await exportDocx({ title: report.title, content: report.content });
    const blocks = reportBlocks(report.content);
    const estimate = estimatePages({ title: report.title, blocks }, GBT9704_PROFILE);
    const plan = layoutPlan(GBT9704_PROFILE, { title: report.title, blocks });
    const file = path.join(outDir, `${report.name.replace(/\.txt$/, '')}.docx`);
    writeFileSync(file, buffer);
    files.push(file);
    pending.push({ report, blocks, plan, lineCounts: estimate.lines, estimate, docx: buffer, pdf: file.replace(/\.docx$/, '.pdf') });
  }
  // One LibreOffice run converts every document (a fresh user profile: no settings leak in).
  run('soffice', [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], 'libreoffice-writer-nogui');
  for (const r of pending) {
    const info = run('pdfinfo', [r.pdf], 'poppler-utils');
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    rendered.push({ ...r, pageSize: [Number(size?.[1]), Number(size?.[2])], ...readPages(r.pdf), outline: readOutline(r.pdf) });
  }
  const long = rendered[0] as Rendered;
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', long.pdf, path.join(outDir, 'long-report-page')], 'poppler-utils');
});

after(() => {
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

test('LibreOffice is there and converted every report', () => {
  assert.match(soffice, /LibreOffice/);
  assert.equal(rendered.length, 4);
  for (const r of rendered) assert.ok(r.pages.length > 0, r.report.name);
});

test('pages are A4 (595.3 × 841.9 pt)', (t) => {
  t.diagnostic(`${soffice}; ${rendered.map((r) => `${r.report.name}: ${r.pages.length} 页 ${r.pageSize.join(' × ')} pt`).join('; ')}`);
  for (const r of rendered) {
    assert.ok(Math.abs(r.pageSize[0] - 595.3) < 0.1 && Math.abs(r.pageSize[1] - 841.9) < 0.1, `${r.report.name}: ${r.pageSize.join(' × ')}`);
  }
});

test('margins: text starts 28 mm from the left and 37 mm from the top, ends 26 mm from the right and above 35 mm from the bottom', (t) => {
  for (const r of rendered) {
    const lines = r.pages.flat();
    const left = Math.min(...lines.map((l) => l.xMin));
    if (r === rendered[0]) t.diagnostic(`left edge ${left} pt (28 mm = ${margin.left.toFixed(2)}), right edge of full lines ≈ ${Math.max(...lines.filter((l) => l.xMax < textRight + 0.5).map((l) => l.xMax))} pt (${textRight.toFixed(2)})`);
    assert.ok(Math.abs(left - margin.left) < 0.5, `${r.report.name}: left edge ${left}`);
    // Justified full lines end at the right margin (a hanging mark may pass it).
    const full = lines.filter((l) => l.xMax > textRight - 3 && l.xMax < textRight + 0.5);
    assert.ok(full.length > 10);
    for (const l of full) assert.ok(Math.abs(l.xMax - textRight) < 1.5, `${r.report.name}: right edge ${l.xMax}`);
    for (const p of r.pages) {
      const first = p[0] as PdfLine;
      assert.ok(first.yMin > margin.top - 3 && rowOf(first) >= 0, `${r.report.name}: first line at ${first.yMin}`);
      const last = p[p.length - 1] as PdfLine;
      assert.ok(last.yMax <= page.height - margin.bottom + 0.5, `${r.report.name}: last line ends at ${last.yMax}`);
    }
  }
  // The first line of a body page fills the first grid row exactly.
  const first = (rendered[0] as Rendered).pages[1]?.[0] as PdfLine;
  assert.ok(Math.abs(first.yMax - (margin.top + pitch)) < 0.5, `first row ends at ${first.yMax}`);
});

test('22 lines on full pages, every line on the 28.95 pt grid', (t) => {
  let full = 0;
  for (const r of rendered) {
    r.pages.forEach((lines, index) => {
      // Body-size lines (the 22 pt title's glyph boxes reach lower) step by whole rows.
      const body = lines.filter((l) => l.yMax - l.yMin < 22);
      for (let i = 1; i < body.length; i += 1) {
        const step = (body[i] as PdfLine).yMax - (body[i - 1] as PdfLine).yMax;
        const rows = Math.round(step / pitch);
        assert.ok(rows >= 1 && Math.abs(step - rows * pitch) < 0.15, `${r.report.name} p${index + 1}: step ${step}`);
      }
      const rows = rowOf(lines[lines.length - 1] as PdfLine) + 1;
      assert.ok(rows <= 22, `${r.report.name} p${index + 1}: ${rows} rows`);
      if (rows === 22) full += 1;
      // Every page but the last is full, unless headings kept with their text moved on: then the
      // next page opens with at least as many heading lines as rows are missing (the page before
      // the 署名 may end early too: the estimate test checks those rows exactly).
      const signatureNext = r.pages[index + 1]?.some((l) => l.text === '中共某某市委宣传部');
      if (index < r.pages.length - 1 && rows < 22 && !signatureNext) {
        const next = r.pages[index + 1] ?? [];
        let headings = 0;
        while (headings < next.length && /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/u.test(next[headings]?.text ?? '')) headings += 1;
        assert.ok(headings >= 22 - rows, `${r.report.name} p${index + 1}: ${rows} rows, next page starts “${next[0]?.text.slice(0, 12)}”`);
      }
    });
  }
  t.diagnostic(`${full} pages with 22 lines`);
  assert.ok(full >= 90, `${full} full pages`);
  const steps = (rendered[0] as Rendered).pages.flatMap((lines) => lines.slice(1).map((l, i) => l.yMax - (lines[i] as PdfLine).yMax)).filter((s) => s < pitch * 1.5);
  const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
  t.diagnostic(`mean line pitch ${mean.toFixed(3)} pt`);
  assert.ok(Math.abs(mean - pitch) < 0.02, `mean line pitch ${mean}`);
});

test('28 characters on full body lines (26 after the 2-character indent); 27 only where a line may not break', (t) => {
  const cjkOnly = /^[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’—…]+$/u;
  const hanging = /[!,.:;?、。！，．：；？]$/u;
  // The next line opens with what may not end a line (《 “), with a character carried down with a
  // mark that may not start one (”。), with a Latin word, or with —— / …….
  const carried = /^([“‘（《「『【〔〈［｛(\x21-\x7e]|.[”’）》」』】〕〉］｝、。，；：！？!),.:;?]|.?[—…])/u;
  let full = 0;
  let short = 0;
  for (const r of rendered) {
    const lines = r.pages.flat();
    lines.forEach((l, i) => {
      if (!cjkOnly.test(l.text) || l.xMax < textRight - 2) return;
      let chars = [...l.text].length;
      if (l.xMax > textRight + 1 && hanging.test(l.text)) chars -= 1;
      const indented = Math.abs(l.xMin - (margin.left + 32)) < 0.5;
      if (!indented && Math.abs(l.xMin - margin.left) > 0.5) return;
      const expected = indented ? 26 : 28;
      if (chars === expected) full += 1;
      else {
        const next = lines[i + 1]?.text ?? '';
        assert.ok(chars >= expected - 3 && carried.test(next), `${r.report.name}: ${chars} characters in “${l.text}”, next “${next.slice(0, 4)}”`);
        short += 1;
      }
    });
  }
  t.diagnostic(`${full} full Chinese lines of exactly 28 (26 indented) characters, ${short} shorter where the next line may not start`);
  assert.ok(full > 300 && short < full / 5, `${full} full lines, ${short} one short`);
});

test('page numbers "— N —": 14 pt, right on odd pages and left on even pages, one character in, 7 mm below the text', () => {
  for (const r of rendered) {
    assert.equal(r.footers.length, r.pages.length, r.report.name);
    r.footers.forEach((f, index) => {
      const n = index + 1;
      assert.equal(f.text, `— ${n} —`, `${r.report.name} p${n}`);
      if (n % 2 === 1) assert.ok(Math.abs(f.xMax - (textRight - 14)) < 1.5, `${r.report.name} p${n}: right edge ${f.xMax}`);
      else assert.ok(Math.abs(f.xMin - (margin.left + 14)) < 1.5, `${r.report.name} p${n}: left edge ${f.xMin}`);
      // The 14 pt line starts 7 mm below the text area; its glyph box is centred on it.
      const lineTop = page.height - margin.bottom + 7 * PT_PER_MM;
      assert.ok(Math.abs((f.yMin + f.yMax) / 2 - (lineTop + 7)) < 1.5, `${r.report.name} p${n}: footer at ${f.yMin}–${f.yMax}`);
    });
  }
});

test('the PDF outline lists every heading with its level (the navigation pane of Word shows the same styles)', () => {
  for (const r of rendered) {
    const headings = r.blocks.flatMap((b) => (b.type === 'heading' ? [{ level: b.level, text: `${b.number}${b.text}${b.runInBody ?? ''}` }] : []));
    assert.equal(r.outline.length, headings.length, r.report.name);
    r.outline.forEach((item, i) => {
      const h = headings[i] as { level: number; text: string };
      assert.ok(item.text.replace(/\s/g, '').startsWith(h.text.replace(/\s/g, '').slice(0, 40)), `${r.report.name}: “${item.text.slice(0, 30)}” ≠ “${h.text.slice(0, 30)}”`);
    });
    // Nesting follows the levels (a skipped level nests one deeper than its parent).
    const long = rendered[0] as Rendered;
    if (r === long) assert.deepEqual([...new Set(r.outline.map((o) => o.level))].sort(), [1, 2, 3, 4]);
  }
});

test('the page estimate equals LibreOffice’s page count, and every page holds the lines the estimate puts there', (t) => {
  t.diagnostic(rendered.map((r) => `${r.report.name}: 估算 ${r.estimate.pages} 页，LibreOffice ${r.pages.length} 页`).join('; '));
  for (const r of rendered) {
    assert.equal(r.estimate.pages, r.pages.length, `${r.report.name}: estimate ${r.estimate.pages}, ${soffice} ${r.pages.length}`);
    // Replay the estimate: on which page and row each text line falls.
    const expected: number[][] = Array.from({ length: r.estimate.pages }, () => []);
    let pageIndex = 0;
    let row = 0;
    let next = 0;
    r.plan.forEach((p, pi) => {
      for (let line = 0; line < (r.lineCounts[pi] ?? 1); line += 1) {
        const b = r.estimate.breaks[next];
        if (b && b.paragraph === pi && b.line === line) {
          pageIndex += 1;
          row = 0;
          next += 1;
        }
        if (p.kind !== 'blank') expected[pageIndex]?.push(row);
        row += 1;
      }
    });
    r.pages.forEach((lines, i) => {
      assert.deepEqual(
        lines.map(rowOf),
        expected[i],
        `${r.report.name} p${i + 1} (${soffice})`,
      );
    });
  }
});

test('the .docx asks for the GB/T fonts: styles, document runs and the font table', async () => {
  const parts = await docxParts((rendered[0] as Rendered).docx);
  const styles = parts.get('word/styles.xml') ?? '';
  for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体', '宋体', 'Times New Roman']) assert.ok(styles.includes(`"${font}"`), font);
  const doc = parts.get('word/document.xml') ?? '';
  assert.match(doc, /<w:pStyle w:val="Heading2"\/><w:keepNext w:val="false"\/>.*?w:eastAsia="仿宋_GB2312"/s);
  assert.doesNotMatch(doc, /w:color|<w:numPr>/);
  const fonts = parts.get('word/fontTable.xml') ?? '';
  for (const [font, alt] of [['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['方正小标宋简体', '宋体'], ['黑体', 'SimHei'], ['宋体', 'SimSun']]) {
    assert.ok(fonts.includes(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`), font);
  }
});
