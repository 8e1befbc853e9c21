// Editor measurements in Chromium (browser mode via `serve` + playwright-core) on a 60,000-character
// report with 200 headings and the outline panel open:
//   renumber_200_headings_ms — a level-1 section dropped at the top in the outline panel, until the
//     new numbers are on the page and in the outline, laid out: median of several moves;
//   typing_60k_p95_ms — from each keystroke's input event to the start of the next frame (the
//     first requestAnimationFrame after it, read with performance.now(), so a frame delayed by our
//     work counts late), p95. Measured in a second Chromium without the 60 Hz frame clock
//     (--disable-frame-rate-limit --disable-gpu-vsync): with it, a keystroke that waits for nothing
//     but the next tick already takes 0–16.7 ms, so every editor's p95 sits near 16 ms whatever it
//     does; without it the next frame starts as soon as the keystroke's work is done, and the
//     figure is that work. typing_3k_p95_ms measures a 3,000-character document the same way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentFromParagraphs } from '../main/common/documentModel';
import type { DocumentContent, SerializedNode } from '../main/common/documentModel';
import { fieldParagraphNode, headingNode } from '../main/common/reportModel';
import { chromiumPath, startServe } from '../tests/e2e/harness';
import type { Measurement } from './context';
import { median, ms, percentile } from './stats';

const root = path.resolve(__dirname, '..');
const MOVES = 21;
const KEYSTROKES = 300;

/** A 60,000-character report: 8 level-1 sections, 6 level-2 in each, 3 level-3 in each of those. */
export function benchReport(generate: (chars: number) => { paragraphs: string[] }, targetChars = 60_000): DocumentContent {
  const children: SerializedNode[] = [];
  const headings: [1 | 2 | 3, string][] = [];
  for (let a = 1; a <= 8; a++) {
    headings.push([1, `第${a}部分工作情况`]);
    for (let b = 1; b <= 6; b++) {
      headings.push([2, `抓好第${a}-${b}项重点任务`]);
      for (let c = 1; c <= 3; c++) headings.push([3, `落实第${a}-${b}-${c}项具体措施`]);
    }
  }
  const perSection = Math.floor(targetChars / headings.length) - 12;
  for (const [level, text] of headings) {
    children.push(headingNode(level, text));
    children.push(fieldParagraphNode(generate(perSection).paragraphs.join('')));
  }
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } as DocumentContent['root'] };
}

// In-page scripts are plain JavaScript strings: the bench is compiled for Node, without DOM types.

/**
 * Moves the last level-1 section to the top through the outline panel, as a user drags it: the
 * panel scrolled down to the section's row, the drag started there, the panel scrolled back up to
 * the first row, then the drop; resolves to ms from the drop until page and outline show the new
 * numbers. (The outline renders only the rows near its view, so the rows are looked up after each
 * scroll.)
 */
export const moveScript = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const rows = () => Array.from(document.querySelectorAll('[data-testid="outline-item"]'));
  const scroller = document.querySelector('[data-testid="outline"] .outline-body');
  scroller.scrollTop = scroller.scrollHeight;
  await frame();
  await frame();
  const level1 = rows().filter((r) => r.dataset.level === '1');
  const source = level1[level1.length - 1];
  if (!source) throw new Error('no outline rows');
  const movedText = source.querySelector('.outline-text').textContent;
  const transfer = new DataTransfer();
  // The events' coordinates are read before the clock starts: a real drag's events carry them from
  // the browser, so reading them (a forced layout after the drop) is not the app's work.
  const fire = (el, type, y) => {
    const box = el.getBoundingClientRect();
    el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 20, clientY: box.top + y }));
  };
  fire(source, 'dragstart', 5);
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const target = rows().find((r) => r.dataset.level === '1');
  if (!target || target === source) throw new Error('no first row');
  fire(target, 'dragenter', 3);
  fire(target, 'dragover', 3);
  const targetBox = target.getBoundingClientRect();
  const sourceBox = source.getBoundingClientRect();
  const drop = () => target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: targetBox.left + 20, clientY: targetBox.top + 3 }));
  const end = () => source.dispatchEvent(new DragEvent('dragend', { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: sourceBox.left + 20, clientY: sourceBox.top + 5 }));
  // The pointer rests on the target a moment before the button is released (the drop mark shown).
  await new Promise((resolve) => setTimeout(resolve, 150));
  const pageFirst = () => {
    const h = document.querySelector('[data-testid="editor"] [data-number]');
    return h ? (h.getAttribute('data-number') || '') + h.textContent : '';
  };
  const outlineFirst = () => (rows()[0] ? rows()[0].textContent : '');
  const done = () => pageFirst() === '一、' + movedText && outlineFirst().startsWith('一、' + movedText);
  return new Promise((resolve) => {
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      void document.body.offsetHeight; // the new numbers laid out
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-number'] });
    t0 = performance.now();
    drop();
    end();
  });
})()`;

/** Records, for every input event, the time until the next frame starts on the main thread. */
const latencyScript = `(() => {
  window.__latency = [];
  document.addEventListener('beforeinput', (event) => {
    const t0 = event.timeStamp;
    requestAnimationFrame(() => window.__latency.push(performance.now() - t0));
  }, true);
})()`;

/** Types KEYSTROKES characters at the end of the paragraph-th paragraph; latencies after a warm-up. */
async function typingLatency(page: Page, paragraph: number): Promise<number[]> {
  await page.getByTestId('editor').locator('p').nth(paragraph).click();
  await page.keyboard.press('End');
  await page.waitForTimeout(200);
  await page.evaluate(latencyScript);
  const sample = '一是加强组织领导，2025年完成调研12次。二是压实工作责任，推动各项任务落地见效。';
  for (let typed = 0; typed < KEYSTROKES; typed += 1) {
    const ch = sample[typed % sample.length] ?? '字';
    if (/[0-9]/.test(ch)) await page.keyboard.press(`Digit${ch}`);
    else await page.keyboard.insertText(ch);
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(500);
  return ((await page.evaluate('window.__latency')) as number[]).slice(20);
}

/** Times one move. */
function timeMove(page: Page): Promise<number> {
  return page.evaluate(moveScript) as Promise<number>;
}

/** editor figures: renumber_200_headings_ms, typing_60k_p95_ms and typing_3k_p95_ms. */
export const editorMeasurement: Measurement = {
  name: 'editor',
  async run({ generate, log }) {
    let executablePath: string;
    try {
      executablePath = chromiumPath();
    } catch {
      log('  未找到 Chromium，跳过编辑器测量。');
      return { renumber_200_headings_ms: null, typing_60k_p95_ms: null, typing_3k_p95_ms: null };
    }
    log('测量：编辑器（6 万字、200 个标题、提纲面板打开）');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(root, 'renderer', 'vite.config.mts'), '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`界面构建失败：${build.stderr}`);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-editor-'));
    const served = await startServe({ dataDir });
    const launch = (unthrottled: boolean) =>
      chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=zh-CN', ...(unthrottled ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : [])],
      });
    const browsers: Browser[] = [];
    try {
      const content = benchReport(generate);
      const created = await served.api('documents.create', { title: '基准：六万字工作总结', content });
      if (!created.ok) throw new Error(`创建基准文稿失败：${created.error?.message}`);
      const small = await served.api('documents.create', { title: '基准：三千字', content: contentFromParagraphs(generate(3_000).paragraphs) });
      if (!small.ok) throw new Error(`创建基准文稿失败：${small.error?.message}`);
      const errors: string[] = [];
      /** Opens a document in a fresh browser (the frame clock on, or off for the typing figures). */
      const open = async (id: string, unthrottled: boolean): Promise<Page> => {
        for (const previous of browsers.splice(0)) await previous.close();
        const browser = await launch(unthrottled);
        browsers.push(browser);
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(served.url);
        await page.locator(`[data-doc-id="${id}"] button.doc-item`).click();
        await page.getByTestId('editor').waitFor();
        return page;
      };
      const bigId = (created.value as { id: string }).id;
      let page = await open(bigId, false);
      await page.getByTestId('outline').getByText('200 个标题').waitFor();
      const headings = await page.getByTestId('editor').locator('[data-number]').count();
      const chars = (await page.evaluate(`document.querySelector('[data-testid="editor"]').textContent.length`)) as number;
      log(`  文稿：${chars} 字，${headings} 个标题`);

      // Renumbering: warm up once, then time several moves (each brings another section to the top).
      await timeMove(page);
      await page.waitForTimeout(300);
      const moves: number[] = [];
      for (let i = 0; i < MOVES; i++) {
        moves.push(await timeMove(page));
        await page.waitForTimeout(200);
      }

      page = await open(bigId, true);
      await page.getByTestId('outline').getByText('200 个标题').waitFor();
      const typing60k = await typingLatency(page, 100);
      // The floor: the same typing in a 3,000-character document.
      page = await open((small.value as { id: string }).id, true);
      await page.waitForTimeout(800);
      const typing3k = await typingLatency(page, 2);
      if (errors.length) throw new Error(`页面报错：${errors.join('; ')}`);
      log(`  重排编号：${moves.map((m) => m.toFixed(1)).join(', ')} ms；打字 p50 ${median(typing60k).toFixed(1)} ms（三千字文稿 ${median(typing3k).toFixed(1)} ms）`);
      return {
        renumber_200_headings_ms: ms(median(moves)),
        typing_60k_p95_ms: ms(percentile(typing60k, 95)),
        typing_3k_p95_ms: ms(percentile(typing3k, 95)),
      };
    } finally {
      for (const browser of browsers) await browser.close();
      await served.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
