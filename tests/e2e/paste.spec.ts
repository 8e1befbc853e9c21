// Pasting from Word, WPS and the web: paragraphs (and headings/bold) survive, styles, fonts,
// colours and images do not; a paste over 1,000,000 characters is refused and nothing changes.
// A report pasted into an empty document is recognised (headings numbered, web junk dropped): the
// first Ctrl+Z or the notice's 恢复为普通粘贴 gives back the plain paste, the second Ctrl+Z removes it;
// a non-empty document keeps the plain paste.
// Also takes screenshots of the main screen with a real report pasted (saved under the OS temp
// folder, path printed) for people to look at.
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowserMode } from './harness';
import { AppPage, getDoc, storedParagraphs, waitUntil } from './appPage';

const root = path.resolve(__dirname, '..', '..');
const wordHtml = readFileSync(path.join(root, 'renderer/src/editor/paste/fixtures/word.html'), 'utf8');
const wpsHtml = readFileSync(path.join(root, 'renderer/src/editor/paste/fixtures/wps.html'), 'utf8');
const report = readFileSync(path.join(root, 'tests/fixtures/samples/half-year-summary.txt'), 'utf8');
const webCopy = readFileSync(path.join(root, 'tests/fixtures/samples/branch-work-report.txt'), 'utf8');
const recognisedToast = /已按公文结构识别/;

const env = useBrowserMode();

/** Opens the app on a new document, puts the caret in its empty body, pastes and waits for the recognition notice. */
async function pasteIntoNewDocument(data: { html?: string; text?: string }): Promise<{ app: AppPage; id: string; notice: Locator }> {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.press('Enter');
  await app.paste(data);
  const notice = app.toast(recognisedToast);
  await notice.waitFor();
  return { app, id, notice };
}

/** Ctrl+Z after a recognised paste: waits until the page shows the plain paste (no headings). */
async function undoToPlainPaste(app: AppPage): Promise<void> {
  await app.page.keyboard.press('Control+z');
  await waitUntil('普通粘贴', async () => (await app.pageHeadings()).length === 0);
}

test('paste from Word keeps paragraphs, the heading and bold, and drops every style', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('粘贴测试');
  await app.page.keyboard.press('Enter');
  await app.paste({ html: wordHtml, text: '（Word 的纯文本）' });
  // The document was empty: the paste is recognised first; one Ctrl+Z keeps Word's own paragraphs.
  await app.toast(recognisedToast).waitFor();
  await app.page.keyboard.press('Control+z');
  await waitUntil('普通粘贴', async () => (await app.editorParagraphs()).includes('（一）抓好理论学习。全年组织集中学习12次，覆盖干部职工300余人次，撰写心得体会86篇。'));
  await app.waitSaved();
  const paragraphs = await storedParagraphs(env.served, id);
  assert.deepEqual(paragraphs, [
    '关于2025年上半年工作情况的报告',
    '今年以来，在市委、市政府的坚强领导下，我局坚持稳中求进工作总基调，各项工作取得明显成效。现将有关情况报告如下：',
    '主要工作',
    '（一）抓好理论学习。全年组织集中学习12次，覆盖干部职工300余人次，撰写心得体会86篇。',
    '1. 完善制度建设。',
    '（二）强化作风建设。Word and WPS 都要兼容。',
    '指标',
    '完成率98%',
    '特此报告。',
  ]);
  const doc = await getDoc(env.served, id);
  const json = JSON.stringify(doc.content);
  assert.doesNotMatch(json, /mso-|font-family|color|MsoNormal|仿宋_GB2312|clip_image|file:/);
  // The pasted heading is a level-1 report heading; its typed marker gave way to the computed number.
  assert.equal(doc.content.root.children[2]?.type, 'wg-heading');
  assert.equal(doc.content.root.children[2]?.level, 1);
  assert.deepEqual(await app.pageHeadings(), ['一、主要工作']);
  const bold = doc.content.root.children[3]?.children?.[0];
  assert.equal(bold?.text, '（一）抓好理论学习。');
  assert.equal(bold?.format, 1);
  // On screen: no inline styles, no images.
  assert.equal(await app.editor.locator('[style]').count(), 0);
  assert.equal(await app.editor.locator('img').count(), 0);
  await app.close();
});

test('paste from WPS and of plain text with full-width indents', async () => {
  // "二、" into an empty document is recognised as a heading; Ctrl+Z keeps the paste as typed.
  const { app, id } = await pasteIntoNewDocument({ html: wpsHtml });
  await undoToPlainPaste(app);
  await app.paste({ text: '　　第一段，网页复制来的。\r\n\r\n　　第二段。\n' });
  await app.waitSaved();
  assert.deepEqual(await storedParagraphs(env.served, id), ['二、存在的问题', '一是统筹谋划不够。个别单位重部署、轻落实。第一段，网页复制来的。', '第二段。']);
  await app.close();
});

test('a paste over 1,000,000 characters is refused and nothing changes', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('原有内容。');
  await app.waitSaved();
  const before = await getDoc(env.served, id);
  const savesBefore = app.saves.length;
  const huge = '超长粘贴内容。'.repeat(150_000); // 1,050,000 characters
  await app.paste({ text: huge, html: `<p>${huge}</p>` });
  await app.toast(/粘贴的内容太长/).waitFor();
  assert.match(await app.toast(/粘贴的内容太长/).innerText(), /100 万字/);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.deepEqual(await app.editorParagraphs(), ['原有内容。']);
  assert.equal(app.saves.length, savesBefore, 'nothing was saved');
  assert.equal((await getDoc(env.served, id)).revision, before.revision);
  await app.close();
});

test('screenshot: a real report pasted, headings set, on the printed-page layout', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.insertText('关于2025年上半年意识形态工作情况的报告');
  await app.page.keyboard.press('Enter');
  await app.paste({ text: report });
  // The body was empty: the "一、…" lines become level-1 headings (黑体, computed numbers).
  await app.toast(recognisedToast).waitFor();
  await app.waitSaved();
  assert.match((await app.pageHeadings())[0] ?? '', /^一、理论武装/);
  await waitUntil('标题已保存', async () => (await getDoc(env.served, id)).content.root.children.some((b) => b.type === 'wg-heading'));

  // The text column is the export's 156 mm and a full line holds 28 characters.
  const layout = await app.editor.evaluate((el) => {
    const doc = el.ownerDocument;
    const probe = doc.createElement('div');
    probe.style.width = '156mm';
    doc.body.append(probe);
    const mm156 = probe.getBoundingClientRect().width;
    probe.remove();
    const para = el.querySelector('p:nth-of-type(2)') ?? el.querySelector('p');
    const style = para ? doc.defaultView?.getComputedStyle(para) : null;
    return { column: el.getBoundingClientRect().width, mm156, lineHeight: style?.lineHeight, fontSize: style?.fontSize, indent: style?.textIndent };
  });
  assert.ok(Math.abs(layout.column - layout.mm156) < 1, `column ${layout.column}px vs 156mm ${layout.mm156}px`);
  assert.ok(layout.fontSize && Math.abs(Number.parseFloat(layout.fontSize) - (16 * 96) / 72) < 0.05, `font-size ${layout.fontSize}`);
  assert.ok(layout.lineHeight && Math.abs(Number.parseFloat(layout.lineHeight) - (28.95 * 96) / 72) < 0.05, `line-height ${layout.lineHeight}`);
  assert.ok(layout.indent && Math.abs(Number.parseFloat(layout.indent) - (32 * 96) / 72) < 0.05, `indent ${layout.indent}`);

  const dir = path.join(os.tmpdir(), 'wengao-screens');
  mkdirSync(dir, { recursive: true });
  await app.editor.click();
  await app.page.keyboard.press('Control+Home');
  await app.page.getByTestId('desk').evaluate((el) => el.scrollTo(0, 0));
  await app.page.screenshot({ path: path.join(dir, 'main.png') });
  await app.page.getByTestId('desk').evaluate((el) => el.scrollTo(0, 900));
  await app.page.screenshot({ path: path.join(dir, 'main-scrolled.png') });
  await app.searchBox.fill('宣传');
  await waitUntil('搜索结果', async () => (await app.page.getByTestId('search-hit').count()) > 0);
  await app.page.screenshot({ path: path.join(dir, 'search.png') });
  console.log(`截图已保存：${dir}`);
  await app.close();
});

test('a web copy pasted into an empty document: numbered headings in the outline, junk dropped; Ctrl+Z twice', async () => {
  const { app, id, notice } = await pasteIntoNewDocument({ text: webCopy });
  assert.equal((await notice.innerText()).split('\n')[0], '已按公文结构识别：8 个标题，删除 6 行网页杂项');
  const outline = await app.outlineHeadings();
  assert.deepEqual(outline.slice(0, 3), ['一、加强学习,强化认识,扎实开展学习活动', '二、加强平台建设,完善工作机制,努力扩大民进影响', '1.及时传递上级精神。']);
  assert.equal(outline.length, 8);
  const recognised = await app.editorParagraphs();
  assert.ok(!recognised.some((p) => p.includes('当前位置') || p.includes('发布时间') || p === '放大'), 'web chrome removed');
  await app.waitSaved();
  const stored = await getDoc(env.served, id);
  assert.equal(stored.content.root.children.filter((b) => b.type === 'wg-heading').length >= 3, true);

  // First Ctrl+Z: the plain paste, junk lines and typed markers as they were.
  await app.editor.focus();
  await undoToPlainPaste(app);
  const plain = await app.editorParagraphs();
  assert.ok(plain.some((p) => p.startsWith('当前位置')), 'the plain paste keeps every line');
  assert.ok(plain.includes('放大'));
  // Second Ctrl+Z: the paste is gone.
  await app.page.keyboard.press('Control+z');
  await waitUntil('粘贴已撤销', async () => (await app.editorParagraphs()).join('').trim() === '');
  await app.waitSaved();
  assert.equal((await storedParagraphs(env.served, id)).join('').trim(), '');
  await app.close();
});

test('恢复为普通粘贴 on the notice gives back the plain paste', async () => {
  const { app, id, notice } = await pasteIntoNewDocument({ text: webCopy });
  assert.ok((await app.pageHeadings()).length > 0);
  await notice.getByRole('button', { name: '恢复为普通粘贴' }).click();
  await waitUntil('普通粘贴', async () => (await app.pageHeadings()).length === 0);
  await app.waitSaved();
  const paragraphs = await storedParagraphs(env.served, id);
  assert.ok(paragraphs[0]?.startsWith('当前位置'), 'the first pasted line is back');
  assert.ok(paragraphs.some((p) => p.startsWith('一、加强学习')), 'markers typed in the text stay as typed');
  await app.close();
});

test('pasting into a document that already has text stays a plain paste', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('已有的导语。');
  await app.page.keyboard.press('Enter');
  await app.paste({ text: webCopy });
  await app.waitSaved();
  await app.page.waitForTimeout(800);
  assert.equal(await app.toast(recognisedToast).count(), 0, 'no recognition notice');
  assert.deepEqual(await app.pageHeadings(), []);
  const paragraphs = await storedParagraphs(env.served, id);
  assert.equal(paragraphs[0], '已有的导语。');
  assert.ok(paragraphs[1]?.startsWith('当前位置'), 'every pasted line kept as typed');
  await app.close();
});

test('a pasted report whose title line is the document title does not repeat it in the text', async () => {
  const app = await AppPage.open(env.browser, env.served);
  const id = await app.newDocument();
  const title = '桂林市阳朔县总支:内强素质 外树形象 创新机制提升宣传思想工作';
  await app.page.keyboard.insertText(title);
  await app.page.keyboard.press('Enter');
  await waitUntil('标题已保存', async () => ((await app.docItem(id).innerText()).includes('内强素质') ? true : null));
  await app.paste({ text: webCopy });
  const notice = app.toast(recognisedToast);
  await notice.waitFor();
  assert.match(await notice.innerText(), /去掉与文稿标题相同的 1 行/);
  const paragraphs = await app.editorParagraphs();
  assert.ok(!paragraphs.some((p) => p.includes('内强素质 外树形象')), 'the title is not repeated in the text');
  await app.close();
});
