import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../common/errors';
import { fieldParagraphNode, headingNode, roleBlockNode } from '../../common/reportModel';
import { exportDocxToFile, exportTextToFile } from './index';
import { contentOf } from './testSupport';

test('exports a stored report and a text file to .docx files; refuses other file names', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-export-file-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const content = contentOf([headingNode(1, '主要工作'), fieldParagraphNode('{{单位}}做了很多工作。'), roleBlockNode('signature', '{{单位}}'), roleBlockNode('date', '2025年7月1日')]);
  const stored = await exportDocxToFile({ title: '工作总结', content, fields: { 单位: '某某局' } }, path.join(dir, '工作总结.docx'));
  assert.equal(stored.path, path.join(dir, '工作总结.docx'));
  assert.equal(stored.pages, 1);
  assert.deepEqual(stored.warnings, []);
  assert.equal(readFileSync(stored.path).subarray(0, 2).toString('latin1'), 'PK');
  assert.equal(stored.bytes, readFileSync(stored.path).length);

  const fromText = await exportTextToFile('年度工作总结\n一、主要工作\n做了很多工作。\n', path.join(dir, '年度.docx'));
  assert.equal(fromText.title, '年度工作总结');
  assert.ok(existsSync(fromText.path));

  await assert.rejects(exportDocxToFile({ title: 'x', content }, path.join(dir, '工作总结.doc')), (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT' && /\.docx 结尾/.test(e.message));
  assert.deepEqual(readdirSync(dir).sort(), ['工作总结.docx', '年度.docx']);
});
