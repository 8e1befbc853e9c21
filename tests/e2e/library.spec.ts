// The library panel: recent-first list, full-text search with highlighted excerpts, inline rename
// (double-click and F2), move to 回收站 with 撤销, 还原, and 永久删除 after a confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserMode } from './harness';
import { AppPage, call, getDoc, waitUntil } from './appPage';

const env = useBrowserMode();

async function writeDoc(app: AppPage, title: string, text: string): Promise<string> {
  const id = await app.newDocument();
  await app.page.keyboard.insertText(title);
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText(text);
  await app.waitSaved();
  await waitUntil('标题已保存', async () => (await getDoc(env.served, id)).title === title);
  return id;
}

test('search for a two-character word finds the document with a highlighted excerpt', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await writeDoc(app, '第三季度情况报告', '本季度深入基层开展调研，形成调研报告三篇，推动问题整改落实。');
  await writeDoc(app, '学习心得', '认真学习有关文件精神。');
  await app.searchBox.click();
  await app.page.keyboard.insertText('调研');
  const hit = app.page.locator(`[data-testid="search-hit"][data-doc-id="${id}"]`);
  await hit.waitFor();
  assert.equal(await app.page.getByTestId('search-hit').count(), 1, 'only the document containing 调研');
  const marks = await hit.getByTestId('search-excerpt').locator('mark').allInnerTexts();
  assert.ok(marks.length >= 1);
  assert.ok(marks.every((m) => m === '调研'), `highlighted: ${marks.join(',')}`);
  assert.match(await hit.getByTestId('search-excerpt').innerText(), /开展调研/);

  // Ctrl+F focuses the search box; Esc clears it and the list comes back.
  await app.editor.click();
  await app.page.keyboard.press('Control+f');
  assert.equal(await app.searchBox.evaluate((el) => el === el.ownerDocument.activeElement), true);
  await app.page.keyboard.press('Escape');
  await app.docItem(id).waitFor();

  // No result: a Chinese empty state.
  await app.searchBox.fill('不存在的词语');
  await app.page.getByText('没有找到', { exact: true }).waitFor();
  await app.searchBox.fill('');
  // Clicking a hit opens the document.
  await app.searchBox.fill('心得');
  await app.page.getByTestId('search-hit').first().click();
  await waitUntil('打开搜索结果', async () => (await app.title.inputValue()) === '学习心得');
  await app.close();
});

test('rename in the list by double-click and by F2', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await writeDoc(app, '旧标题', '正文。');
  await app.docItem(id).locator('button.doc-item').dblclick();
  const input = app.docItem(id).getByLabel('文稿标题');
  await input.fill('工作计划（草稿）');
  await input.press('Enter');
  await waitUntil('双击重命名已保存', async () => (await getDoc(env.served, id)).title === '工作计划（草稿）');
  // The page's title follows once the renderer has the call's answer (a moment after the store).
  await waitUntil('页面上的标题随之更新', async () => (await app.title.inputValue()) === '工作计划（草稿）');

  await app.docItem(id).locator('button.doc-item').focus();
  await app.page.keyboard.press('F2');
  await app.docItem(id).getByLabel('文稿标题').fill('工作计划');
  await app.page.keyboard.press('Enter');
  await waitUntil('F2 重命名已保存', async () => (await getDoc(env.served, id)).title === '工作计划');

  // Esc cancels.
  await app.docItem(id).locator('button.doc-item').dblclick();
  await app.docItem(id).getByLabel('文稿标题').fill('不要这个');
  await app.page.keyboard.press('Escape');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await getDoc(env.served, id)).title, '工作计划');
  await app.close();
});

test('trash with 撤销, restore from 回收站, delete forever after confirming', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const keep = await writeDoc(app, '保留的文稿', '保留。');
  const id = await writeDoc(app, '要删除的文稿', '这篇会被删除。');

  // Move to trash; 撤销 brings it back.
  await app.docItem(id).hover();
  await app.docItem(id).getByRole('button', { name: '将“要删除的文稿”移到回收站' }).click();
  await app.toast('已将“要删除的文稿”移到回收站').waitFor();
  await waitUntil('已移到回收站', async () => (await getDoc(env.served, id)).trashedAt !== null);
  assert.equal(await app.docItem(id).count(), 0);
  assert.equal(await app.currentId(), keep, 'the neighbour opens');
  await app.toast('已将“要删除的文稿”移到回收站').getByRole('button', { name: '撤销' }).click();
  await waitUntil('撤销后已还原', async () => (await getDoc(env.served, id)).trashedAt === null);
  await app.docItem(id).waitFor();

  // Trash again, then restore from the 回收站 view.
  await app.docItem(id).hover();
  await app.docItem(id).getByRole('button', { name: '将“要删除的文稿”移到回收站' }).click();
  await waitUntil('再次移到回收站', async () => (await getDoc(env.served, id)).trashedAt !== null);
  await app.page.getByRole('tab', { name: /回收站/ }).click();
  const row = app.page.locator(`[data-testid="trash-item"][data-doc-id="${id}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: '还原“要删除的文稿”' }).click();
  await waitUntil('从回收站还原', async () => (await getDoc(env.served, id)).trashedAt === null);
  await row.waitFor({ state: 'detached' });

  // Delete forever: the dialog can be cancelled; confirming deletes.
  await app.page.getByRole('tab', { name: /全部文稿/ }).click();
  await app.docItem(id).hover();
  await app.docItem(id).getByRole('button', { name: '将“要删除的文稿”移到回收站' }).click();
  await waitUntil('第三次移到回收站', async () => (await getDoc(env.served, id)).trashedAt !== null);
  await app.page.getByRole('tab', { name: /回收站/ }).click();
  await row.getByRole('button', { name: '永久删除“要删除的文稿”' }).click();
  const dialog = app.page.getByRole('dialog', { name: '永久删除这篇文稿？' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await env.served.api('documents.get', { id })).ok, true, 'cancel keeps it');
  await row.getByRole('button', { name: '永久删除“要删除的文稿”' }).click();
  await dialog.getByRole('button', { name: '永久删除' }).click();
  await waitUntil('已永久删除', async () => (await env.served.api('documents.get', { id })).error?.code === 'NOT_FOUND');
  await app.page.getByText('回收站是空的').waitFor();
  const live = await call<{ id: string }[]>(env.served, 'documents.list', { trashed: false });
  assert.ok(live.some((d) => d.id === keep));
  await app.close();
});

test('the list shows recent documents first with 字数 and relative time', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const older = await writeDoc(app, '较早的文稿', '较早。');
  const newer = await writeDoc(app, '较新的文稿', '较新的文稿有十个字。');
  const ids = await app.listedIds();
  assert.ok(ids.indexOf(newer) < ids.indexOf(older));
  const text = await app.docItem(newer).innerText();
  assert.match(text, /刚刚|分钟前/);
  assert.match(text, /10 字/);
  // Editing the older one moves it to the top.
  await app.openDoc(older);
  await app.focusEnd();
  await app.page.keyboard.insertText('补充');
  await app.waitSaved();
  await waitUntil('编辑后排到最前', async () => (await app.listedIds())[0] === older);
  await app.close();
});
