// Bringing old reports in (paste → preview → confirm; a batch of files with a summary) and
// exporting to Word from the toolbar (warnings first, then the .docx download in browser mode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowserMode } from './harness';
import { AppPage, call, waitUntil } from './appPage';

const env = useBrowserMode();

const samples = path.join(__dirname, '..', 'fixtures', 'samples');

test('pasted text is previewed with its outline; a level can be corrected before it is stored', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const before = (await call<unknown[]>(env.served, 'documents.list', {})).length;
  await app.page.getByTestId('import-open').click();
  await app.page.getByLabel('粘贴要导入的文字').fill(readFileSync(path.join(samples, 'branch-work-report.txt'), 'utf8'));
  await app.page.getByTestId('import-recognise').click();
  const outline = app.page.getByTestId('import-outline');
  await waitUntil('预览出现', async () => (await outline.locator('li').count()) === 8);
  assert.match((await outline.textContent()) ?? '', /一、加强学习,强化认识,扎实开展学习活动/);
  assert.equal((await call<unknown[]>(env.served, 'documents.list', {})).length, before, 'nothing stored before confirming');
  // Demote the second section to level 2: the preview renumbers at once.
  await app.page.getByLabel('“加强平台建设,完善工作机制,努力扩大民进影响”的层级').selectOption('2');
  assert.match((await outline.textContent()) ?? '', /（一）加强平台建设/);
  await app.page.getByTestId('import-confirm').click();
  await waitUntil('导入后打开', async () => (await app.pageHeadings()).length === 8);
  const headings = await app.pageHeadings();
  assert.equal(headings[0], '一、加强学习,强化认识,扎实开展学习活动');
  assert.equal(headings[1], '（一）加强平台建设,完善工作机制,努力扩大民进影响');
  assert.equal((await call<unknown[]>(env.served, 'documents.list', {})).length, before + 1);
  await app.close();
});

test('a batch of files imports with a summary naming what failed and why', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-batch-'));
  const legacy = path.join(dir, '旧格式.doc');
  writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  await app.page.getByTestId('import-open').click();
  await app.page.getByTestId('import-files').setInputFiles([path.join(samples, 'half-year-summary.txt'), path.join(samples, 'web-copy-traditional.txt'), legacy]);
  const summary = app.page.getByTestId('import-summary');
  await summary.waitFor();
  assert.equal((await summary.textContent())?.trim(), '成功 2 篇，失败 1 篇。');
  assert.match((await app.page.locator('.import-outcomes').textContent()) ?? '', /旧格式\.doc：.*另存为/);
  await app.close();
});

test('导出 Word: warnings come first, then the .docx downloads named after the title', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newFromTemplate('半年工作总结', { 单位名称: '某某局' });
  await app.page.getByTestId('export-docx').click();
  const warnings = app.page.getByTestId('export-warnings');
  await warnings.waitFor();
  assert.match((await warnings.textContent()) ?? '', /未填写的填空项/);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-anyway').click()]);
  assert.match(download.suggestedFilename(), /^某某局.*\.docx$/);
  const file = await download.path();
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
  await app.close();
});
