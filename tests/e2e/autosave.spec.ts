// Autosave against the real server (reliability.md): edits go to the document they were made in
// even when the writer switches at once, nothing is saved mid-IME-composition, the composed text
// is saved after compositionend, and text typed right before a reload is not lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession } from 'playwright-core';
import { useBrowserMode } from './harness';
import { AppPage, call, getDoc, storedParagraphs, waitUntil } from './appPage';

const env = useBrowserMode();

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('type into A then switch to B at once: A has the text, B does not', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const a = await app.newDocument();
  await app.page.keyboard.insertText('甲');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('甲文稿原有的一段。');
  await app.waitSaved();
  const b = await app.newDocument();
  await app.page.keyboard.insertText('乙');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('乙文稿原有的一段。');
  await app.waitSaved();

  for (let round = 1; round <= 3; round += 1) {
    await app.openDoc(a);
    await app.focusEnd();
    await app.page.keyboard.insertText(`甲新增${round}`);
    // No pause: the click lands well inside the 800 ms debounce.
    await app.docItem(b).locator('button.doc-item').click();
    await app.focusEnd();
    await app.page.keyboard.insertText(`乙新增${round}`);
    await app.docItem(a).locator('button.doc-item').click();
  }
  await app.waitSaved();
  await sleep(1000);
  assert.deepEqual(await storedParagraphs(env.served, a), ['甲文稿原有的一段。甲新增1甲新增2甲新增3']);
  assert.deepEqual(await storedParagraphs(env.served, b), ['乙文稿原有的一段。乙新增1乙新增2乙新增3']);
  for (const save of app.saves) {
    if (save.id === a) assert.doesNotMatch(save.text, /乙/, 'A never receives B’s text');
    if (save.id === b) assert.doesNotMatch(save.text, /甲/, 'B never receives A’s text');
  }
  // And the UI shows each document's own text.
  await app.openDoc(b);
  assert.deepEqual(await app.editorParagraphs(), ['乙文稿原有的一段。乙新增1乙新增2乙新增3']);
  await app.close();
});

/** Starts or updates an IME composition through the DevTools protocol, as a Chinese IME would. */
async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

test('IME: no save mid-composition; the composed text is saved after compositionend', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('输入法');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('开头');
  await app.waitSaved();
  const cdp = await app.context.newCDPSession(app.page);
  const savesBefore = app.saves.length;

  await compose(cdp, 'z');
  await compose(cdp, 'zh');
  await compose(cdp, 'zhong');
  await compose(cdp, 'zhongwen');
  // Well past the debounce: a save now would store the pinyin.
  await sleep(2000);
  assert.equal(app.saves.length, savesBefore, 'no documents.save while composing');
  assert.equal(await app.editor.innerText().then((t) => t.includes('zhongwen')), true, 'the composition is on screen');

  await cdp.send('Input.insertText', { text: '中文' });
  await app.waitSaved();
  await waitUntil('组合输入的文字已保存', async () => (await storedParagraphs(env.served, id)).join('') === '开头中文');
  assert.ok(app.saves.length > savesBefore);
  for (const save of app.saves.slice(savesBefore)) assert.doesNotMatch(save.text, /[a-z]/, 'pinyin never reaches the store');

  // A second composition, then switching documents right after it ends: still saved.
  await compose(cdp, 'baogao');
  await cdp.send('Input.insertText', { text: '报告' });
  const other = await app.newDocument();
  assert.notEqual(other, id);
  await waitUntil('切换前的组合输入已保存', async () => (await storedParagraphs(env.served, id)).join('') === '开头中文报告');
  assert.deepEqual(await storedParagraphs(env.served, other), []);
  await app.close();
});

test('text typed right before a reload is kept (flush on pagehide)', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('刷新');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('刷新前最后一句。');
  await app.page.reload();
  await waitUntil('刷新前的文字已保存', async () => (await storedParagraphs(env.served, id)).join('') === '刷新前最后一句。');
  await app.close();
});

test('a save that fails keeps the text, shows 保存失败 with 重试, then saves', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('失败重试');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('第一句。');
  await app.waitSaved();
  // The next saves fail as a full disk would.
  let failing = true;
  await app.page.route('**/api/documents.save', async (route) => {
    if (failing) {
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'IO', message: '磁盘已满，写入失败。' } }) });
    } else {
      await route.continue();
    }
  });
  await app.page.keyboard.insertText('第二句。');
  await waitUntil('状态栏显示保存失败', async () => (await app.saveStatus.innerText()).includes('保存失败'));
  const banner = app.page.getByTestId('save-error-banner');
  assert.match(await banner.innerText(), /磁盘已满/);
  assert.match(await banner.innerText(), /您的文字仍保留在编辑器中/);
  assert.deepEqual(await app.editorParagraphs(), ['第一句。第二句。']);
  failing = false;
  await app.saveStatus.getByRole('button', { name: '重试' }).click();
  await app.waitSaved();
  assert.deepEqual(await storedParagraphs(env.served, id), ['第一句。第二句。']);
  assert.equal(await banner.count(), 0);
  await app.close();
});

test('a conflict offers 保留我的版本 and 载入已保存的版本', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('冲突');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('本窗口的文字。');
  await app.waitSaved();
  // Another window saves a newer revision.
  const stored = await getDoc(env.served, id);
  await call(env.served, 'documents.replaceText', { id, text: '别处改过的文字。' });
  assert.ok((await getDoc(env.served, id)).revision > stored.revision);

  await app.page.keyboard.insertText('继续写');
  const banner = app.page.getByTestId('conflict-banner');
  await banner.waitFor();
  assert.match(await app.saveStatus.innerText(), /版本冲突/);
  await banner.getByRole('button', { name: '保留我的版本' }).click();
  await app.waitSaved();
  assert.deepEqual(await storedParagraphs(env.served, id), ['本窗口的文字。继续写']);

  await call(env.served, 'documents.replaceText', { id, text: '第二次别处的修改。' });
  await app.page.keyboard.insertText('又写');
  await banner.waitFor();
  await banner.getByRole('button', { name: '载入已保存的版本' }).click();
  await waitUntil('载入已保存的版本', async () => (await app.editorParagraphs()).join('') === '第二次别处的修改。');
  await app.waitSaved();
  assert.deepEqual(await storedParagraphs(env.served, id), ['第二次别处的修改。']);
  await app.close();
});
