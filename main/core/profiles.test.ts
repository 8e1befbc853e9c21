import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { GBT9704_PROFILE, profileGrid } from '../common/formatProfile';
import type { FormatProfile } from '../common/formatProfile';
import { docxParts } from './export/testSupport';
import { BUILTIN_PROFILE_ID } from './profiles';
import { call, callError, openCore, paragraphs, tempDir } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** A core on a fresh folder. */
function fresh(dataDir = tempDir(cleanups)) {
  const core = openCore(dataDir);
  cleanups.unshift(() => core.close());
  return core;
}

/** A local rule: 25 lines of 28 characters (26.5 pt pitch, 30/30/25/25 mm margins), bold level 2 and 3. */
function localProfile(): FormatProfile {
  const p = structuredClone(GBT9704_PROFILE);
  p.margins = { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 25 };
  p.body.lineSpacingPt = 26.5;
  p.headings[1].bold = true;
  p.headings[2].bold = true;
  return p;
}

test('the built-in GB/T 9704 profile is listed first, and saved profiles follow by name', async () => {
  const core = fresh();
  const [builtin, ...rest] = await call(core, 'profiles.list', {});
  assert.equal(builtin?.id, BUILTIN_PROFILE_ID);
  assert.equal(builtin?.builtin, true);
  assert.deepEqual(builtin?.profile, GBT9704_PROFILE);
  assert.equal(rest.length, 0);
  await call(core, 'profiles.save', { name: '市委办公室', profile: localProfile() });
  await call(core, 'profiles.save', { name: '本局格式', profile: localProfile() });
  const names = (await call(core, 'profiles.list', {})).map((p) => `${p.name}:${p.builtin}`);
  assert.equal(names.length, 3);
  assert.equal(names[0], `${GBT9704_PROFILE.name}:true`);
  assert.deepEqual(names.slice(1).sort(), ['市委办公室:false', '本局格式:false']);
});

test('a saved profile keeps every value, survives reopening, and can be renamed and changed', async () => {
  const dir = tempDir(cleanups);
  let core = fresh(dir);
  const saved = await call(core, 'profiles.save', { name: '  本局格式 ', profile: localProfile() });
  assert.equal(saved.name, '本局格式');
  assert.equal(saved.builtin, false);
  assert.equal(saved.profile.name, '本局格式', 'the profile carries its name');
  assert.deepEqual([profileGrid(saved.profile).linesPerPage, profileGrid(saved.profile).charsPerLine], [25, 28]);
  core.close();
  core = fresh(dir);
  const reread = (await call(core, 'profiles.list', {})).find((p) => p.id === saved.id);
  assert.deepEqual(reread?.profile, saved.profile);
  const changed = localProfile();
  changed.margins.leftMm = 35;
  const renamed = await call(core, 'profiles.save', { id: saved.id, name: '本局格式（新）', profile: changed });
  assert.equal(renamed.id, saved.id);
  const list = await call(core, 'profiles.list', {});
  assert.equal(list.length, 2);
  assert.equal(list[1]?.name, '本局格式（新）');
  assert.equal(list[1]?.profile.margins.leftMm, 35);
});

test('names are unique (case and full-width ignored); a clash changes nothing', async () => {
  const core = fresh();
  const first = await call(core, 'profiles.save', { name: 'ABC 格式', profile: localProfile() });
  const clash = await callError(core, 'profiles.save', { name: 'ａｂｃ 格式', profile: GBT9704_PROFILE });
  assert.equal(clash.code, 'CONFLICT');
  assert.match(clash.message, /已有名为“ABC 格式”的版式方案。请换一个名称/);
  const second = await call(core, 'profiles.save', { name: '另一个', profile: GBT9704_PROFILE });
  // Renaming onto another profile's name is refused too, and leaves both as they were.
  assert.equal((await callError(core, 'profiles.save', { id: second.id, name: 'abc 格式', profile: localProfile() })).code, 'CONFLICT');
  const list = await call(core, 'profiles.list', {});
  assert.deepEqual(
    list.slice(1).map((p) => [p.id, p.name, p.profile.body.lineSpacingPt]),
    [
      [first.id, 'ABC 格式', 26.5],
      [second.id, '另一个', 28.95],
    ],
  );
  // Saving a profile under its own name is no clash; the built-in profile's name is taken.
  await call(core, 'profiles.save', { id: first.id, name: 'ABC 格式', profile: localProfile() });
  const builtinName = await callError(core, 'profiles.save', { name: GBT9704_PROFILE.name, profile: localProfile() });
  assert.equal(builtinName.code, 'CONFLICT');
  assert.match(builtinName.message, /内置方案的名称/);
});

test('impossible values are refused with each problem in Chinese, and nothing is stored', async () => {
  const core = fresh();
  const bad = structuredClone(GBT9704_PROFILE);
  bad.margins.leftMm = 120;
  bad.margins.rightMm = 100;
  bad.margins.topMm = 150;
  bad.margins.bottomMm = 160;
  const error = await callError(core, 'profiles.save', { name: '坏格式', profile: bad });
  assert.equal(error.code, 'INVALID_INPUT');
  assert.match(error.message, /版式方案“坏格式”有 2 处设置无法排版，没有保存/);
  assert.match(error.message, /左右边距之和（220 毫米）不小于纸张宽度（210 毫米），没有留下版心/);
  assert.match(error.message, /上下边距之和（310 毫米）不小于纸张高度（297 毫米），没有留下版心/);
  const zeroLines = structuredClone(GBT9704_PROFILE);
  zeroLines.margins.topMm = 140;
  zeroLines.margins.bottomMm = 150;
  const zero = await callError(core, 'profiles.save', { name: '零行', profile: zeroLines });
  assert.match(zero.message, /每页 0 行/);
  const negative = structuredClone(GBT9704_PROFILE);
  negative.body.lineSpacingPt = 0;
  negative.body.sizePt = -1;
  const both = await callError(core, 'profiles.save', { name: '负数', profile: negative });
  assert.match(both.message, /正文字号必须大于 0 磅。；正文行距必须大于 0 磅。/);
  assert.equal((await call(core, 'profiles.list', {})).length, 1);
});

test('the built-in profile can be neither saved over nor deleted; unknown ids answer NOT_FOUND', async () => {
  const core = fresh();
  const over = await callError(core, 'profiles.save', { id: BUILTIN_PROFILE_ID, name: '改内置', profile: localProfile() });
  assert.equal(over.code, 'INVALID_INPUT');
  assert.match(over.message, /不能修改。请先“复制为新方案”/);
  const del = await callError(core, 'profiles.delete', { id: BUILTIN_PROFILE_ID });
  assert.match(del.message, /不能删除/);
  assert.deepEqual((await call(core, 'profiles.list', {}))[0]?.profile, GBT9704_PROFILE);
  assert.equal((await callError(core, 'profiles.delete', { id: 'nosuchprofile' })).code, 'NOT_FOUND');
  const missing = await callError(core, 'profiles.save', { id: 'nosuchprofile', name: '新', profile: localProfile() });
  assert.equal(missing.code, 'NOT_FOUND');
  assert.equal((await call(core, 'profiles.list', {})).length, 1, 'saving under an unknown id creates nothing');
});

test('delete removes a saved profile; its name is free again', async () => {
  const core = fresh();
  const saved = await call(core, 'profiles.save', { name: '临时', profile: localProfile() });
  assert.deepEqual(await call(core, 'profiles.delete', { id: saved.id }), { ok: true });
  assert.equal((await call(core, 'profiles.list', {})).length, 1);
  assert.equal((await callError(core, 'profiles.delete', { id: saved.id })).code, 'NOT_FOUND');
  await call(core, 'profiles.save', { name: '临时', profile: localProfile() });
});

/** Attribute values of sectPr's pgMar in document.xml. */
function pageMargins(documentXml: string): Record<string, number> {
  const tag = /<w:pgMar [^>]*\/>/.exec(documentXml)?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/w:(\w+)="(-?\d+)"/g)].map((m) => [m[1], Number(m[2])]));
}

test('export.docx with a saved profile id lays the file out with that profile', async () => {
  const core = fresh();
  const doc = await call(core, 'documents.create', { title: '工作总结', content: paragraphs(...Array.from({ length: 60 }, () => '今年以来，我局认真贯彻落实上级部署，扎实推进各项工作。'.repeat(3))) });
  const saved = await call(core, 'profiles.save', { name: '本局格式', profile: localProfile() });
  const standard = await call(core, 'export.docx', { id: doc.id });
  const local = await call(core, 'export.docx', { id: doc.id, profileId: saved.id });
  const builtin = await call(core, 'export.docx', { id: doc.id, profileId: BUILTIN_PROFILE_ID });
  const standardXml = (await docxParts(Buffer.from(standard.dataBase64, 'base64'))).get('word/document.xml') ?? '';
  assert.equal((await docxParts(Buffer.from(builtin.dataBase64, 'base64'))).get('word/document.xml'), standardXml, 'id gbt9704 is the default');
  const localParts = await docxParts(Buffer.from(local.dataBase64, 'base64'));
  const localXml = localParts.get('word/document.xml') ?? '';
  assert.deepEqual([pageMargins(standardXml).top, pageMargins(standardXml).left], [2098, 1587]);
  const m = pageMargins(localXml);
  // 30 mm = 1701 twips, 25 mm = 1417 twips.
  assert.deepEqual([m.top, m.bottom, m.left, m.right], [1701, 1701, 1417, 1417]);
  assert.match(localParts.get('word/styles.xml') ?? '', /w:line="530" w:lineRule="exact"/);
  // 25 lines per page instead of 22: fewer pages than GB/T 9704 for the same text.
  assert.ok(local.pages < standard.pages, `${local.pages} < ${standard.pages}`);
  const gone = await callError(core, 'export.docx', { id: doc.id, profileId: 'nosuchprofile' });
  assert.equal(gone.code, 'NOT_FOUND');
  assert.match(gone.message, /^版式方案不存在/);
});

test('page numbers: none writes no footer and no PAGE field; outside writes odd and even footers', async () => {
  const core = fresh();
  const doc = await call(core, 'documents.create', { title: '工作总结', content: paragraphs('今年以来，我局认真贯彻落实上级部署。') });
  const noNumbers = localProfile();
  noNumbers.pageNumber.placement = 'none';
  // Without page numbers a bottom margin too small for them is fine.
  noNumbers.margins.bottomMm = 5;
  const saved = await call(core, 'profiles.save', { name: '无页码', profile: noNumbers });
  const none = await docxParts(Buffer.from((await call(core, 'export.docx', { id: doc.id, profileId: saved.id })).dataBase64, 'base64'));
  assert.equal([...none.keys()].filter((k) => /^word\/footer/.test(k)).length, 0);
  assert.doesNotMatch(none.get('word/document.xml') ?? '', /footerReference/);
  assert.doesNotMatch([...none.values()].join(''), /PAGE/);
  assert.doesNotMatch(none.get('word/settings.xml') ?? '', /evenAndOddHeaders/);
  const outside = await docxParts(Buffer.from((await call(core, 'export.docx', { id: doc.id })).dataBase64, 'base64'));
  const footers = [...outside.keys()].filter((k) => /^word\/footer/.test(k));
  assert.equal(footers.length, 2);
  for (const f of footers) assert.match(outside.get(f) ?? '', /PAGE/);
});
