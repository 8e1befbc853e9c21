import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { snippetPackSchema } from '../common/snippetModel';
import { runCli } from './cli';

/** Runs the CLI against a data folder, capturing stdout/stderr. */
async function cli(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'wengao-cli-snip-'));
}

type Row = { id: string; title: string; body: string; kind: string; tags: string[] };

test('snippets search --json prints an array of {id, title, body, kind, tags}; pinyin, initials and --kind work', async () => {
  const dir = tempDir();
  const found = await cli(dir, 'snippets', 'search', 'shoutufuze', '--json');
  assert.equal(found.code, 0, found.err);
  const rows = JSON.parse(found.out) as Row[];
  assert.ok(rows.length >= 1);
  assert.deepEqual(Object.keys(rows[0] as Row).sort(), ['body', 'id', 'kind', 'tags', 'title']);
  assert.ok(rows.some((r) => r.body.includes('守土负责')));
  const initials = JSON.parse((await cli(dir, 'snippets', 'search', 'stfz', '--json')).out) as Row[];
  assert.deepEqual(initials.map((r) => r.id), rows.map((r) => r.id));
  const onlyPlan = JSON.parse((await cli(dir, 'snippets', 'search', '整改', '--kind', '下步打算', '--json')).out) as Row[];
  assert.ok(onlyPlan.length > 0 && onlyPlan.every((r) => r.kind === 'plan'));
  const human = await cli(dir, 'snippets', 'search', '守土');
  assert.match(human.out, /［.+·.+］/);
  assert.match(human.out, /守土/);
});

test('snippets add, then export without --kind holds the whole library; import into a fresh folder round-trips', async () => {
  const dir = tempDir();
  const added = await cli(dir, 'snippets', 'add', '--title', '河长制巡河', '--body', '{{单位}}常态化开展巡河护河。', '--kind', 'situation', '--tags', '河长制,生态', '--topic', '生态环保', '--json');
  assert.equal(added.code, 0, added.err);
  const snippet = JSON.parse(added.out) as Row & { topic: string };
  assert.match(snippet.id, /^u-/);
  assert.deepEqual(snippet.tags, ['河长制', '生态']);
  assert.equal(snippet.topic, '生态环保');
  const searched = JSON.parse((await cli(dir, 'snippets', 'search', 'hezhangzhi', '--json')).out) as Row[];
  assert.deepEqual(searched.map((r) => r.id), [snippet.id]);

  const file = path.join(dir, '常用语.json');
  const exported = await cli(dir, 'snippets', 'export', '--out', file);
  assert.equal(exported.code, 0, exported.err);
  const pack = snippetPackSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  assert.ok(pack.snippets.length >= 401);
  assert.ok(pack.snippets.some((s) => s.id === snippet.id) && pack.snippets.some((s) => s.id === 'ope-001'));
  const onlyMine = path.join(dir, 'mine.json');
  assert.equal((await cli(dir, 'snippets', 'export', '--out', onlyMine, '--topic', '生态环保')).code, 0);
  assert.deepEqual(snippetPackSchema.parse(JSON.parse(readFileSync(onlyMine, 'utf8'))).snippets.map((s) => s.id), [snippet.id]);

  const fresh = tempDir();
  const imported = await cli(fresh, 'snippets', 'import', file, '--json');
  assert.equal(imported.code, 0, imported.err);
  assert.deepEqual(JSON.parse(imported.out), { name: '常用语-全部', added: 1, duplicates: pack.snippets.length - 1 });
  const there = JSON.parse((await cli(fresh, 'snippets', 'search', '巡河护河', '--json')).out) as Row[];
  assert.deepEqual(there.map((r) => r.id), [snippet.id]);
});

test('snippets import of a bad pack exits 1 listing every problem and stores nothing', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({ format: 'wengao-snippets', version: 1, name: '坏包', snippets: [
    { id: 'u-ok0001', title: '好的', body: '一条完全没有问题的常用语', kind: 'plan', topic: '综合', tags: [] },
    { id: 'u-bad001', title: '坏的', body: '短', kind: 'plan', topic: '综合', tags: [] },
    { id: 'u-bad002', title: '坏的二', body: '类型不对的一条', kind: 'nope', topic: '综合', tags: [] },
  ] }));
  const r = await cli(dir, 'snippets', 'import', file);
  assert.equal(r.code, 1);
  assert.match(r.err, /第 2 条（u-bad001）正文：正文至少 2 个字/);
  assert.match(r.err, /第 3 条（u-bad002）类型/);
  assert.equal(JSON.parse((await cli(dir, 'snippets', 'search', '完全没有问题', '--json')).out).length, 0);
});

test('snippets usage errors print Chinese usage and exit 2', async () => {
  const dir = tempDir();
  for (const argv of [
    ['snippets'],
    ['snippets', 'frob'],
    ['snippets', 'search'],
    ['snippets', 'search', '整改', '--kind', 'summary'],
    ['snippets', 'add', '--title', '甲', '--body', '乙丙丁'],
    ['snippets', 'add', '--body', '乙丙丁', '--kind', 'plan'],
    ['snippets', 'export'],
    ['snippets', 'export', '--out', 'x.txt'],
    ['snippets', 'import'],
  ]) {
    const r = await cli(dir, ...argv);
    assert.equal(r.code, 2, `args ${argv.join(' ')}: ${r.err}`);
    assert.equal(r.out, '');
    assert.match(r.err, /用法：/);
    assert.match(r.err, /snippets search/);
  }
});
