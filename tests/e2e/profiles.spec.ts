// 版式设置: from the export dialog the writer copies the built-in GB/T 9704 profile, changes the
// margins and lines per page (the grid and page diagram follow live), meets the inline error of an
// impossible value (保存 disabled), saves the profile, and exports with it: the page count shown is
// the profile's, the downloaded .docx has its margins and line pitch, and the choice is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowserMode } from './harness';
import { AppPage, call, waitUntil } from './appPage';
import { docxParts } from '../../main/core/export/testSupport';

const env = useBrowserMode();

/** Attribute values of sectPr's pgMar in a .docx's document.xml. */
function pageMargins(documentXml: string): Record<string, number> {
  const tag = /<w:pgMar [^>]*\/>/.exec(documentXml)?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/w:(\w+)="(-?\d+)"/g)].map((m) => [m[1], Number(m[2])]));
}

test('版式设置: copy GB/T 9704, change margins and lines live, an impossible value blocks 保存, save, export with it', async () => {
  const doc = await call<{ id: string }>(env.served, 'documents.create', { title: '关于2025年上半年工作情况的报告' });
  const paragraph = '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实上级各项决策部署，扎实推进各项重点工作。';
  await call(env.served, 'documents.replaceText', { id: doc.id, text: Array.from({ length: 60 }, () => paragraph).join('\n') });
  const standardPages = (await call<{ pages: number }>(env.served, 'export.docx', { id: doc.id })).pages;

  const app = await AppPage.open(env.browser, env.served);
  const page = app.page;
  await app.openDoc(doc.id);
  await page.getByTestId('export-docx').click();
  const pages = page.getByTestId('export-pages');
  await waitUntil('导出对话框显示页数', async () => /导出约 \d+ 页/.test((await pages.textContent()) ?? ''));
  assert.equal(await page.getByTestId('export-profile').inputValue(), 'gbt9704');
  assert.equal(await pages.textContent(), `导出约 ${standardPages} 页（每页 22 行，每行 28 字）。`);

  // 版式设置 opens on the profile in use: the built-in one, read-only.
  await page.getByTestId('export-profiles').click();
  const grid = page.getByTestId('profile-grid');
  await waitUntil('版式设置显示内置方案', async () => (await grid.textContent()) === '每页 22 行 × 每行 28 字');
  assert.equal(await page.getByTestId('profile-save').isDisabled(), true);
  assert.equal(await page.getByTestId('margin-top').isDisabled(), true, 'the built-in profile cannot be edited');

  await page.getByTestId('profile-copy').click();
  assert.equal(await page.getByTestId('profile-name').inputValue(), 'GB/T 9704—2012 党政机关公文格式 副本');
  assert.equal(await page.getByTestId('margin-top').isDisabled(), false);
  // Margins change the grid at once: 30/30/25/25 mm at 28.95 pt gives 23 lines of 28 characters.
  await page.getByTestId('margin-top').fill('30');
  await page.getByTestId('margin-bottom').fill('30');
  await page.getByTestId('margin-left').fill('25');
  await page.getByTestId('margin-right').fill('25');
  assert.equal(await grid.textContent(), '每页 23 行 × 每行 28 字');
  // 每页行数 writes the line pitch that gives it.
  await page.getByTestId('lines-per-page').fill('25');
  assert.equal(await grid.textContent(), '每页 25 行 × 每行 28 字');
  await page.getByTestId('lines-per-page').blur();
  assert.equal(await page.getByTestId('line-spacing').inputValue(), '26.85');
  assert.match((await page.getByTestId('page-diagram').getAttribute('aria-label')) ?? '', /上 30、下 30、左 25、右 25 毫米，版心 160 × 237 毫米，每页 25 行/);

  // An impossible value: the error shows inline, in Chinese, and 保存 is disabled.
  await page.getByTestId('margin-left').fill('200');
  const errors = page.getByTestId('profile-errors');
  await errors.waitFor();
  assert.match((await errors.textContent()) ?? '', /左右边距之和（225 毫米）不小于纸张宽度（210 毫米），没有留下版心。/);
  assert.equal(await grid.textContent(), '没有版心');
  assert.equal(await page.getByTestId('profile-save').isDisabled(), true);
  assert.equal(await page.getByTestId('profile-status').textContent(), '有 1 处设置需要改正（见右侧），改正后才能保存。');
  await page.getByTestId('margin-left').fill('25');
  await waitUntil('错误消失', async () => (await errors.count()) === 0);
  // A name already taken is an error too.
  await page.getByTestId('profile-name').fill('GB/T 9704—2012 党政机关公文格式');
  assert.match((await page.getByTestId('profile-errors').textContent()) ?? '', /已有名为/);
  await page.getByTestId('profile-name').fill('本局格式');
  await page.getByLabel('二级标题加粗').check();
  assert.equal(await page.getByTestId('profile-save').isEnabled(), true);
  await page.getByTestId('profile-save').click();
  await waitUntil('已保存', async () => (await page.getByTestId('profile-status').textContent()) === '已保存“本局格式”。');
  const stored = await call<{ id: string; name: string; profile: { margins: Record<string, number>; body: { lineSpacingPt: number }; headings: { bold: boolean }[] } }[]>(env.served, 'profiles.list', {});
  const saved = stored.find((p) => p.name === '本局格式');
  assert.ok(saved);
  assert.deepEqual(saved.profile.margins, { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 25 });
  assert.equal(saved.profile.body.lineSpacingPt, 26.85);
  assert.equal(saved.profile.headings[1]?.bold, true);

  // Back in the export dialog the saved profile is chosen, with its own page count.
  await page.getByRole('dialog', { name: '版式设置' }).getByRole('button', { name: '关闭' }).click();
  await waitUntil('导出对话框选中新方案', async () => (await page.getByTestId('export-profile').inputValue()) === saved.id);
  const localPages = (await call<{ pages: number }>(env.served, 'export.docx', { id: doc.id, profileId: saved.id })).pages;
  assert.ok(localPages < standardPages, `${localPages} < ${standardPages}`);
  await waitUntil('页数按新方案', async () => (await pages.textContent()) === `导出约 ${localPages} 页（每页 25 行，每行 28 字）。`);
  // The warnings still come first (this report has no 成文日期).
  assert.match((await page.getByTestId('export-warnings').textContent()) ?? '', /缺少成文日期/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-anyway').click()]);
  const parts = await docxParts(readFileSync(await download.path()));
  const m = pageMargins(parts.get('word/document.xml') ?? '');
  assert.deepEqual([m.top, m.bottom, m.left, m.right], [1701, 1701, 1417, 1417]);
  assert.match(parts.get('word/styles.xml') ?? '', /w:line="537" w:lineRule="exact"/);

  // The choice is remembered for the next export.
  await page.getByTestId('export-docx').click();
  await waitUntil('记住上次的方案', async () => (await page.getByTestId('export-profile').inputValue()) === saved.id && /每页 25 行/.test((await pages.textContent()) ?? ''));
  await page.getByTestId('export-profile').selectOption('gbt9704');
  await waitUntil('换回 GB/T 9704', async () => (await pages.textContent()) === `导出约 ${standardPages} 页（每页 22 行，每行 28 字）。`);
  await page.keyboard.press('Escape');
  await waitUntil('Esc 关闭导出对话框', async () => (await page.getByRole('dialog').count()) === 0);
  await app.close();
});

test('版式设置: unsaved changes are not lost without asking; deleting the chosen profile sends the export back to GB/T 9704', async () => {
  const doc = await call<{ id: string }>(env.served, 'documents.create', { title: '工作计划' });
  await call(env.served, 'documents.replaceText', { id: doc.id, text: '今年以来，我局认真贯彻落实上级部署。' });
  const profile = (await call<{ profile: unknown }[]>(env.served, 'profiles.list', {}))[0]?.profile as Record<string, unknown>;
  const saved = await call<{ id: string }>(env.served, 'profiles.save', { name: '临时格式', profile });
  const app = await AppPage.open(env.browser, env.served);
  const page = app.page;
  await app.openDoc(doc.id);
  await page.getByTestId('export-docx').click();
  await page.getByTestId('export-profile').selectOption(saved.id);
  await page.getByTestId('export-profiles').click();
  const name = page.getByTestId('profile-name');
  await waitUntil('打开选中的方案', async () => (await name.inputValue()) === '临时格式');
  await page.getByTestId('margin-top').fill('40');
  // Another profile while this one has unsaved changes: asked first; 取消 keeps the edit.
  await page.getByTestId('profile-list').getByText('GB/T 9704—2012 党政机关公文格式').click();
  const ask = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await ask.waitFor();
  await ask.getByRole('button', { name: '取消' }).click();
  assert.equal(await page.getByTestId('margin-top').inputValue(), '40');
  assert.equal(await page.getByTestId('profile-status').textContent(), '有未保存的修改。');
  // Delete it (confirmed): it is gone, and the form shows the built-in profile.
  await page.getByTestId('profile-delete').click();
  const confirm = page.getByRole('dialog', { name: '删除版式方案？' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await waitUntil('已删除', async () => (await page.getByTestId('profile-status').textContent()) === '已删除。');
  assert.equal(await name.inputValue(), 'GB/T 9704—2012 党政机关公文格式');
  assert.ok(!(await call<{ id: string }[]>(env.served, 'profiles.list', {})).some((p) => p.id === saved.id));
  await page.getByRole('dialog', { name: '版式设置' }).getByRole('button', { name: '关闭' }).click();
  await waitUntil('导出换回 GB/T 9704', async () => (await page.getByTestId('export-profile').inputValue()) === 'gbt9704' && /每页 22 行/.test((await page.getByTestId('export-pages').textContent()) ?? ''));
  await page.keyboard.press('Escape');
  await app.close();
});
