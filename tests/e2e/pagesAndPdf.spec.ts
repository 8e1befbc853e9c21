// Page count, page markers and 导出为 PDF, checked against real renderers: a 60,000-character report
// and a sample report are exported to .docx through the API and converted by LibreOffice; the
// status bar must show LibreOffice's page count and the editor one "第 N 页" marker per page
// break. The PDF of the print view (page.pdf, the engine the desktop app's printToPDF uses) must
// be A4 with the profile's left margin, the same page count, and each page must open with the
// same text as LibreOffice's page. Needs LibreOffice and poppler-utils (CI installs them).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GBT9704_PROFILE } from '../../main/common/formatProfile';
import { estimatePages } from '../../main/common/pageEstimate';
import { reportBlocks } from '../../main/common/reportModel';
import type { TestReport } from '../../main/core/export/testSupport';
import { generatedReport, sampleReport, samplesDir } from '../../main/core/export/testSupport';
import { useBrowserMode } from './harness';
import { AppPage, call, getDoc, waitUntil } from './appPage';

const env = useBrowserMode();
const PT_PER_MM = 72 / 25.4;

/** Runs a tool; a missing tool fails with what to install. */
function run(command: string, args: string[], install: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`找不到 ${command}：请安装 ${install}（apt-get install ${install}）。`);
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（${result.status}）：${result.stderr}`);
  return result.stdout;
}

/** Pages and page size of a PDF (pdfinfo). */
function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = run('pdfinfo', [file], 'poppler-utils');
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/**
 * The characters on each page, sorted (the order text tools read lines in varies with the fonts),
 * without white space and the marks that may hang in the right margin (LibreOffice's PDF leaves a
 * hanging mark out of its text).
 */
function pageCharacters(file: string): string[] {
  return run('pdftotext', [file, '-'], 'poppler-utils')
    .split('\f')
    .slice(0, -1)
    .map((page) => [...page.replace(/[\s!,.:;?、。！，．：；？]+/gu, '')].sort().join(''));
}

/** The pages the editor's markers name, in order (a block may carry two). */
function markerPages(app: AppPage): Promise<number[]> {
  return app.editor
    .locator(markerSelector)
    .evaluateAll((els) => els.flatMap((el) => ['data-page-start', 'data-page-end', 'data-page-start2', 'data-page-end2'].flatMap((a) => (el.getAttribute(a) === null ? [] : [Number(el.getAttribute(a))]))))
    .then((pages) => pages.sort((a, b) => a - b));
}

const markerSelector = '[data-page-start], [data-page-end], [data-page-start2], [data-page-end2]';
const upTo = (n: number): number[] => Array.from({ length: n - 1 }, (_, i) => i + 2);

/** Word boxes of one page (pdftotext -bbox). */
function words(file: string, page: number): { xMin: number; yMin: number; xMax: number; text: string }[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], 'poppler-utils');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' }));
}

interface Stored {
  report: TestReport;
  id: string;
  /** Pages LibreOffice renders for the exported .docx. */
  loPages: number;
  loPdf: string;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-pages-'));
const stored: Stored[] = [];

/** Stores the reports, exports them and has LibreOffice render them (once, for the first test that needs it). */
async function setUp(): Promise<void> {
  if (stored.length) return;
  // The sample summary starts straight with its text: it gets the title a writer would give it.
  const summary = sampleReport('half-year-summary.txt', `2025年上半年意识形态工作总结\n${readFileSync(path.join(samplesDir, 'half-year-summary.txt'), 'utf8')}`);
  const reports = [generatedReport(60_000), summary];
  const files: string[] = [];
  const made: Stored[] = [];
  for (const report of reports) {
    const meta = await call<{ id: string }>(env.served, 'documents.create', { title: report.title, content: report.content });
    const exported = await call<{ dataBase64: string; pages: number }>(env.served, 'export.docx', { id: meta.id });
    const file = path.join(dir, `${report.name.replace(/\.txt$/, '')}.docx`);
    writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
    files.push(file);
    made.push({ report, id: meta.id, loPages: 0, loPdf: file.replace(/\.docx$/, '.pdf') });
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'wengao-lo-profile-'));
  try {
    run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], 'libreoffice-writer-nogui');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const s of made) s.loPages = pdfInfo(s.loPdf).pages;
  stored.push(...made);
}

after(() => rmSync(dir, { recursive: true, force: true }));

test('the status bar shows the page count LibreOffice renders, and a “第 N 页” marker stands where each page starts', async (t) => {
  await setUp();
  const app = await AppPage.open(env.browser, env.served);
  for (const s of stored) {
    await app.openDoc(s.id);
    const count = app.page.getByTestId('page-count');
    await waitUntil(`状态栏显示“约 ${s.loPages} 页”`, async () => (await count.innerText()).trim() === `约 ${s.loPages} 页`, 20_000);
    t.diagnostic(`${s.report.name}: 状态栏 约 ${s.loPages} 页，LibreOffice ${s.loPages} 页`);
    const markers = app.editor.locator(markerSelector);
    await waitUntil('每个分页处一个标记', async () => (await markerPages(app)).length === s.loPages - 1);
    assert.deepEqual(await markerPages(app), upTo(s.loPages));
    // Each marker is drawn (a dashed line with its label), outside the text.
    const drawn = await markers.first().evaluate((el) => {
      const view = el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown, pseudo: string): { content: string; borderTopStyle: string } };
      const style = view.getComputedStyle(el, '::after');
      return { content: style.content, border: style.borderTopStyle, text: el.textContent ?? '' };
    });
    assert.notEqual(drawn.content, 'none');
    assert.equal(drawn.border, 'dashed');
    assert.doesNotMatch(drawn.text, /第 \d+ 页/);
  }
  const long = stored[0] as Stored;
  await app.openDoc(long.id);
  await waitUntil('分页标记出现', async () => (await markerPages(app)).length === long.loPages - 1);
  // A look at it: the editor scrolled to the page 3 marker, with the status bar.
  await app.editor.locator('[data-page-start="3"], [data-page-end="3"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await app.page.screenshot({ path: path.join(os.tmpdir(), 'wengao-pages-editor.png') });
  // Clicking the count hides the markers; clicking again shows them. The document is not touched.
  // (Opening may normalise and save the document once: let that settle first.)
  await app.waitSaved(20_000);
  await app.page.waitForTimeout(1500);
  const before = await getDoc(env.served, long.id);
  await app.page.getByTestId('page-count').click();
  await waitUntil('分页标记隐藏', async () => (await app.editor.locator(markerSelector).count()) === 0);
  await app.page.getByTestId('page-count').click();
  await waitUntil('分页标记重新出现', async () => (await markerPages(app)).length === long.loPages - 1);
  assert.equal((await getDoc(env.served, long.id)).revision, before.revision, 'markers never change the document');
  await app.close();
});

test('typing more text recounts the pages (when typing pauses) to what the export of the saved text gives', async () => {
  await setUp();
  const app = await AppPage.open(env.browser, env.served);
  const long = stored[0] as Stored;
  await app.openDoc(long.id);
  const count = app.page.getByTestId('page-count');
  await waitUntil('页数出现', async () => (await count.innerText()).trim() === `约 ${long.loPages} 页`, 20_000);
  // Two and a half pages of text (22 lines × 28 characters a page): five new paragraphs after the first.
  await app.editor.locator('p').nth(1).click();
  await app.page.keyboard.press('End');
  for (let i = 0; i < 5; i += 1) {
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.insertText('在全市范围内开展意识形态工作责任制落实情况专项检查。'.repeat(12));
  }
  await app.waitSaved(20_000);
  const doc = await getDoc(env.served, long.id);
  const expected = estimatePages({ title: doc.title, blocks: reportBlocks(doc.content) }, GBT9704_PROFILE).pages;
  assert.ok(expected >= long.loPages + 2, `${expected} pages after adding 1,560 characters in five paragraphs`);
  await waitUntil(`状态栏显示“约 ${expected} 页”`, async () => (await count.innerText()).trim() === `约 ${expected} 页`, 10_000);
  await waitUntil('分页标记随之更新', async () => (await markerPages(app)).join() === upTo(expected).join(), 10_000);
  await app.close();
});

test('导出为 PDF: the print view prints as an A4 PDF with the profile’s margins, LibreOffice’s pages and page numbers', async (t) => {
  await setUp();
  // Back to the stored text the .docx was made from (the previous test typed into the long report).
  const long = stored[0] as Stored;
  await call(env.served, 'documents.save', { id: long.id, baseRevision: (await getDoc(env.served, long.id)).revision, content: long.report.content });
  const app = await AppPage.open(env.browser, env.served);
  for (const s of stored) {
    await app.openDoc(s.id);
    // Browser mode opens the browser's print window on the print view; here it only records the call.
    await app.page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
    await app.page.keyboard.press('Control+Shift+P');
    const note = app.page.getByTestId('pdf-browser-note');
    await note.waitFor({ timeout: 30_000 });
    assert.match(await note.innerText(), new RegExp(`排好 ${s.loPages} 页.*另存为 PDF`));
    assert.equal(await app.page.evaluate('window.printed'), 1);
    const file = path.join(dir, `${s.report.name.replace(/\.txt$/, '')}-chromium.pdf`);
    writeFileSync(file, await app.page.pdf({ preferCSSPageSize: true }));
    const info = pdfInfo(file);
    t.diagnostic(`${s.report.name}: PDF ${info.pages} 页 ${info.width} × ${info.height} pt；LibreOffice ${s.loPages} 页`);
    assert.equal(info.pages, s.loPages);
    assert.ok(Math.abs(info.width - 595.28) <= 1 && Math.abs(info.height - 841.89) <= 1, `${info.width} × ${info.height}`);
    // Every page holds the text LibreOffice puts on that page.
    const ours = pageCharacters(file);
    const theirs = pageCharacters(s.loPdf);
    const differing = ours.flatMap((chars, i) => (chars === theirs[i] ? [] : [i + 1]));
    assert.deepEqual(differing, [], `pages whose text differs from LibreOffice's: ${differing.join(', ')}`);
    // Text starts 28 mm from the left edge and the top line sits below the 37 mm margin.
    const page2 = words(file, Math.min(2, info.pages));
    const body = page2.filter((w) => w.yMin < 841.89 - 35 * PT_PER_MM);
    const left = Math.min(...body.map((w) => w.xMin));
    t.diagnostic(`${s.report.name}: 左边距 ${left.toFixed(2)} pt（28 mm = ${(28 * PT_PER_MM).toFixed(2)} pt）`);
    assert.ok(Math.abs(left - 28 * PT_PER_MM) < 1, `left edge ${left}`);
    assert.ok(Math.min(...body.map((w) => w.yMin)) > 37 * PT_PER_MM - 12);
    // "— 1 —" on odd pages one character in from the right, "— 2 —" on even pages from the left.
    const footer = (page: number): { text: string; xMin: number; xMax: number } => {
      const ws = words(file, page).filter((w) => w.yMin > 841.89 - 35 * PT_PER_MM);
      return { text: ws.map((w) => w.text).join(' '), xMin: Math.min(...ws.map((w) => w.xMin)), xMax: Math.max(...ws.map((w) => w.xMax)) };
    };
    const textRight = 595.28 - 26 * PT_PER_MM;
    const first = footer(1);
    assert.equal(first.text, '— 1 —');
    assert.ok(Math.abs(first.xMax - (textRight - 14)) < 2, `page 1 number ends at ${first.xMax}`);
    if (info.pages > 1) {
      const second = footer(2);
      assert.equal(second.text, '— 2 —');
      assert.ok(Math.abs(second.xMin - (28 * PT_PER_MM + 14)) < 2, `page 2 number starts at ${second.xMin}`);
    }
    if (s === stored[0]) {
      run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(os.tmpdir(), 'wengao-pdf-page')], 'poppler-utils');
    }
    await app.page.getByTestId('pdf-done').click();
    await waitUntil('打印视图移除', async () => (await app.page.locator('.print-view').count()) === 0);
  }
  await app.close();
});

test('desktop: 导出为 PDF prints the window to PDF (printToPDF) and saves it under the report’s title', async () => {
  await setUp();
  const summary = stored[1] as Stored;
  // The desktop shell, played by the test: contract calls go to browser mode's server, and
  // shell.printToPdf prints the page as webContents.printToPDF would (same engine, CSS page size).
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.exposeFunction('printWindowToPdf', async () => (await page.pdf({ preferCSSPageSize: true })).toString('base64'));
  // (A string: the test runner's compiled functions would not run in the page.)
  await page.addInitScript(`
    window.bridge = {
      async call(method, input) {
        if (method === 'shell.printToPdf') return { ok: true, value: { dataBase64: await window.printWindowToPdf() } };
        if (method === 'shell.saveFile') {
          window.saved = input;
          return { ok: true, value: { saved: true, path: 'D:\\\\文档\\\\' + input.fileName } };
        }
        const res = await fetch('/api/' + method, { method: 'POST', headers: { Authorization: 'Bearer ' + ${JSON.stringify(env.served.token)}, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        return res.json();
      },
      on: () => () => undefined,
    };
  `);
  await page.goto(env.served.origin);
  await page.locator(`[data-testid="doc-item"][data-doc-id="${summary.id}"] button.doc-item`).click();
  await page.getByTestId('editor').waitFor();
  assert.match(await page.locator('.statusbar').innerText(), /桌面版/);
  await page.getByTestId('export-pdf').click();
  const toast = page.getByTestId('toast').filter({ hasText: '已导出为 PDF' });
  await toast.waitFor({ timeout: 30_000 });
  assert.equal((await toast.innerText()).trim().split('\n')[0], `已导出为 PDF（${summary.loPages} 页）：D:\\文档\\2025年上半年意识形态工作总结.pdf`);
  const saved = (await page.evaluate('window.saved')) as { fileName: string; dataBase64: string; filter: unknown };
  assert.equal(saved.fileName, '2025年上半年意识形态工作总结.pdf');
  assert.deepEqual(saved.filter, { name: 'PDF 文档', extensions: ['pdf'] });
  const file = path.join(dir, 'desktop.pdf');
  writeFileSync(file, Buffer.from(saved.dataBase64, 'base64'));
  const info = pdfInfo(file);
  assert.equal(info.pages, summary.loPages);
  assert.ok(Math.abs(info.width - 595.28) <= 1 && Math.abs(info.height - 841.89) <= 1);
  assert.deepEqual(pageCharacters(file), pageCharacters(summary.loPdf));
  // Done: the print view is gone, the window is the editor again.
  assert.equal(await page.locator('.print-view').count(), 0);
  await context.close();
});

test('the page count and the PDF follow the profile chosen for exports (29 pt line pitch: 21 lines a page)', async () => {
  await setUp();
  const long = stored[0] as Stored;
  const profile = { ...GBT9704_PROFILE, name: '本地格式（29 磅行距）', body: { ...GBT9704_PROFILE.body, lineSpacingPt: 29 }, title: { ...GBT9704_PROFILE.title, lineSpacingPt: 29 } };
  const saved = await call<{ id: string }>(env.served, 'profiles.save', { name: profile.name, profile });
  const doc = await getDoc(env.served, long.id);
  const expected = estimatePages({ title: doc.title, blocks: reportBlocks(doc.content) }, profile).pages;
  assert.ok(expected > long.loPages, `${expected} pages at 21 lines a page`);
  const app = await AppPage.open(env.browser, env.served);
  // Choose it as the export dialog does (remembered for the next export).
  await app.page.evaluate(`localStorage.setItem('wengao.exportProfile', ${JSON.stringify(saved.id)})`);
  await app.page.reload();
  await app.waitLoaded();
  await app.openDoc(long.id);
  const count = app.page.getByTestId('page-count');
  await waitUntil(`状态栏显示“约 ${expected} 页”`, async () => (await count.innerText()).trim() === `约 ${expected} 页`, 20_000);
  assert.match((await count.getAttribute('title')) ?? '', /本地格式（29 磅行距）.*每页 21 行/);
  await app.page.evaluate('window.print = () => {}');
  await app.page.keyboard.press('Control+Shift+P');
  await app.page.getByTestId('pdf-browser-note').waitFor({ timeout: 30_000 });
  const file = path.join(dir, 'profile.pdf');
  writeFileSync(file, await app.page.pdf({ preferCSSPageSize: true }));
  assert.equal(pdfInfo(file).pages, expected);
  await app.page.getByTestId('pdf-done').click();
  await app.close();
});
