import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from './createCore';
import { plainMarkersDocx } from './import/fixtures';
import { safeFileName } from './importHandlers';

function core() {
  return createCore({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'wengao-imp-')), resourcesDir: path.resolve('resources'), autoBackup: false, backgroundCheck: false });
}

test('import.recognise over the contract: pasted text gives a preview and stores nothing', async () => {
  const c = core();
  const r = await c.dispatch('import.recognise', { text: '一、主要工作\n(一)加强学习\n组织学习12次。\n二、下一步打算\n继续抓好学习。', format: 'paste' });
  assert.ok(r.ok);
  const value = r.value as { outline: { level: number; text: string; kind: string | null }[]; fixes: string[] };
  assert.deepEqual(value.outline.map((h) => [h.level, h.text, h.kind]), [[1, '主要工作', 'situation'], [2, '加强学习', null], [1, '下一步打算', 'plan']]);
  assert.ok(value.fixes.some((f) => f.includes('（一）')));
  const list = await c.dispatch('documents.list', {});
  assert.deepEqual(list.ok && list.value, []);
  c.close();
});

test('import.recognise reads .docx bytes and cleans up its temp file; bad bytes get a Chinese error', async () => {
  const c = core();
  const before = readdirSync(os.tmpdir()).filter((n) => n.startsWith('wengao-import-')).length;
  const bytes = await plainMarkersDocx();
  const r = await c.dispatch('import.recognise', { fileName: '../../报告.docx', dataBase64: bytes.toString('base64') });
  assert.ok(r.ok, JSON.stringify(r));
  assert.ok((r.value as { outline: unknown[] }).outline.length > 0);
  const bad = await c.dispatch('import.recognise', { fileName: 'x.docx', dataBase64: Buffer.from('not a zip at all').toString('base64') });
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.error.message : '', /[\u4e00-\u9fff]/);
  const after = readdirSync(os.tmpdir()).filter((n) => n.startsWith('wengao-import-')).length;
  assert.equal(after, before);
  c.close();
});

test('file names from the renderer cannot leave the temp folder', () => {
  assert.equal(safeFileName('../../etc/passwd'), 'passwd');
  assert.equal(safeFileName('C:\\Users\\a\\报告.docx'), '报告.docx');
  assert.equal(safeFileName('..'), 'import');
});
