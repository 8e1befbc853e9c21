// 常用语 in the browser: the panel (F3) searching in Chinese and pinyin, inserting at the caret
// (saved with the document), ranking the caret's section first; the "//" typeahead, also under a
// simulated Chinese IME composition; saving a selection as the writer's own snippet; a refused
// pack import listing its problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import type { SnippetHit } from '../../main/common/contract';
import { useBrowserMode } from './harness';
import { reportPlainText } from '../../main/common/reportModel';
import { AppPage, call, compose, getDoc, waitUntil } from './appPage';

const env = useBrowserMode();

/** The 常用语 panel (opened with F3 when closed). */
async function openPanel(app: AppPage): Promise<Locator> {
  const panel = app.page.getByTestId('snippets-panel');
  if (!(await panel.isVisible())) await app.page.keyboard.press('F3');
  await panel.waitFor();
  return panel;
}

/** A window with a new blank document, the caret in its text; with some text typed first. */
async function blankDocument(text = ''): Promise<{ app: AppPage; id: string }> {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.editor.click();
  if (text) await app.page.keyboard.insertText(text);
  return { app, id };
}

/** Answers the field prompt, if the snippet asks one: fills the first field, then Enter or 插入. */
async function answerFieldPrompt(app: AppPage, hit: SnippetHit, options: { first?: string; by: 'enter' | 'click' }): Promise<void> {
  if (!hit.fields.length) return;
  const dialog = app.page.getByRole('dialog', { name: '填写常用语中的填空' });
  await dialog.waitFor();
  const input = dialog.locator('input').first();
  if (options.first !== undefined) await input.fill(options.first);
  if (options.by === 'enter') await input.press('Enter');
  else await dialog.getByRole('button', { name: '插入' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The titles of the panel's results, top to bottom. */
function resultTitles(panel: Locator): Promise<string[]> {
  return panel.getByTestId('snippet-item').locator('.snip-title').allInnerTexts();
}

/** snippets.search through the API. */
function search(input: Record<string, unknown>): Promise<{ hits: SnippetHit[]; total: number }> {
  return call(env.served, 'snippets.search', input);
}

/** The stored document's text, unfilled fields as {{name}}. */
async function storedText(id: string): Promise<string> {
  const doc = await call<{ content: Parameters<typeof reportPlainText>[0]; fields: Record<string, string> }>(env.served, 'documents.get', { id });
  return reportPlainText(doc.content, doc.fields);
}

test('F3 opens the panel; search in Chinese and in pinyin initials highlights the matches', async () => {
  const { app } = await blankDocument();
  const panel = await openPanel(app);
  const box = panel.getByLabel('搜索常用语');
  await waitUntil('搜索框获得焦点', () => box.evaluate((el) => el === el.ownerDocument.activeElement));
  await waitUntil('列出常用语', async () => (await panel.getByTestId('snippet-item').count()) > 10);
  assert.match((await panel.locator('.outline-sub').innerText()).trim(), /^共 \d+ 条$/);

  await box.fill('守土负责');
  await waitUntil('中文搜索有结果', async () => (await panel.getByTestId('snippet-item').count()) > 0 && (await panel.locator('.snip-row mark').first().innerText()) === '守土负责');
  const chinese = await search({ query: '守土负责' });
  assert.deepEqual(await resultTitles(panel), chinese.hits.map((h) => h.title));

  await box.fill('stfz');
  await waitUntil('拼音首字母搜索有结果', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify((await search({ query: 'stfz' })).hits.map((h) => h.title)));
  assert.ok((await resultTitles(panel)).length > 0);
  const marks = await panel.locator('.snip-row mark').allInnerTexts();
  assert.ok(marks.includes('守土负责'), `pinyin match highlights the characters (got ${marks.join(',')})`);
  // The selected row shows in the preview.
  assert.equal(await panel.getByTestId('snippet-preview').locator('.snip-preview-title').innerText(), (await resultTitles(panel))[0]);
  // Esc clears the search, a second Esc closes the panel and the text has the focus again.
  await box.press('Escape');
  assert.equal(await box.inputValue(), '');
  await box.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await waitUntil('正文重新获得焦点', () => app.editor.evaluate((el) => el === el.ownerDocument.activeElement));
  await app.close();
});

test('inserting from the panel puts the text where the caret was; the document saves it; 最近 lists it', async () => {
  const { app, id } = await blankDocument('开头。结尾。');
  for (let i = 0; i < 3; i += 1) await app.page.keyboard.press('ArrowLeft');
  const panel = await openPanel(app);
  // A snippet without fields goes straight in.
  const target = (await search({ query: '工作推进不平衡' })).hits.find((h) => h.fields.length === 0);
  assert.ok(target, 'the library has a snippet without fields to insert');
  await panel.getByLabel('搜索常用语').fill('工作推进不平衡');
  const wanted = (await search({ query: '工作推进不平衡' })).hits.map((h) => h.title);
  await waitUntil('结果就绪', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify(wanted));
  const row = panel.locator(`[data-snippet-id="${target.id}"]`);
  await row.click();
  await row.getByRole('button', { name: `插入“${target.title}”` }).click();
  await waitUntil('插入到光标处', async () => (await app.editorParagraphs()).join('\n') === `开头。${target.body}结尾。`);
  await waitUntil('正文获得焦点', () => app.editor.evaluate((el) => el === el.ownerDocument.activeElement));
  // Typing goes on after the inserted text.
  await app.page.keyboard.insertText('续');
  await app.waitSaved();
  await waitUntil('文稿已保存插入的文字', async () => (await storedText(id)) === `开头。${target.body}续结尾。`);
  // The use was recorded: 最近 lists it first.
  await panel.getByRole('tab', { name: '最近' }).click();
  await panel.getByLabel('搜索常用语').fill('');
  await waitUntil('“最近”列出刚插入的常用语', async () => (await resultTitles(panel))[0] === target.title);

  // Keyboard: ↓ then Enter in the search box inserts the second result.
  await panel.getByRole('tab', { name: '全部' }).click();
  await app.focusEnd();
  await app.page.keyboard.press('Enter');
  const box = panel.getByLabel('搜索常用语');
  await box.fill('工作推进');
  const plain = (await search({ query: '工作推进' })).hits;
  await waitUntil('结果就绪', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify(plain.map((h) => h.title)));
  const second = plain[1];
  assert.ok(second);
  await box.press('ArrowDown');
  await box.press('Enter');
  // Enter in the field prompt inserts, leaving the empty fields as chips.
  await answerFieldPrompt(app, second, { by: 'enter' });
  await waitUntil('按 Enter 插入', async () => (await app.editorParagraphs()).at(-1) === second.body).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; page: ${(await app.editorParagraphs()).join('\n')}; want ${second.body}`);
  });
  await app.close();
});

test('in a report the caret\'s section ranks first and is named: 当前：问题不足', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newFromTemplate('半年工作总结', { 单位名称: '某某局' });
  await app.editor.locator('[data-number]', { hasText: '存在的问题和不足' }).click();
  const panel = await openPanel(app);
  await waitUntil('显示当前部分', async () => (await panel.getByTestId('snippet-context').innerText()).replace(/\s+/g, '').startsWith('当前：问题不足'));
  await waitUntil('问题不足类排在前面', async () => (await panel.getByTestId('snippet-item').first().locator('.kind-badge').innerText()) === '问题不足');
  await app.close();
});

test('a snippet with fields asks for them once, pre-filled from the document; empty ones stay chips', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newFromTemplate('半年工作总结', { 单位名称: '某某市某某局' });
  await app.editor.locator('[data-number]', { hasText: '存在的问题和不足' }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('Enter');
  const panel = await openPanel(app);
  const [hit] = (await search({ query: '总起引出差距' })).hits;
  assert.ok(hit && hit.fields.includes('单位') && hit.fields.includes('时间段'));
  await panel.getByLabel('搜索常用语').fill('总起引出差距');
  await panel.locator(`[data-snippet-id="${hit.id}"]`).dblclick();
  const dialog = app.page.getByRole('dialog', { name: '填写常用语中的填空' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('input[data-field="单位"]').inputValue(), '某某市某某局', 'pre-filled from the document');
  assert.equal(await dialog.locator('input[data-field="时间段"]').inputValue(), '');
  await dialog.getByRole('button', { name: '插入' }).click();
  await dialog.waitFor({ state: 'detached' });
  const expected = hit.body.replace('{{单位}}', '某某市某某局');
  await waitUntil('插入的段落', async () => (await app.editorParagraphs()).includes(expected));
  // 时间段 was left empty: it is a highlighted chip; 单位 follows the document's value.
  const para = app.editor.locator('p', { hasText: '仍存在一些差距和不足' });
  assert.equal(await para.locator('[data-field="时间段"] .pg-field-empty').count(), 1);
  assert.equal(await para.locator('[data-field="单位"]').innerText(), '某某市某某局');
  await app.waitSaved();
  await waitUntil('保存了填空', async () => JSON.stringify((await getDoc(env.served, id)).content).includes('"name":"时间段"'));
  await app.close();
});

test('typeahead: "//stfz" then Enter inserts the top match in place of what was typed', async () => {
  const { app, id } = await blankDocument('前文');
  await app.page.keyboard.type('//stfz');
  const picker = app.page.getByTestId('snippet-picker');
  await picker.waitFor();
  const [top] = (await search({ query: 'stfz', limit: 8 })).hits;
  assert.ok(top);
  await waitUntil('候选列出', async () => (await picker.getByTestId('snippet-picker-item').first().locator('.snippet-picker-title').innerText()) === top.title);
  await app.page.keyboard.press('Enter');
  await answerFieldPrompt(app, top, { first: '某某局', by: 'enter' });
  await picker.waitFor({ state: 'detached' });
  const values = top.fields.length ? { [top.fields[0] as string]: '某某局' } : {};
  const text = `前文${top.body.replace(/\{\{([^{}\s]+)\}\}/g, (whole, name: string) => values[name] ?? whole)}`;
  await waitUntil('插入并替换 //stfz', async () => (await app.editorParagraphs()).join('\n') === text);
  await app.waitSaved();
  await waitUntil('已保存', async () => (await storedText(id)) === text);
  assert.doesNotMatch(await storedText(id), /stfz|\/\//);

  // Full-width ／／ and Esc: the picker closes and the typed text stays.
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('／／');
  await app.page.keyboard.type('bpb');
  await picker.waitFor();
  await app.page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
  assert.equal((await app.editorParagraphs()).at(-1), '／／bpb');

  // Enter typed before the matches arrive still takes the top one (no stray new paragraph).
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('//stfz');
  await app.page.keyboard.press('Enter');
  await answerFieldPrompt(app, top, { by: 'click' });
  await waitUntil('快速回车也插入首条', async () => (await app.editorParagraphs()).at(-1) === top.body);
  await app.close();
});

test('typeahead under an IME: nothing opens or goes in while composing; it works once the composition ends', async () => {
  const { app, id } = await blankDocument('前文');
  const cdp = await app.context.newCDPSession(app.page);
  // The IME turns "/" into "、": "、、" is a trigger too.
  await cdp.send('Input.insertText', { text: '、、' });
  const picker = app.page.getByTestId('snippet-picker');
  await picker.waitFor();
  await compose(cdp, 's');
  await compose(cdp, 'st');
  await compose(cdp, 'stf');
  await compose(cdp, 'stfz');
  await waitUntil('组合输入中不显示候选', async () => !(await picker.isVisible()));
  // Enter during a composition belongs to the IME: nothing is inserted.
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(await picker.isVisible(), false);
  assert.equal((await app.editorParagraphs()).join('').replace(/\u200b/g, ''), '前文、、stfz');
  assert.equal(await app.page.getByRole('dialog').count(), 0);

  // The IME commits the letters: now the picker looks them up.
  await cdp.send('Input.insertText', { text: 'stfz' });
  await picker.waitFor();
  const [top] = (await search({ query: 'stfz', limit: 8 })).hits;
  assert.ok(top);
  await waitUntil('组合结束后出现候选', async () => (await picker.getByTestId('snippet-picker-item').first().locator('.snippet-picker-title').innerText()) === top.title);
  await app.page.keyboard.press('Tab');
  await answerFieldPrompt(app, top, { by: 'click' });
  await waitUntil('插入并替换 、、stfz', async () => (await app.editorParagraphs()).join('\n') === `前文${top.body}`);
  await app.waitSaved();
  await waitUntil('已保存', async () => (await storedText(id)) === `前文${top.body}`);
  await app.close();
});

test('select text, right-click → 存为常用语: found in 我的 and by pinyin, deletable; a default copied as mine can be edited', async () => {
  const body = '坚持把调查研究作为谋事之基、成事之道，全年开展蹲点调研十二次。';
  const { app } = await blankDocument(body);
  await app.page.keyboard.press('Control+Shift+Home');
  await app.editor.click({ button: 'right', position: { x: 40, y: 10 } });
  const menu = app.page.getByRole('menu', { name: '正文菜单' });
  await menu.waitFor();
  await menu.getByRole('menuitem', { name: /存为常用语/ }).click();
  const dialog = app.page.getByRole('dialog', { name: '存为常用语' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('标题').inputValue(), '坚持把调查研究作为谋事之基');
  assert.equal(await dialog.getByLabel('正文').inputValue(), body);
  assert.equal(await dialog.getByLabel('类型').inputValue(), 'opening', 'before any section: 开头');
  await dialog.getByLabel('标题').fill('调研·蹲点调研');
  await dialog.getByLabel('主题').fill('业务工作');
  await dialog.getByLabel('标签').fill('调研，蹲点');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await app.toast(/已存为常用语/).waitFor();

  const panel = await openPanel(app);
  await panel.getByRole('tab', { name: '我的' }).click();
  await panel.getByLabel('搜索常用语').fill('');
  await waitUntil('“我的”中有新常用语', async () => (await resultTitles(panel)).includes('调研·蹲点调研'));
  await panel.getByRole('tab', { name: '全部' }).click();
  await panel.getByLabel('搜索常用语').fill('dddy');
  await waitUntil('拼音首字母找到', async () => (await resultTitles(panel))[0] === '调研·蹲点调研');
  const stored = (await search({ query: 'dddy', filter: 'user' })).hits[0];
  assert.equal(stored?.body, body);
  assert.deepEqual(stored?.tags, ['调研', '蹲点']);
  assert.equal(stored?.topic, '业务工作');

  // Own snippets can be deleted from the preview; defaults offer a copy instead.
  const preview = panel.getByTestId('snippet-preview');
  await preview.getByRole('button', { name: '删除' }).click();
  await app.page.getByRole('dialog', { name: '删除这条常用语？' }).getByRole('button', { name: '删除' }).click();
  await waitUntil('已删除', async () => (await search({ query: 'dddy', filter: 'user' })).hits.length === 0);
  await panel.getByLabel('搜索常用语').fill('守土负责');
  await waitUntil('默认常用语', async () => (await preview.getByRole('button', { name: '复制为我的常用语' }).count()) === 1);
  assert.equal(await preview.getByRole('button', { name: '删除' }).count(), 0);
  // 复制为我的常用语 → an own copy, which can then be edited.
  const original = await preview.locator('.snip-preview-title').innerText();
  await preview.getByRole('button', { name: '复制为我的常用语' }).click();
  const copy = app.page.getByRole('dialog', { name: '复制为我的常用语' });
  await copy.getByLabel('标题').fill('我的·守土负责');
  await copy.getByRole('button', { name: '保存' }).click();
  await copy.waitFor({ state: 'detached' });
  await panel.getByRole('tab', { name: '我的' }).click();
  await panel.getByLabel('搜索常用语').fill('');
  await waitUntil('复制出的常用语在“我的”中', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify(['我的·守土负责']));
  await preview.getByRole('button', { name: '编辑' }).click();
  const edit = app.page.getByRole('dialog', { name: '编辑常用语' });
  await edit.getByLabel('标题').fill('我的·守土尽责');
  await edit.getByLabel('类型').selectOption('plan');
  await edit.getByRole('button', { name: '保存' }).click();
  await waitUntil('修改已保存', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify(['我的·守土尽责']));
  const mine = (await search({ query: '', filter: 'user' })).hits;
  assert.equal(mine.length, 1);
  assert.equal(mine[0]?.kind, 'plan');
  assert.notEqual(original, '我的·守土尽责');
  await app.close();
});

test('a snippet dragged from the panel onto the page goes in where it is dropped; ☆ keeps it in 收藏', async () => {
  const { app, id } = await blankDocument('第一段。');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('第二段。');
  const panel = await openPanel(app);
  const hit = (await search({ query: '工作推进不平衡' })).hits.find((h) => h.fields.length === 0);
  assert.ok(hit);
  await panel.getByLabel('搜索常用语').fill('工作推进不平衡');
  const wanted = (await search({ query: '工作推进不平衡' })).hits.map((h) => h.title);
  await waitUntil('结果就绪', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify(wanted));
  const row = panel.locator(`[data-snippet-id="${hit.id}"]`);
  // Drop at the end of the first paragraph.
  const [paragraph, page] = [await app.editor.locator('p').first().boundingBox(), await app.editor.boundingBox()];
  assert.ok(paragraph && page);
  const end = await app.editor.locator('p').first().evaluate((p) => {
    const range = p.ownerDocument.createRange();
    range.selectNodeContents(p);
    const rect = range.getBoundingClientRect();
    return { x: rect.right - 2, y: rect.top + rect.height / 2 };
  });
  await row.dragTo(app.editor, { targetPosition: { x: end.x - page.x, y: end.y - page.y } });
  await waitUntil('拖放插入', async () => (await app.editorParagraphs())[0] === `第一段。${hit.body}`).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; page: ${(await app.editorParagraphs()).join(' | ')}`);
  });
  await app.waitSaved();
  await waitUntil('已保存', async () => (await storedText(id)) === `第一段。${hit.body}\n第二段。`);

  await row.getByRole('button', { name: `收藏“${hit.title}”` }).click();
  await row.getByRole('button', { name: `取消收藏“${hit.title}”` }).waitFor();
  await panel.getByRole('tab', { name: '收藏' }).click();
  await panel.getByLabel('搜索常用语').fill('');
  await waitUntil('“收藏”中有它', async () => JSON.stringify(await resultTitles(panel)) === JSON.stringify([hit.title]));
  await app.close();
});

test('Alt+F3 without a selection explains what to do', async () => {
  const { app } = await blankDocument();
  await app.page.keyboard.press('Alt+F3');
  await app.toast(/请先在正文中选中要存为常用语的文字/).waitFor();
  await app.close();
});

/** Writes a pack file and imports it through the panel's menu (导入常用语包… and the file chooser). */
async function importPack(app: AppPage, panel: Locator, name: string, snippets: Record<string, unknown>[]): Promise<void> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-pack-')), `${name}.json`);
  writeFileSync(file, JSON.stringify({ format: 'wengao-snippets', version: 1, name, snippets }));
  await panel.getByRole('button', { name: '常用语菜单' }).click();
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.page.getByRole('menuitem', { name: '导入常用语包…' }).click()]);
  await chooser.setFiles(file);
}

test('a pack with mistakes is refused: every problem is listed, nothing is imported', async () => {
  const { app } = await blankDocument();
  const before = await call<{ total: number }>(env.served, 'snippets.facets', {});
  const panel = await openPanel(app);
  await importPack(app, panel, '有错的包', [
    { id: 'ok-001', title: '正常', body: '这一条没有问题。', kind: 'plan', topic: '综合' },
    { id: 'bad-002', title: '', body: '标题是空的。', kind: 'plan', topic: '综合' },
    { id: 'bad-003', title: '类型不对', body: '类型写错了。', kind: 'summary', topic: '综合' },
    { id: 'bad-004', title: '正文太短', body: '短', kind: 'plan', topic: '综合' },
  ]);
  const dialog = app.page.getByRole('dialog', { name: '常用语包未导入' });
  await dialog.waitFor();
  const problems = await dialog.getByTestId('pack-problems').locator('li').allInnerTexts();
  assert.equal(problems.length, 3, `three problems listed: ${problems.join(' | ')}`);
  assert.match(problems.join('\n'), /标题/);
  assert.match(problems.join('\n'), /类型/);
  assert.match(problems.join('\n'), /正文/);
  assert.equal((await call<{ total: number }>(env.served, 'snippets.facets', {})).total, before.total, 'nothing imported');
  await dialog.getByRole('button', { name: '知道了' }).click();

  // A good pack: added N, duplicates skipped.
  const body = '深入基层问需于民，把群众的操心事作为工作的着力点。';
  await importPack(app, panel, '好的包', [
    { id: 'good-001', title: '调研·问需于民', body, kind: 'situation', topic: '为民服务' },
    { id: 'good-002', title: '调研·问需于民', body, kind: 'situation', topic: '为民服务' },
  ]);
  const done = app.page.getByRole('dialog', { name: '常用语包已导入' });
  await done.waitFor();
  assert.match(await done.getByTestId('pack-result').innerText(), /新增 1 条，跳过重复 1 条/);
  await done.getByRole('button', { name: '知道了' }).click();

  // 导出 the current kind: a pack file of exactly that kind downloads.
  await panel.getByRole('group', { name: '类型' }).getByRole('button', { name: /^问题不足/ }).click();
  await panel.getByRole('button', { name: '常用语菜单' }).click();
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('menuitem', { name: '导出“问题不足”类…' }).click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const pack = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; snippets: { kind: string }[] };
  const facets = await call<{ kinds: { kind: string; count: number }[] }>(env.served, 'snippets.facets', {});
  assert.equal(pack.format, 'wengao-snippets');
  assert.equal(pack.snippets.length, facets.kinds.find((k) => k.kind === 'shortcomings')?.count);
  assert.ok(pack.snippets.every((sn) => sn.kind === 'shortcomings'));
  await app.toast(/已导出 \d+ 条常用语/).waitFor();
  await app.close();
});
