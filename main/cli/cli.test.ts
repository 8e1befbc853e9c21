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

test('templates --json prints an array of {id, name, …}; the human list names each template and its fields', async () => {
  const dir = tempDir();
  const listed = await cli(dir, 'templates', '--json');
  assert.equal(listed.code, 0, listed.err);
  const templates = JSON.parse(listed.out) as { id: string; name: string; description: string; fields: { name: string }[]; outline: unknown[] }[];
  assert.ok(Array.isArray(templates));
  assert.ok(templates.length >= 8);
  assert.deepEqual(
    templates.map((t) => t.name),
    ['半年工作总结', '年度工作总结', '意识形态工作情况报告', '述职报告', '工作计划（要点）', '调研报告', '专项工作情况报告', '党建工作总结'],
  );
  for (const t of templates) assert.ok(t.id && t.description && t.fields.length && t.outline.length);
  const human = await cli(dir, 'templates');
  assert.match(human.out, /^half-year-summary {2}半年工作总结（工作总结）$/m);
  assert.match(human.out, /填空：单位（如 某某市某某局）/);
});

test('new --template with repeated --field prints {id, title, templateId, fields}; show --text reads as in Word with numbering', async () => {
  const dir = tempDir();
  const created = await cli(dir, 'new', '--template', 'special-report', '--field', '单位=某某市应急管理局', '--field', '专项工作=安全生产隐患排查整治', '--json');
  assert.equal(created.code, 0, created.err);
  const doc = JSON.parse(created.out) as { id: string; title: string; templateId: string; fields: Record<string, string> };
  assert.deepEqual(Object.keys(doc), ['id', 'title', 'templateId', 'fields']);
  assert.equal(doc.title, '某某市应急管理局关于安全生产隐患排查整治开展情况的报告');
  assert.equal(doc.templateId, 'special-report');
  assert.deepEqual(doc.fields, { 单位: '某某市应急管理局', 专项工作: '安全生产隐患排查整治' });
  const shown = await cli(dir, 'show', doc.id, '--text');
  assert.equal(shown.code, 0, shown.err);
  const lines = shown.out.split('\n');
  assert.deepEqual(lines.slice(0, 3), [doc.title, '', '{{上级单位}}：']);
  assert.ok(lines.includes('一、工作开展情况'));
  assert.ok(lines.includes('（二）扎实推进落实'));
  assert.ok(lines.includes('四、下一步工作打算'));
  assert.deepEqual(lines.slice(-4), ['特此报告。', '某某市应急管理局', '{{成文日期}}', '']);
  const titled = JSON.parse((await cli(dir, 'new', '--template', 'duty-report', '--title', '2025年度述职', '--json')).out) as { title: string; fields: object };
  assert.equal(titled.title, '2025年度述职');
  assert.deepEqual(titled.fields, {});
  const found = JSON.parse((await cli(dir, 'search', '应急管理局', '--json')).out) as { id: string }[];
  assert.deepEqual(found.map((h) => h.id), [doc.id]);
});

test('outline --json prints {title, headings: [{level, number, text, kind, chars}]}', async () => {
  const dir = tempDir();
  const { id } = JSON.parse((await cli(dir, 'new', '--template', 'work-plan', '--field', '单位=某某局', '--field', '年度=2026', '--json')).out) as { id: string };
  const r = await cli(dir, 'outline', id, '--json');
  assert.equal(r.code, 0, r.err);
  const outline = JSON.parse(r.out) as { title: string; headings: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(outline), ['title', 'headings']);
  assert.equal(outline.title, '某某局2026年工作要点');
  for (const h of outline.headings) assert.deepEqual(Object.keys(h), ['level', 'number', 'text', 'kind', 'chars']);
  assert.deepEqual(outline.headings.slice(0, 3), [
    { level: 1, number: '一、', text: '指导思想', kind: 'other', chars: 0 },
    { level: 1, number: '二、', text: '目标任务', kind: 'plan', chars: 0 },
    // A section counts its subsections' headings (13 characters each), never the computed numbers.
    { level: 1, number: '三、', text: '重点工作', kind: 'plan', chars: 39 },
  ]);
  assert.deepEqual(outline.headings.filter((h) => h.level === 2).map((h) => h.number), ['（一）', '（二）', '（三）', '（一）', '（二）', '（三）']);
  const human = await cli(dir, 'outline', id);
  assert.match(human.out, /^一、指导思想［其他］ {2}0 字（建议不超过 300 字）$/m);
  assert.match(human.out, /^ {2}（一）围绕中心大局，抓好核心业务 {2}0 字$/m);
});

test('outline of a document without headings says so', async () => {
  const dir = tempDir();
  const { id } = JSON.parse((await cli(dir, 'new', '--title', '工作总结', '--json')).out) as { id: string };
  const r = await cli(dir, 'outline', id);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /还没有标题/);
});

test('an unknown template exits 1 with a Chinese message; a malformed --field exits 2 with the usage', async () => {
  const dir = tempDir();
  const unknown = await cli(dir, 'new', '--template', 'no-such-template', '--json');
  assert.equal(unknown.code, 1);
  assert.equal(unknown.out, '');
  assert.match(unknown.err, /找不到编号为“no-such-template”的模板/);
  for (const field of ['单位', '=某某局', '单 位=某某局']) {
    const bad = await cli(dir, 'new', '--template', 'duty-report', '--field', field);
    assert.equal(bad.code, 2, field);
    assert.match(bad.err, /--field 名称=内容/);
    assert.match(bad.err, /用法：/);
  }
  const missingValue = await cli(dir, 'new', '--template');
  assert.equal(missingValue.code, 2);
  assert.equal((JSON.parse((await cli(dir, 'list', '--json')).out) as unknown[]).length, 0, 'nothing was created');
  const outlineWithoutId = await cli(dir, 'outline');
  assert.equal(outlineWithoutId.code, 2);
});

test('import --dry-run --json prints the recognised outline and stores nothing', async () => {
  const dir = tempDir();
  const sample = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'samples', 'branch-work-report.txt');
  const r = await cli(dir, 'import', sample, '--dry-run', '--json');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out) as { title: string; headings: { level: number; text: string; kind: string | null }[]; paragraphs: number; removed: string[]; duplicates: number; fixes: string[] };
  assert.deepEqual(Object.keys(out).sort(), ['duplicates', 'fixes', 'headings', 'paragraphs', 'removed', 'title']);
  assert.equal(out.title, '桂林市阳朔县总支:内强素质 外树形象 创新机制提升宣传思想工作');
  assert.deepEqual(out.headings[0], { level: 1, text: '加强学习,强化认识,扎实开展学习活动', kind: 'other' });
  assert.ok(out.removed.some((line) => line.startsWith('当前位置')));
  assert.deepEqual(JSON.parse((await cli(dir, 'list', '--json')).out), []);
});

test('import stores the document with its structure; show --text prints it numbered', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'report.txt');
  writeFileSync(file, '关于2025年上半年工作情况的报告\n今年以来，我局认真贯彻落实各项部署。现将有关情况报告如下：\n一、主要工作\n(一)加强学习\n组织学习12次。\n二、存在的问题\n学习不够深入。\n');
  const r = await cli(dir, 'import', file, '--json');
  assert.equal(r.code, 0, r.err);
  const { id, title } = JSON.parse(r.out) as { id: string; title: string };
  assert.equal(title, '关于2025年上半年工作情况的报告');
  const shown = await cli(dir, 'show', id, '--text');
  assert.match(shown.out, /\n一、主要工作\n（一）加强学习\n组织学习12次。\n二、存在的问题\n/);
});

test('import refuses a legacy .doc and a corrupt .docx with a Chinese message, storing nothing', async () => {
  const dir = tempDir();
  const doc = path.join(dir, 'old.doc');
  writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  const legacy = await cli(dir, 'import', doc);
  assert.equal(legacy.code, 1);
  assert.match(legacy.err, /另存为/);
  const bad = path.join(dir, 'broken.docx');
  writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not really a zip'));
  const corrupt = await cli(dir, 'import', bad);
  assert.equal(corrupt.code, 1);
  assert.match(corrupt.err, /[\u4e00-\u9fff]/);
  assert.deepEqual(JSON.parse((await cli(dir, 'list', '--json')).out), []);
});

test('export writes a .docx of the stored report and lists what to fix; wrong arguments exit 2', async () => {
  const dir = tempDir();
  const { id } = JSON.parse((await cli(dir, 'new', '--template', 'half-year-summary', '--field', '单位=某某局', '--json')).out) as { id: string };
  const out = path.join(dir, '总结.docx');
  const r = await cli(dir, 'export', id, '--out', out, '--json');
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out) as { path: string; pages: number; warnings: string[] };
  assert.equal(result.path, out);
  assert.ok(result.pages >= 1);
  assert.ok(result.warnings.some((w) => w.includes('{{年度}}')));
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
  assert.equal((await cli(dir, 'export', id)).code, 2);
  assert.equal((await cli(dir, 'export', id, '--out', path.join(dir, 'a.pdf'))).code, 2);
  const missing = await cli(dir, 'export', id, '--out', path.join(dir, 'no-such-folder', 'a.docx'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /[\u4e00-\u9fff]/);
});

test('export --from converts a text report without storing it', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'from.docx');
  const sample = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'samples', 'branch-work-report.txt');
  const r = await cli(dir, 'export', '--from', sample, '--out', out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已导出/);
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
  assert.deepEqual(JSON.parse((await cli(dir, 'list', '--json')).out), []);
});

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
