// The report scaffold in the browser: a report from a template with its fields filled once and
// shown everywhere; typed markers becoming numbered headings (and Ctrl+Z giving them back);
// conversion only after an IME composition ends; sections dragged in the outline with their
// content, numbers following; Tab/Shift+Tab; the outline's counts and targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentParagraphs } from '../../main/common/documentModel';
import type { DocumentContent, SerializedNode } from '../../main/common/documentModel';
import { fieldParagraphNode, headingNode } from '../../main/common/reportModel';
import { useBrowserMode } from './harness';
import { AppPage, call, getDoc, waitUntil } from './appPage';

const env = useBrowserMode();

/** A stored document's fill-in values. */
async function storedFields(id: string): Promise<Record<string, string>> {
  return (await call<{ fields: Record<string, string> }>(env.served, 'documents.get', { id })).fields;
}

test('a report from a template: fields filled once show everywhere; unfilled ones stay highlighted', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newFromTemplate('半年工作总结', { 单位名称: '某某市应急管理局' });
  const unit = app.editor.locator('[data-field="单位"]');
  const year = app.editor.locator('[data-field="年度"]');
  assert.ok((await unit.count()) >= 3, 'the unit appears in the opening, the closing and the signature');
  for (const text of await unit.allInnerTexts()) assert.equal(text, '某某市应急管理局');
  assert.ok((await year.count()) >= 1);
  assert.equal(await year.locator('.pg-field-empty').count(), await year.count(), 'unfilled fields are highlighted chips');
  assert.deepEqual(await storedFields(id), { 单位: '某某市应急管理局' });
  const before = await getDoc(env.served, id);

  // Fill 年度 in the outline's fields: every chip changes at once, the title too, no new revision.
  const outline = await app.outline();
  await outline.getByLabel('年度', { exact: true }).fill('2025');
  await waitUntil('年度填入正文', async () => (await year.allInnerTexts()).every((t) => t === '2025'));
  assert.equal(await year.locator('.pg-field-empty').count(), 0);
  await outline.getByLabel('年度', { exact: true }).press('Enter');
  await waitUntil('填空已保存', async () => (await storedFields(id))['年度'] === '2025');
  await waitUntil('标题中的填空已填入', async () => (await getDoc(env.served, id)).title === '某某市应急管理局2025年上半年工作总结');
  await waitUntil('页面标题更新', async () => (await app.title.inputValue()) === '某某市应急管理局2025年上半年工作总结');
  const after = await getDoc(env.served, id);
  assert.equal(after.revision, before.revision, 'filling a field does not change the content');
  // The content keeps the fields as fields; the numbers are computed, not stored.
  assert.match(JSON.stringify(after.content), /"type":"wg-field","version":1,"name":"年度"/);
  assert.deepEqual((await app.pageHeadings()).slice(0, 2), ['一、上半年主要工作开展情况', '（一）聚焦重点任务，推动目标落地']);
  // Copying reads the value.
  const copied = await app.editor.evaluate((el) => (el.querySelector('p')?.textContent ?? '').slice(0, 13));
  assert.equal(copied, '2025年上半年，某某市应');
  await app.close();
});

test('typing 二、 at the start of a paragraph makes a heading numbered 二、; Ctrl+Z gives the typed text back', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.press('Enter');
  const kb = app.page.keyboard;
  await kb.type('一、');
  await kb.insertText('主要工作');
  await kb.press('Enter');
  await kb.insertText('全年开展调研12次。');
  await kb.press('Enter');
  await kb.type('二、');
  await waitUntil('二、成为标题', async () => (await app.pageHeadings()).join('|') === '一、主要工作|二、');
  await kb.press('Control+z');
  await waitUntil('撤销后恢复为输入的文字', async () => (await app.pageHeadings()).join('|') === '一、主要工作');
  assert.equal((await app.editorParagraphs()).at(-1), '二、');
  // Ctrl+Y redoes the conversion, numbered again on the page.
  await kb.press('Control+y');
  await waitUntil('重做后再次成为标题', async () => (await app.pageHeadings()).join('|') === '一、主要工作|二、');
  await kb.insertText('主要成效');
  // Marker variants: (三) and 1、 are normalised to level 2 and level 3.
  await kb.press('Enter');
  await kb.type('(一)');
  await kb.insertText('亮点');
  await kb.press('Enter');
  await kb.type('1、');
  await kb.insertText('数据');
  await waitUntil('各级编号', async () => (await app.pageHeadings()).join('|') === '一、主要工作|二、主要成效|（一）亮点|1.数据');
  await app.waitSaved();
  const doc = await getDoc(env.served, id);
  assert.deepEqual(
    doc.content.root.children.map((b) => [b.type, b.level ?? null]),
    [
      ['wg-heading', 1],
      ['paragraph', null],
      ['wg-heading', 1],
      ['wg-heading', 2],
      ['wg-heading', 3],
    ],
  );
  assert.deepEqual(documentParagraphs(doc.content), ['主要工作', '全年开展调研12次。', '主要成效', '亮点', '数据']);
  await app.close();
});

test('IME: composing （一） converts only after the composition ends', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newDocument();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('一、');
  await app.page.keyboard.insertText('主要工作');
  await app.page.keyboard.press('Enter');
  const cdp = await app.context.newCDPSession(app.page);
  for (const text of ['（', '（yi', '（一', '（一）']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
  // Still composing: the marker is there but nothing converted.
  assert.deepEqual(await app.pageHeadings(), ['一、主要工作']);
  assert.equal((await app.editorParagraphs()).at(-1)?.replace(/\u200b/g, ''), '（一）');
  await cdp.send('Input.insertText', { text: '（一）' });
  await waitUntil('输入法上屏后转换', async () => (await app.pageHeadings()).join('|') === '一、主要工作|（一）');
  await app.page.keyboard.insertText('统一思想');
  assert.deepEqual(await app.pageHeadings(), ['一、主要工作', '（一）统一思想']);
  await app.close();
});

test('drag a section in the outline: its content moves with it, numbers follow, Ctrl+Z and Ctrl+Y undo and redo it', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newFromTemplate('半年工作总结');
  await app.outline();
  const rows = app.page.getByTestId('outline-item');
  const plan = rows.filter({ hasText: '下半年工作打算' });
  const first = rows.filter({ hasText: '上半年主要工作开展情况' });
  // Give the plan section some text so its content can be followed.
  await app.editor.locator('h1', { hasText: '下半年工作打算' }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.insertText('九月底前完成整改。');
  await plan.dragTo(first, { targetPosition: { x: 40, y: 3 } });
  const expected = ['一、下半年工作打算', '二、上半年主要工作开展情况', '（一）聚焦重点任务，推动目标落地', '（二）创新方法举措，提升工作质效', '（三）加强自身建设，夯实工作基础', '三、主要成效', '四、存在的问题和不足'];
  await waitUntil('提纲编号更新', async () => (await app.outlineHeadings()).join('|') === expected.join('|'));
  assert.deepEqual(await app.pageHeadings(), expected);
  // The section's paragraph moved with its heading.
  const texts = await app.editorParagraphs();
  assert.equal(texts[texts.findIndex((t) => t === '下半年工作打算') + 1], '九月底前完成整改。');
  await app.waitSaved();
  const stored = documentParagraphs((await getDoc(env.served, id)).content);
  assert.equal(stored[stored.indexOf('下半年工作打算') + 1], '九月底前完成整改。');
  assert.ok(stored.indexOf('下半年工作打算') < stored.indexOf('上半年主要工作开展情况'));
  // One Ctrl+Z puts the whole section back, numbers and outline following; Ctrl+Y moves it again.
  // Focus is left in the outline panel (not in the page): Word's undo keys still act on the page.
  await app.page.getByTestId('outline').locator('.outline-title').click();
  assert.equal(await app.page.evaluate(`document.activeElement?.closest('[data-testid="editor"]') ?? null`), null);
  await app.page.keyboard.press('Control+z');
  await waitUntil('撤销拖动', async () => (await app.pageHeadings()).filter((h) => /^[一二三四五]、/.test(h)).at(-1) === '四、下半年工作打算');
  assert.equal((await app.pageHeadings())[0], '一、上半年主要工作开展情况');
  await waitUntil('提纲随之恢复', async () => (await rows.first().innerText()).replace(/\s+/g, '').startsWith('一、上半年主要工作开展情况'));
  await app.page.keyboard.press('Control+y');
  await waitUntil('重做拖动', async () => (await app.pageHeadings())[0] === '一、下半年工作打算');
  await app.close();
});

test('Tab demotes and Shift+Tab promotes a heading; in body text Tab changes no level', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newFromTemplate('半年工作总结');
  await app.editor.locator('h2', { hasText: '创新方法举措' }).click();
  await app.page.keyboard.press('Tab');
  await waitUntil('降为三级', async () => (await app.pageHeadings()).includes('1.创新方法举措，提升工作质效'));
  // Numbers after it follow: the next level 2 is now （二）.
  assert.ok((await app.pageHeadings()).includes('（二）加强自身建设，夯实工作基础'));
  await app.page.keyboard.press('Shift+Tab');
  await app.page.keyboard.press('Shift+Tab');
  await waitUntil('升为一级', async () => (await app.pageHeadings()).includes('二、创新方法举措，提升工作质效'));
  assert.ok((await app.pageHeadings()).includes('三、主要成效'));
  // Body text: Tab does not make a heading.
  const before = await app.pageHeadings();
  await app.editor.locator('p').first().click();
  await app.page.keyboard.press('Tab');
  assert.deepEqual(await app.pageHeadings(), before);
  await app.close({ allowErrors: /^$/ });
});

test('the outline counts each section and shows its length target; over the target is red', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newFromTemplate('半年工作总结');
  const panel = await app.outline();
  const problems = panel.getByTestId('outline-item').filter({ hasText: '存在的问题和不足' });
  assert.equal((await problems.getByTestId('outline-count').innerText()).replace(/\s/g, ''), '0/600');
  await app.editor.locator('h1', { hasText: '存在的问题和不足' }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.insertText('调研不够深入。'.repeat(10)); // 70 characters
  await waitUntil('字数更新', async () => (await problems.getByTestId('outline-count').innerText()).replace(/\s/g, '') === '70/600');
  assert.equal(await problems.locator('.outline-count.is-over').count(), 0);
  await app.page.keyboard.insertText('学习不够系统。'.repeat(80)); // 560 more: 630 > 600
  await waitUntil('超出建议篇幅', async () => (await problems.locator('.outline-count.is-over').count()) === 1);
  assert.equal((await problems.getByTestId('outline-count').innerText()).replace(/\s/g, ''), '630/600');
  // Level-1 counts include their subsections (Word's count of the whole section).
  const first = panel.getByTestId('outline-item').first();
  assert.match(await first.innerText(), /主要工作/);
  await app.close();
});

/** A long report: `sections` level-1 sections, each with `subsections` level-2 headings, a paragraph under every heading. */
function longReport(sections: number, subsections: number): DocumentContent {
  const children: SerializedNode[] = [];
  for (let a = 1; a <= sections; a++) {
    children.push(headingNode(1, `第${a}部分工作情况`), fieldParagraphNode(`第${a}部分的总体情况。`));
    for (let b = 1; b <= subsections; b++) children.push(headingNode(2, `抓好第${a}-${b}项任务`), fieldParagraphNode(`第${a}-${b}项任务的做法和成效。`));
  }
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } as DocumentContent['root'] };
}

test('a long outline (160 headings): scroll to the last section, move it to the top with its ↑ button; focus and numbers follow', async () => {
  const created = await call<{ id: string }>(env.served, 'documents.create', { title: '长篇工作总结', content: longReport(8, 19) });
  const app = await AppPage.open(env.browser, env.served);
  await app.openDoc(created.id);
  const panel = await app.outline();
  await panel.getByText('160 个标题').waitFor();
  // The last section's row is reached by scrolling the panel, as a writer would.
  const last = panel.getByTestId('outline-item').filter({ hasText: '第8部分工作情况' });
  await panel.locator('.outline-list').hover({ position: { x: 60, y: 40 } });
  await waitUntil('滚动到最后一节', async () => {
    await app.page.mouse.wheel(0, 1500);
    return (await last.count()) === 1 && (await last.isVisible());
  });
  assert.equal((await last.locator('.outline-number').innerText()).trim(), '八、');
  assert.equal((await panel.getByTestId('outline-item').last().locator('.outline-jump').innerText()).replace(/\s+/g, ''), '（十九）抓好第8-19项任务');
  // Seven presses of its ↑ button: the section passes every other one, the panel scrolls along,
  // and focus stays on the button of the moved section.
  await last.hover();
  await last.getByRole('button', { name: '上移本节' }).focus();
  assert.ok((await panel.getByTestId('outline-item').count()) < 80, 'a long outline renders only the rows near the view');
  for (let step = 1; step <= 7; step++) {
    await app.page.keyboard.press('Enter');
    const number = '八七六五四三二一'[step] ?? '';
    const focused = `(() => {
      const button = document.activeElement;
      const row = button && button.closest('[data-testid="outline-item"]');
      return button.getAttribute('aria-label') === '上移本节' && row ? row.querySelector('.outline-jump').textContent : null;
    })()`;
    await waitUntil(`上移第 ${step} 次`, async () => (await app.page.evaluate(focused)) === `${number}、第8部分工作情况`);
  }
  const headings = await app.pageHeadings();
  assert.equal(headings[0], '一、第8部分工作情况');
  assert.equal(headings[1], '（一）抓好第8-1项任务');
  assert.equal(headings[20], '二、第1部分工作情况');
  assert.equal(headings.at(-1), '（十九）抓好第7-19项任务');
  await waitUntil('提纲首行', async () => (await app.outlineHeadings())[0] === '一、第8部分工作情况');
  await app.close();
});

test('the completeness hint names a missing 存在的问题 part', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newDocument();
  await app.page.keyboard.insertText('2025年工作总结');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('一、');
  await app.page.keyboard.insertText('主要工作');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('二、');
  await app.page.keyboard.insertText('下一步工作打算');
  const panel = await app.outline();
  // 下一步工作打算 counts as the plan part; only 存在的问题 is missing.
  await waitUntil('只缺少问题部分', async () => (await panel.getByTestId('outline-missing').innerText()).split('\n')[0] === '缺少“存在的问题”部分');
  await app.close();
});

test('screenshot: a report from a template with the outline panel open', async () => {
  const app = await AppPage.open(env.browser, env.served);
  await app.newFromTemplate('半年工作总结', { 单位名称: '某某市应急管理局', 年度: '2025' });
  await app.outline();
  await app.editor.locator('h2', { hasText: '聚焦重点任务' }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.insertText('一是建立重点任务台账，逐项明确责任单位和完成时限，全年32项任务已完成21项。三是实行月调度制度。');
  await app.editor.locator('h1', { hasText: '主要成效' }).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.type('（一）');
  await app.page.keyboard.insertText('安全形势持续稳定。上半年全市未发生较大以上生产安全事故，事故起数同比下降18.6%。');
  await app.page.mouse.move(0, 0);
  await app.page.getByTestId('desk').evaluate((el) => el.scrollTo(0, 180));
  await new Promise((resolve) => setTimeout(resolve, 600));
  const dir = path.join(os.tmpdir(), 'wengao-screens');
  mkdirSync(dir, { recursive: true });
  await app.page.screenshot({ path: path.join(dir, 'scaffold.png') });
  console.log(`截图已保存：${path.join(dir, 'scaffold.png')}`);
  await app.close();
});
