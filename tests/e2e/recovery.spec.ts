// The storage recovery screen: a corrupt database shows a full-page Chinese explanation with the
// backups (newest first); 从此备份恢复 brings the documents back; 新建空数据库 starts empty and keeps
// the damaged file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServe } from './harness';
import { AppPage, call, waitUntil } from './appPage';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A data folder holding one document and a backup of it, whose live database is then smashed. */
async function corruptDataDir(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-corrupt-'));
  const first = await startServe({ dataDir });
  try {
    const doc = await call<{ id: string }>(first, 'documents.create', { title: '备份里的文稿' });
    await call(first, 'documents.replaceText', { id: doc.id, text: '这段文字在备份中。' });
    await call(first, 'storage.backup');
  } finally {
    await first.stop();
  }
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith('wengao.sqlite')) rmSync(path.join(dataDir, name), { force: true });
  }
  writeFileSync(path.join(dataDir, 'wengao.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
  return dataDir;
}

test('corrupt database: recovery screen, restore from the newest backup', async () => {
  const dataDir = await corruptDataDir();
  const served = await startServe({ dataDir });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(served.url);
    const screen = page.getByTestId('recovery');
    await screen.waitFor();
    assert.match(await screen.innerText(), /文稿数据库无法打开/);
    assert.match(await screen.innerText(), /损坏的原文件都会保留/);
    const backups = screen.getByRole('list', { name: '备份列表' }).getByRole('listitem');
    assert.equal(await backups.count(), 1);
    assert.match(await backups.first().innerText(), /最新/);
    await page.screenshot({ path: path.join(os.tmpdir(), 'wengao-screens-recovery.png') });
    await backups.first().getByRole('button', { name: '从此备份恢复' }).click();
    await page.getByRole('complementary', { name: '文稿库' }).waitFor();
    await page.getByTestId('doc-item').filter({ hasText: '备份里的文稿' }).waitFor();
    await waitUntil('正文已恢复', async () => (await page.getByTestId('editor').innerText()).includes('这段文字在备份中。'));
    await context.close();
  } finally {
    await served.stop();
  }
});

test('corrupt database: 新建空数据库 asks first, then opens an empty library', async () => {
  const dataDir = await corruptDataDir();
  const served = await startServe({ dataDir });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(served.url);
    await page.getByTestId('recovery').waitFor();
    await page.getByRole('button', { name: '新建空数据库（原文件会保留）' }).click();
    const dialog = page.getByRole('dialog', { name: '新建空数据库？' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '新建空数据库（原文件会保留）' }).click();
    await dialog.getByRole('button', { name: '新建空数据库' }).click();
    await page.getByText('还没有文稿').waitFor();
    const kept = readdirSync(dataDir).filter((name) => /^wengao\..*corrupt.*\.sqlite$|^wengao\.sqlite\.corrupt/.test(name));
    assert.ok(kept.length >= 1, `the damaged file is kept (${readdirSync(dataDir).join(', ')})`);
    await context.close();
  } finally {
    await served.stop();
  }
});

test('a fresh data folder opens straight into the library', async () => {
  const served = await startServe();
  try {
    const app = await AppPage.open(browser, served);
    assert.equal(await app.page.getByTestId('recovery').count(), 0);
    await app.page.getByText('还没有文稿').waitFor();
    await app.close();
  } finally {
    await served.stop();
  }
});
