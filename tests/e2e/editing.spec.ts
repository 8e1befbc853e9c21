// Writing a document in browser mode: create, type Chinese, headings and bold by shortcut, the
// status bar's 已保存 and 字数, rename by title, reload and find everything stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserMode } from './harness';
import { AppPage, getDoc, storedParagraphs, waitUntil } from './appPage';

const env = useBrowserMode();

test('create, type Chinese, see 已保存 and 字数, reload: the text is still there', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('2025年上半年工作总结');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('今年以来，我们认真贯彻落实各项决策部署。');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('全年完成调研12次。');
  await app.waitSaved();
  assert.deepEqual(await storedParagraphs(env.served, id), ['今年以来，我们认真贯彻落实各项决策部署。', '全年完成调研12次。']);
  assert.equal((await getDoc(env.served, id)).title, '2025年上半年工作总结');
  // Word's 字数: 20 Han/full-width in the first paragraph, 8 + "12" (one word) in the second.
  assert.equal((await app.wordCount.innerText()).replace(/\s/g, ''), '字数29');

  await app.page.reload();
  await app.editor.waitFor();
  await waitUntil('重新载入后显示正文', async () => (await app.editorParagraphs()).join('|') === '今年以来，我们认真贯彻落实各项决策部署。|全年完成调研12次。');
  assert.equal(await app.title.inputValue(), '2025年上半年工作总结');
  assert.equal(await app.currentId(), id);
  await app.close();
});

test('opening a document never saves it', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const a = await app.newDocument();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('甲文稿的正文。');
  await app.waitSaved();
  const b = await app.newDocument();
  const revA = (await getDoc(env.served, a)).revision;
  const revB = (await getDoc(env.served, b)).revision;
  const savesBefore = app.saves.length;
  await app.openDoc(a);
  await app.openDoc(b);
  await app.openDoc(a);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(app.saves.length, savesBefore, 'no documents.save from merely opening');
  assert.equal((await getDoc(env.served, a)).revision, revA);
  assert.equal((await getDoc(env.served, b)).revision, revB);
  await app.close();
});

test('Word shortcuts: Ctrl+Alt+1/2 headings (typed markers dropped), Ctrl+Alt+0 正文, Ctrl+B bold, Ctrl+Z/Ctrl+Y', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.press('Enter');
  const kb = app.page.keyboard;
  await kb.insertText('一、主要工作');
  await kb.press('Control+Alt+Digit1');
  await kb.press('Enter');
  await kb.insertText('（一）抓好学习');
  await kb.press('Control+Alt+Digit2');
  await kb.press('Enter');
  await kb.press('Control+Alt+Digit0');
  await kb.press('Control+b');
  await kb.insertText('加粗的话');
  await kb.press('Control+b');
  await kb.insertText('，普通的话。');
  await kb.insertText('多余');
  await kb.press('Control+z');
  await kb.press('Control+y');
  await kb.press('Control+z');
  await app.waitSaved();
  const doc = await getDoc(env.served, id);
  const blocks = doc.content.root.children;
  assert.deepEqual(
    blocks.map((b) => [b.type, b.level ?? null, b.children?.[0]?.text ?? null]),
    [
      ['wg-heading', 1, '主要工作'],
      ['wg-heading', 2, '抓好学习'],
      ['paragraph', null, '加粗的话'],
    ],
  );
  // The numbers are shown, computed from position, not stored.
  assert.deepEqual(await app.pageHeadings(), ['一、主要工作', '（一）抓好学习']);
  const runs = (blocks[2]?.children ?? []).map((c) => [c.text, c.format]);
  assert.deepEqual(runs, [
    ['加粗的话', 1],
    ['，普通的话。', 0],
  ]);
  // The toolbar reflects the block under the caret.
  assert.equal(await app.page.getByRole('button', { name: '正文' }).getAttribute('aria-pressed'), 'true');
  await app.close();
});

test('the title above the page renames the document; Ctrl+S saves at once', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('述职报告');
  await app.page.keyboard.press('Enter');
  await waitUntil('列表中的标题已更新', async () => (await app.docItem(id).innerText()).includes('述职报告'));
  await app.page.keyboard.insertText('本人任职以来');
  await app.page.keyboard.press('Control+s');
  await waitUntil('Ctrl+S 后已保存', async () => (await storedParagraphs(env.served, id)).join('') === '本人任职以来', 3000);
  // F2 puts the caret back into the title.
  await app.page.keyboard.press('F2');
  await app.page.keyboard.insertText('个人述职报告');
  await app.page.keyboard.press('Enter');
  await waitUntil('重命名已保存', async () => (await getDoc(env.served, id)).title === '个人述职报告');
  await app.close();
});
