import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './cli';

/** Runs the CLI against a data folder, capturing stdout/stderr. */
async function cli(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'wengao-cli-'));
}

test('new --json prints exactly one object with id and title; list --json prints an array', async () => {
  const dir = tempDir();
  const created = await cli(dir, 'new', '--title', '2025年上半年工作总结', '--json');
  assert.equal(created.code, 0, created.err);
  const doc = JSON.parse(created.out) as { id: string; title: string };
  assert.deepEqual(Object.keys(doc).sort(), ['id', 'title']);
  assert.equal(doc.title, '2025年上半年工作总结');
  const listed = await cli(dir, 'list', '--json');
  const docs = JSON.parse(listed.out) as { id: string }[];
  assert.ok(Array.isArray(docs));
  assert.deepEqual(docs.map((d) => d.id), [doc.id]);
});

test('put replaces the body with the file\'s paragraphs; show --text prints them; search finds 2 characters', async () => {
  const dir = tempDir();
  const { id } = JSON.parse((await cli(dir, 'new', '--title', '意识形态工作情况报告', '--json')).out) as { id: string };
  const file = path.join(dir, 'body.txt');
  writeFileSync(file, '\uFEFF今年以来，我局认真落实意识形态工作责任制。\r\n\r\n一、加强舆情研判\r\n  建立舆情周报制度。\n');
  const put = await cli(dir, 'put', id, '--text-file', file, '--json');
  assert.equal(put.code, 0, put.err);
  const shown = await cli(dir, 'show', id, '--text');
  assert.equal(shown.out, '意识形态工作情况报告\n\n今年以来，我局认真落实意识形态工作责任制。\n一、加强舆情研判\n建立舆情周报制度。\n');
  const found = await cli(dir, 'search', '舆情', '--json');
  const hits = JSON.parse(found.out) as { id: string; excerpt: string }[];
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.id, id);
  assert.match(hits[0]?.excerpt ?? '', /舆情/);
  const human = await cli(dir, 'search', '舆情');
  assert.match(human.out, /【舆情】/);
});

test('wrong arguments print Chinese usage on stderr and exit 2', async () => {
  const dir = tempDir();
  for (const argv of [['frobnicate'], [], ['new', '--colour', 'red'], ['show'], ['search'], ['put', 'abc']]) {
    const r = await cli(dir, ...argv);
    assert.equal(r.code, 2, `args ${argv.join(' ')}`);
    assert.equal(r.out, '');
    assert.match(r.err, /用法：/);
  }
});

test('failures print a Chinese message and exit 1 without changing the document', async () => {
  const dir = tempDir();
  const missing = await cli(dir, 'show', 'nosuchdoc');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /[\u4e00-\u9fff]/);
  const { id } = JSON.parse((await cli(dir, 'new', '--title', '甲', '--json')).out) as { id: string };
  const gbk = path.join(dir, 'gbk.txt');
  writeFileSync(gbk, Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xff, 0xfe]));
  const bad = await cli(dir, 'put', id, '--text-file', gbk);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /UTF-8/);
  const absent = await cli(dir, 'put', id, '--text-file', path.join(dir, 'none.txt'));
  assert.equal(absent.code, 1);
  assert.match(absent.err, /无法读取/);
  const shown = await cli(dir, 'show', id, '--json');
  assert.equal((JSON.parse(shown.out) as { text: string }).text, '');
});
