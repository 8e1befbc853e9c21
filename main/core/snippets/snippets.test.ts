import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SnippetHit } from '../../common/contract';
import { MAX_PACK_SNIPPETS, snippetKinds, snippetPackSchema } from '../../common/snippetModel';
import type { Snippet } from '../../common/snippetModel';
import { call, callError, openCore, tempDir, testClock } from '../testSupport';
import { loadDefaultSnippets } from './library';
import { jsonErrorOffset, lineColumn } from './packs';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** The shipped resources folder. */
const resourcesDir = path.resolve(__dirname, '..', '..', '..', 'resources');

/** A snippet for packs made by the tests. */
function snippet(id: string, title: string, body: string, kind: Snippet['kind'] = 'situation', extra: Partial<Snippet> = {}): Snippet {
  return { id, title, body, kind, topic: '综合', tags: [], ...extra };
}

/** A resources folder holding one pack file with these snippets. */
function resourcesWith(snippets: Snippet[]): string {
  const dir = tempDir(cleanups);
  mkdirSync(path.join(dir, 'snippets'));
  writeFileSync(path.join(dir, 'snippets', 'test.json'), JSON.stringify({ format: 'wengao-snippets', version: 1, name: '测试', snippets }));
  return dir;
}

const ids = (hits: SnippetHit[]): string[] => hits.map((h) => h.id);

describe('the default library', () => {
  test('every shipped file validates: at least 400 snippets, unique ids, every kind present', () => {
    const library = loadDefaultSnippets(path.join(resourcesDir, 'snippets'));
    assert.deepEqual(library.problems, []);
    assert.ok(library.snippets.length >= 400, `only ${library.snippets.length} snippets`);
    assert.equal(new Set(library.snippets.map((s) => s.id)).size, library.snippets.length);
    for (const kind of snippetKinds) assert.ok(library.snippets.some((s) => s.kind === kind), kind);
    const files = readdirSync(path.join(resourcesDir, 'snippets')).filter((n) => n.endsWith('.json'));
    assert.equal(files.length, snippetKinds.length);
  });

  test('a broken default file is reported in Chinese with where the problem is, never silently dropped', async () => {
    const dir = tempDir(cleanups);
    mkdirSync(path.join(dir, 'snippets'));
    writeFileSync(path.join(dir, 'snippets', 'good.json'), JSON.stringify({ format: 'wengao-snippets', version: 1, name: '好', snippets: [snippet('aaa-001', '好的', '这是一条好的常用语')] }));
    writeFileSync(path.join(dir, 'snippets', 'bad.json'), JSON.stringify({ format: 'wengao-snippets', version: 1, name: '坏', snippets: [snippet('bbb-001', '坏的', '短')] }));
    writeFileSync(path.join(dir, 'snippets', 'broken.json'), '{\n  "format": "wengao-snippets",\n  "version": 1,,\n}');
    const logged: string[] = [];
    const core = openCore(tempDir(cleanups), { resourcesDir: dir, onError: (where, error) => logged.push(`${where} ${(error as Error).message}`) });
    cleanups.push(() => core.close());
    const { hits } = await call(core, 'snippets.search', { query: '' });
    assert.deepEqual(ids(hits), ['aaa-001']);
    assert.equal(logged.length, 2, logged.join('\n'));
    assert.match(logged.join('\n'), /bad\.json.*第 1 条（bbb-001）正文：正文至少 2 个字/);
    assert.match(logged.join('\n'), /broken\.json.*第 3 行第 16 列/);
  });
});

describe('search', () => {
  const core = openCore(tempDir(cleanups), { resourcesDir });
  after(() => core.close());
  const search = async (query: string, extra: Record<string, unknown> = {}) => call(core, 'snippets.search', { query, ...extra });

  test('finds a phrase by Chinese, by full pinyin, by initials and by a typed pinyin prefix', async () => {
    const chinese = await search('守土');
    assert.ok(chinese.total >= 1);
    const first = chinese.hits[0] as SnippetHit;
    assert.match(first.title + first.body, /守土/);
    for (const query of ['shoutufuze', 'stfz', 'shoutu', 'shoutuf', 'tufuze', '守tu', 'ShouTu']) {
      const result = await search(query);
      assert.ok(result.hits.some((h) => h.body.includes('守土负责')), `${query} should find 守土负责`);
      assert.ok(result.hits.every((h) => `${h.title}${h.body}${h.tags.join('')}${h.topic}`.includes('守土')), `${query} found something without 守土`);
    }
    // A match must start at a syllable: "outu" is inside "shoutu" but is not pinyin anyone types.
    assert.equal((await search('outufuze')).total, 0);
  });

  test('highlights Chinese matches and maps pinyin matches back to the characters', async () => {
    const hit = (await search('守土负责')).hits.find((h) => h.body.includes('守土负责')) as SnippetHit;
    const at = hit.body.indexOf('守土负责');
    assert.deepEqual(hit.bodyHighlights[0], [at, at + 4]);
    const viaPinyin = (await search('shoutufuze')).hits.find((h) => h.id === hit.id) as SnippetHit;
    assert.ok(viaPinyin.bodyHighlights.some(([s, e]) => hit.body.slice(s, e) === '守土负责'), JSON.stringify(viaPinyin.bodyHighlights));
    const viaInitials = (await search('stfz')).hits.find((h) => h.id === hit.id) as SnippetHit;
    assert.ok(viaInitials.bodyHighlights.some(([s, e]) => hit.body.slice(s, e) === '守土负责'));
  });

  test('filters by kind, topic and tag; an empty query browses', async () => {
    const shortcomings = await search('', { kind: 'shortcomings', limit: 500 });
    assert.ok(shortcomings.total > 20);
    assert.ok(shortcomings.hits.every((h) => h.kind === 'shortcomings'));
    const topic = await search('', { topic: '意识形态', limit: 500 });
    assert.ok(topic.total > 0 && topic.hits.every((h) => h.topic === '意识形态'));
    const facets = await call(core, 'snippets.facets', {});
    const tag = facets.tags[0]?.tag as string;
    const tagged = await search('', { tag, limit: 500 });
    assert.equal(tagged.total, facets.tags[0]?.count);
    assert.equal(facets.kinds.reduce((n, k) => n + k.count, 0), facets.total);
  });
});

describe('ranking', () => {
  // Five snippets that all contain 整改 once, so only the ranking rules tell them apart.
  const library = [
    snippet('rk-body', '落实要求', '对照问题清单逐项整改到位', 'situation'),
    snippet('rk-title-mid', '问题整改情况', '逐项抓好落实', 'situation'),
    snippet('rk-prefix', '整改落实', '对照清单逐项销号', 'situation'),
    snippet('rk-exact', '整改', '抓好问题清单销号管理', 'situation'),
    snippet('rk-short', '短板弱项', '部分问题整改不彻底，存在反弹回潮', 'shortcomings'),
    snippet('rk-plan', '下步计划', '持续抓好问题整改，巩固成果', 'plan'),
    snippet('rk-pinyin', '工作安排', '召开会议研究部署工作', 'plan'),
  ];

  test('match quality first: exact title, title prefix, title substring, body', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir: resourcesWith(library) });
    cleanups.push(() => core.close());
    const { hits } = await call(core, 'snippets.search', { query: '整改' });
    assert.deepEqual(ids(hits).slice(0, 3), ['rk-exact', 'rk-prefix', 'rk-title-mid']);
    assert.deepEqual(new Set(ids(hits).slice(3)), new Set(['rk-body', 'rk-short', 'rk-plan']));
  });

  test('a Chinese substring outranks full pinyin, which outranks initials', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir: resourcesWith([
      snippet('py-initials', '其他', '召开工作例会', 'plan'), // zkgz… initials "zk" only
      snippet('py-full', '其他二', '扎实抓好整肃', 'plan'), // full pinyin "zheng" in 整肃? no: zhengsu
      snippet('py-zk', '其他三', '落实zk要求', 'plan'), // literal "zk"
    ]) });
    cleanups.push(() => core.close());
    const { hits } = await call(core, 'snippets.search', { query: 'zk' });
    assert.deepEqual(ids(hits), ['py-zk', 'py-initials']);
    const full = await call(core, 'snippets.search', { query: 'zhaokai' });
    assert.deepEqual(ids(full.hits), ['py-initials']);
  });

  test('section fit, then favourites, then use count, then recency break ties', async () => {
    const clock = testClock();
    const core = openCore(tempDir(cleanups), { resourcesDir: resourcesWith(library), now: clock.now });
    cleanups.push(() => core.close());
    const bodyHits = async (context: string | null): Promise<string[]> =>
      ids((await call(core, 'snippets.search', { query: '整改', context: context as never })).hits).slice(3);
    assert.equal((await bodyHits('shortcomings'))[0], 'rk-short');
    assert.equal((await bodyHits('plan'))[0], 'rk-plan');
    // Without a section, a favourite comes first among equals; then the most used.
    await call(core, 'snippets.setFavorite', { id: 'rk-body', favorite: true });
    assert.equal((await bodyHits(null))[0], 'rk-body');
    assert.equal((await bodyHits('plan'))[0], 'rk-plan', 'section fit outranks favourites');
    await call(core, 'snippets.setFavorite', { id: 'rk-body', favorite: false });
    for (let i = 0; i < 3; i++) await call(core, 'snippets.recordUse', { id: 'rk-short' });
    await call(core, 'snippets.recordUse', { id: 'rk-plan' });
    assert.deepEqual(await bodyHits(null), ['rk-short', 'rk-plan', 'rk-body']);
    clock.advance(1000);
    await call(core, 'snippets.recordUse', { id: 'rk-body' });
    assert.deepEqual(await bodyHits(null), ['rk-short', 'rk-body', 'rk-plan'], 'equal use: the more recent first');
    const recent = await call(core, 'snippets.search', { query: '', filter: 'recent' });
    assert.deepEqual(ids(recent.hits), ['rk-body', 'rk-short', 'rk-plan']);
    const got = await call(core, 'snippets.get', { id: 'rk-short' });
    assert.equal(got.useCount, 3);
    assert.equal(got.lastUsedAt, clock.now() - 1000);
  });

  test('favourites and use survive a restart; filter favorites lists them', async () => {
    const dataDir = tempDir(cleanups);
    const resources = resourcesWith(library);
    const first = openCore(dataDir, { resourcesDir: resources });
    await call(first, 'snippets.setFavorite', { id: 'rk-plan', favorite: true });
    await call(first, 'snippets.recordUse', { id: 'rk-plan' });
    first.close();
    const second = openCore(dataDir, { resourcesDir: resources });
    cleanups.push(() => second.close());
    const favs = await call(second, 'snippets.search', { query: '', filter: 'favorites' });
    assert.deepEqual(ids(favs.hits), ['rk-plan']);
    assert.equal(favs.hits[0]?.useCount, 1);
  });
});

describe('user snippets', () => {
  test('save creates a u- snippet that search finds by pinyin at once; editing and deleting work', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => core.close());
    const saved = await call(core, 'snippets.save', { title: '河长制巡河', body: '{{单位}}全面落实河长制，常态化开展巡河护河。', kind: 'situation', tags: ['河长制', '河长制'] });
    assert.match(saved.id, /^u-[a-z0-9]+$/);
    assert.equal(saved.source, 'user');
    assert.equal(saved.topic, '综合');
    assert.deepEqual(saved.tags, ['河长制']);
    assert.deepEqual(saved.fields, ['单位']);
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: 'hezhangzhi' })).hits), [saved.id]);
    // 长 read "chang" by the dictionary here: its other reading counts for initials too.
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: 'hzzxh' })).hits), [saved.id]);
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: 'hczxh' })).hits), [saved.id]);
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: '', filter: 'user' })).hits), [saved.id]);
    const edited = await call(core, 'snippets.save', { id: saved.id, title: '湖长制巡湖', body: '全面落实湖长制。', kind: 'situation' });
    assert.equal(edited.id, saved.id);
    assert.equal((await call(core, 'snippets.search', { query: 'hezhangzhi' })).total, 0);
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: '湖长' })).hits), [saved.id]);
    await call(core, 'snippets.delete', { id: saved.id });
    assert.equal((await call(core, 'snippets.search', { query: '湖长' })).total, 0);
    assert.equal((await callError(core, 'snippets.get', { id: saved.id })).code, 'NOT_FOUND');
  });

  test('many saves and deletes after the index is built are all searchable (patched, then rebuilt)', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir: resourcesWith([snippet('base-001', '原有', '原有的一条常用语')]) });
    cleanups.push(() => core.close());
    assert.equal((await call(core, 'snippets.search', { query: 'yuanyou' })).total, 1);
    const saved: string[] = [];
    for (let i = 0; i < 70; i++) {
      saved.push((await call(core, 'snippets.save', { title: `巡河${i}号`, body: `第${i}次巡河护河记录`, kind: 'situation' })).id);
      if (i === 3 || i === 69) assert.equal((await call(core, 'snippets.search', { query: 'xunhe', limit: 500 })).total, i + 1);
    }
    await call(core, 'snippets.delete', { id: saved[0] as string });
    await call(core, 'snippets.save', { id: saved[1] as string, title: '巡湖', body: '巡湖记录', kind: 'situation' });
    const after = await call(core, 'snippets.search', { query: 'xunhe', limit: 500 });
    assert.equal(after.total, 68);
    assert.ok(!ids(after.hits).includes(saved[0] as string) && !ids(after.hits).includes(saved[1] as string));
    const initials = await call(core, 'snippets.search', { query: 'xh', limit: 500 });
    assert.equal(initials.total, 69, '68 巡河 and the edited 巡湖, by initials');
    assert.ok(ids(initials.hits).includes(saved[1] as string));
    assert.deepEqual(ids((await call(core, 'snippets.search', { query: '巡湖' })).hits), [saved[1]]);
  });

  test('defaults are read-only: saving over one or deleting it is refused in Chinese and changes nothing', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => core.close());
    const before = await call(core, 'snippets.get', { id: 'ope-001' });
    const save = await callError(core, 'snippets.save', { id: 'ope-001', title: '改了', body: '改过的正文', kind: 'opening' });
    assert.equal(save.code, 'INVALID_INPUT');
    assert.match(save.message, /复制后修改/);
    const del = await callError(core, 'snippets.delete', { id: 'ope-001' });
    assert.equal(del.code, 'UNSUPPORTED');
    assert.match(del.message, /默认常用语不能删除/);
    assert.deepEqual(await call(core, 'snippets.get', { id: 'ope-001' }), before);
    const bad = await callError(core, 'snippets.save', { title: '坏填空', body: '{{单 位}}的工作', kind: 'opening' });
    assert.equal(bad.code, 'INVALID_INPUT');
    assert.match(bad.message, /填空须写成/);
    assert.equal((await call(core, 'snippets.search', { query: '', filter: 'user' })).total, 0);
  });

  test('a snippet added by another process (the CLI) is found without restarting', async () => {
    const dataDir = tempDir(cleanups);
    const app = openCore(dataDir, { resourcesDir });
    cleanups.push(() => app.close());
    assert.equal((await call(app, 'snippets.search', { query: 'qinglanggongcheng' })).total, 0);
    const cli = openCore(dataDir, { resourcesDir });
    await call(cli, 'snippets.save', { title: '清朗工程', body: '深入实施网络清朗工程。', kind: 'situation' });
    cli.close();
    assert.equal((await call(app, 'snippets.search', { query: 'qinglanggongcheng' })).total, 1);
  });
});

describe('packs', () => {
  const pack = (snippets: unknown[], name = '测试包'): string => JSON.stringify({ format: 'wengao-snippets', version: 1, name, snippets }, null, 2);

  test('an invalid pack is refused whole, every problem listed with where it is, nothing stored', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => core.close());
    const json = pack([
      snippet('u-good1', '好的', '这一条没有问题'),
      snippet('u-bad1', '', '标题是空的'),
      snippet('sho-001', '太短', '短', 'shortcomings'),
      { ...snippet('u-bad3', '类型错', '类型写错了'), kind: 'summary' },
      { ...snippet('u-bad4', '多字段', '有多余字段'), author: '张三' },
      snippet('u-bad5', '坏填空', '请填写{{单 位}}'),
    ]);
    const error = await callError(core, 'snippets.importPack', { json });
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /5 处问题，没有导入任何内容/);
    assert.match(error.message, /第 2 条（u-bad1）标题：标题不能为空/);
    assert.match(error.message, /第 3 条（sho-001）正文：正文至少 2 个字/);
    assert.match(error.message, /第 4 条（u-bad3）类型：类型须为/);
    assert.match(error.message, /第 5 条（u-bad4）：多余的字段：author/);
    assert.match(error.message, /第 6 条（u-bad5）正文：填空须写成/);
    assert.equal((await call(core, 'snippets.search', { query: '没有问题' })).total, 0, 'the valid entry was not stored either');
    const notJson = await callError(core, 'snippets.importPack', { json: '{\n  "format": "wengao-snippets",\n  "snippets": [}\n' });
    assert.equal(notJson.code, 'INVALID_INPUT');
    assert.match(notJson.message, /第 3 行第 16 列/);
    const wrongFormat = await callError(core, 'snippets.importPack', { json: JSON.stringify({ format: 'other', version: 1, name: 'x', snippets: [] }) });
    assert.match(wrongFormat.message, /不是文稿常用语包/);
  });

  test('a pack over the size limit is refused with TOO_LARGE before anything is stored', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => core.close());
    const many = Array.from({ length: MAX_PACK_SNIPPETS + 1 }, (_, i) => snippet(`u-many${i}`, '多', `第${i}条常用语`));
    const error = await callError(core, 'snippets.importPack', { json: pack(many) });
    assert.equal(error.code, 'TOO_LARGE');
    assert.match(error.message, /拆成几个包/);
    assert.equal((await call(core, 'snippets.search', { query: '', filter: 'user' })).total, 0);
  });

  test('duplicates of existing snippets are skipped and counted; id clashes get a new u- id', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => core.close());
    const existing = await call(core, 'snippets.get', { id: 'sho-001' });
    const mine = await call(core, 'snippets.save', { title: '我的', body: '这是我自己写的一条常用语', kind: 'plan' });
    const result = await call(core, 'snippets.importPack', {
      json: pack([
        { ...snippet('sho-001', existing.title, existing.body, 'shortcomings'), topic: existing.topic, tags: existing.tags }, // same id, same content
        snippet('x-copy', '换了标题', `  ${existing.body.replace(/，/, '， ')}\n`, 'shortcomings'), // same body but white space
        snippet('sho-001', '同号不同文', '编号与默认相同但内容不同的一条', 'shortcomings'),
        snippet(mine.id, '同号不同文二', '编号与我的相同但内容不同的一条', 'plan'),
        snippet('u-fresh01', '全新的', '全新的一条常用语内容', 'plan'),
        snippet('u-fresh02', '包内重复', '全新的一条常用语内容', 'plan'),
      ]),
    });
    assert.deepEqual(result, { name: '测试包', added: 3, duplicates: 3 });
    assert.equal((await call(core, 'snippets.get', { id: 'sho-001' })).body, existing.body, 'the default is untouched');
    assert.equal((await call(core, 'snippets.get', { id: mine.id })).body, mine.body);
    const user = (await call(core, 'snippets.search', { query: '', filter: 'user', limit: 500 })).hits;
    assert.equal(user.length, 4);
    assert.ok(user.every((h) => /^u-/.test(h.id)));
    assert.ok(user.some((h) => h.id === 'u-fresh01'));
    assert.equal(new Set(user.map((h) => h.id)).size, 4);
  });

  test('export → import into a fresh database round-trips; the export is a valid pack with the whole library', async () => {
    const a = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => a.close());
    await call(a, 'snippets.save', { title: '一', body: '第一条自己的常用语', kind: 'plan', topic: '党建', tags: ['自拟'] });
    await call(a, 'snippets.save', { title: '二', body: '第二条自己的常用语{{单位}}', kind: 'shortcomings' });
    const all = await call(a, 'snippets.exportPack', {});
    assert.equal(all.fileName, '常用语-全部.json');
    const facets = await call(a, 'snippets.facets', {});
    assert.equal(all.count, facets.total);
    const parsed = snippetPackSchema.parse(JSON.parse(all.json));
    assert.equal(parsed.snippets.length, facets.total);
    assert.ok(parsed.snippets.some((s) => s.id === 'ope-001'), 'defaults are in the full export');
    const only = await call(a, 'snippets.exportPack', { kind: 'shortcomings' });
    assert.equal(only.fileName, '常用语-问题不足.json');
    assert.ok(snippetPackSchema.parse(JSON.parse(only.json)).snippets.every((s) => s.kind === 'shortcomings'));
    assert.equal((await callError(a, 'snippets.exportPack', { topic: '没有这个主题' })).code, 'NOT_FOUND');

    const b = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.push(() => b.close());
    const imported = await call(b, 'snippets.importPack', { json: all.json });
    assert.equal(imported.added, 2);
    assert.equal(imported.duplicates, facets.total - 2);
    const strip = (h: SnippetHit) => ({ id: h.id, title: h.title, body: h.body, kind: h.kind, topic: h.topic, tags: h.tags });
    const mineA = (await call(a, 'snippets.search', { query: '', filter: 'user' })).hits.map(strip);
    const mineB = (await call(b, 'snippets.search', { query: '', filter: 'user' })).hits.map(strip);
    assert.deepEqual(mineB.sort((x, y) => x.id.localeCompare(y.id)), mineA.sort((x, y) => x.id.localeCompare(y.id)));
    const again = await call(b, 'snippets.importPack', { json: all.json });
    assert.deepEqual([again.added, again.duplicates], [0, facets.total]);
  });
});

test('lineColumn and jsonErrorOffset point at the first syntax error', () => {
  const text = '{\n  "a": 1,\n  "b": }';
  const offset = jsonErrorOffset(text);
  assert.equal(text[offset], '}');
  assert.deepEqual(lineColumn(text, offset), { line: 3, column: 8 });
  assert.equal(jsonErrorOffset('{"a": "x\ny"}'), 8);
  assert.equal(jsonErrorOffset('[1, 2]'), 6);
});
