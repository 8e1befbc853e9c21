// How the renderer reaches the app: the token from the address (kept for reloads, removed from
// the address bar), a Chinese message for a bad token, browser-mode stand-ins for shell methods,
// and the Electron path (window.bridge) with native-menu commands, emulated over HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserMode } from './harness';
import { AppPage, call, getDoc, waitUntil } from './appPage';

const env = useBrowserMode();

test('the token leaves the address bar and survives a reload', async () => {
  const app = await AppPage.open(env.browser, env.served);
  assert.equal(new URL(app.page.url()).hash, '', 'no token in the address bar');
  await app.page.reload();
  await app.waitLoaded();
  assert.equal(await app.page.getByRole('alert').count(), 0);
  await app.close();
});

test('a wrong token shows how to reopen the app', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${env.served.origin}/#token=wrong-token`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /访问令牌无效，请从 npm run serve 输出的地址重新打开/);
  await context.close();
});

test('no token at all: a Chinese explanation, not a blank page', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${env.served.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /没有找到访问令牌/);
  await context.close();
});

test('browser mode: 数据文件夹 shows the path from app.info', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.page.getByRole('button', { name: '数据文件夹' }).click();
  const dialog = app.page.getByRole('dialog', { name: '数据文件夹' });
  await dialog.waitFor();
  assert.equal((await dialog.getByTestId('data-dir').innerText()).trim(), env.served.dataDir);
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await app.close();
});

/** Installs a window.bridge that forwards calls to the HTTP API (as the preload forwards to IPC). */
function bridgeScript(origin: string, token: string): string {
  return `(() => {
    const listeners = new Map();
    window.__bridgeCalls = [];
    window.__emit = (event, payload) => (listeners.get(event) || []).forEach((l) => l(payload));
    window.bridge = {
      async call(method, input) {
        window.__bridgeCalls.push(method);
        if (method.startsWith('shell.')) return { ok: true, value: { ok: true } };
        const res = await fetch(${JSON.stringify(origin)} + '/api/' + method, {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + ${JSON.stringify(token)}, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        return res.json();
      },
      on(event, listener) {
        const list = listeners.get(event) || [];
        list.push(listener);
        listeners.set(event, list);
        return () => listeners.set(event, (listeners.get(event) || []).filter((l) => l !== listener));
      },
    };
  })();`;
}

test('Electron path: calls go through window.bridge; menu commands run the same actions', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: bridgeScript(env.served.origin, env.served.token) });
  const page = await context.newPage();
  await page.goto(`${env.served.origin}/`);
  await page.getByRole('complementary', { name: '文稿库' }).waitFor();
  assert.match(await page.getByRole('contentinfo', { name: '状态栏' }).innerText(), /桌面版/);
  const emit = (command: string): Promise<unknown> => page.evaluate(`window.__emit('app.didRequestCommand', { command: ${JSON.stringify(command)} })`);

  // 新建 from the menu, then type and save from the menu.
  const before = await call<{ id: string }[]>(env.served, 'documents.list', { trashed: false });
  await emit('newDocument');
  const created = await waitUntil('菜单新建', async () => {
    const now = await call<{ id: string }[]>(env.served, 'documents.list', { trashed: false });
    return now.find((d) => !before.some((b) => b.id === d.id));
  });
  await page.getByTestId('title').waitFor();
  await page.keyboard.insertText('菜单命令');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('从菜单保存。');
  await emit('saveNow');
  await waitUntil('菜单保存', async () => JSON.stringify((await getDoc(env.served, created.id)).content).includes('从菜单保存。'), 3000);

  // 查找 focuses the search box; 重命名 focuses the title.
  await emit('find');
  assert.equal(await page.evaluate('document.activeElement?.getAttribute("aria-label")'), '搜索文稿');
  await emit('rename');
  assert.equal(await page.evaluate('document.activeElement?.getAttribute("data-testid")'), 'title');

  // Zoom commands change the page scale shown in the status bar.
  await emit('zoomIn');
  await page.getByRole('button', { name: '110%' }).waitFor();
  await emit('zoomReset');
  await page.getByRole('button', { name: '110%' }).waitFor({ state: 'detached' });

  // 关于 shows version and data folder; 回收站 view; 移到回收站 from the menu.
  await emit('about');
  const about = page.getByRole('dialog', { name: '关于文稿' });
  assert.match(await about.innerText(), new RegExp(env.served.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await about.getByRole('button', { name: '好' }).click();
  await emit('trash');
  await waitUntil('菜单移到回收站', async () => (await getDoc(env.served, created.id)).trashedAt !== null);
  await emit('showTrash');
  await page.locator(`[data-testid="trash-item"][data-doc-id="${created.id}"]`).waitFor();
  await emit('showLibrary');
  await page.getByRole('tab', { name: /全部文稿/ }).and(page.locator('[aria-selected="true"]')).waitFor();

  // Closing the window: app.willQuit flushes what was just typed, then acknowledges.
  await page.getByRole('tab', { name: /全部文稿/ }).click();
  const other = await call<{ id: string }>(env.served, 'documents.create', { title: '关闭前' });
  await emit('showLibrary');
  await page.reload();
  await page.getByRole('complementary', { name: '文稿库' }).waitFor();
  await page.locator(`[data-testid="doc-item"][data-doc-id="${other.id}"] button.doc-item`).click();
  await page.getByTestId('editor').click();
  await page.keyboard.insertText('关闭窗口前最后一句。');
  await page.evaluate(`window.__emit('app.willQuit', {})`);
  await waitUntil('确认可以关闭', async () => ((await page.evaluate('window.__bridgeCalls')) as string[]).includes('shell.readyToQuit'), 3000);
  assert.match(JSON.stringify((await getDoc(env.served, other.id)).content), /关闭窗口前最后一句。/, 'saved before the acknowledgement');

  // 数据文件夹 uses the shell method in the desktop app.
  await page.getByRole('button', { name: '数据文件夹' }).click();
  await waitUntil('调用 shell.openDataFolder', async () => ((await page.evaluate('window.__bridgeCalls')) as string[]).includes('shell.openDataFolder'));
  assert.equal(await page.getByRole('dialog').count(), 0);
  await context.close();
});
