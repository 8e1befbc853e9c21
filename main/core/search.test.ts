import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchHit } from '../common/contract';
import { countWords } from '../common/text';
import { chunkText } from './storage/search';
import { indexTokens, parseQuery } from './storage/searchTokens';
import { EXCERPT_LENGTH } from './storage/excerpt';
import { call, openCore, paragraphs, tempDir } from './testSupport';
import type { Core } from './createCore';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** A core holding a few realistic reports. */
async function library(): Promise<{ core: Core; ids: Record<string, string> }> {
  const core = openCore(tempDir(cleanups));
  cleanups.unshift(() => core.close());
  const ids: Record<string, string> = {};
  const add = async (key: string, title: string, ...texts: string[]): Promise<void> => {
    ids[key] = (await call(core, 'documents.create', { title, content: paragraphs(...texts) })).id;
  };
  await add('summary', '2025年上半年宣传工作总结', '上半年，市委宣传部坚持以党的创新理论武装头脑，扎实做好网络舆情研判工作。', '二是加强阵地管理，全年开展专题培训 12 次。');
  await add('plan', '下半年工作计划', '下半年将继续完善舆情应对机制，加强干部队伍建设。');
  await add('report', '舆情工作情况报告', '本季度共处置网络舆情 35 起，及时回应社会关切。');
  await add('english', 'Annual Report', 'The ＰＤＦ export and e-mail workflow were reviewed. 支部书记述职。');
  return { core, ids };
}

/** Search and return hits. */
function search(core: Core, query: string): Promise<SearchHit[]> {
  return call(core, 'documents.search', { query });
}

/** The highlighted substrings of a hit's excerpt. */
function highlighted(hit: SearchHit): string[] {
  return hit.highlights.map(([a, b]) => hit.excerpt.slice(a, b));
}

describe('finding Chinese text', () => {
  test('a single character finds every document containing it', async () => {
    const { core, ids } = await library();
    const hits = await search(core, '党');
    assert.deepEqual(hits.map((h) => h.id), [ids.summary]);
    assert.deepEqual(highlighted(hits[0] as SearchHit), ['党']);
  });

  test('two characters find exact occurrences only, titles ranking first', async () => {
    const { core, ids } = await library();
    const hits = await search(core, '舆情');
    assert.equal(hits.length, 3);
    assert.equal(hits[0]?.id, ids.report, 'the title match ranks first');
    assert.deepEqual(hits[0]?.titleHighlights, [[0, 2]]);
    for (const hit of hits) assert.ok(highlighted(hit).every((s) => s === '舆情'));
    assert.deepEqual((await search(core, '情舆')).length, 0);
  });

  test('longer phrases match as exact substrings, not scattered characters', async () => {
    const { core, ids } = await library();
    assert.deepEqual((await search(core, '舆情研判')).map((h) => h.id), [ids.summary]);
    assert.deepEqual((await search(core, '研判舆情')).map((h) => h.id), []);
    assert.deepEqual((await search(core, '宣传部')).map((h) => h.id), [ids.summary]);
  });

  test('space-separated terms must all occur (title or text)', async () => {
    const { core, ids } = await library();
    assert.deepEqual((await search(core, '舆情 干部')).map((h) => h.id), [ids.plan]);
    assert.deepEqual((await search(core, '总结 舆情')).map((h) => h.id), [ids.summary]);
    assert.deepEqual(await search(core, '舆情 不存在的词'), []);
  });

  test('numbers, Latin words, prefixes and full-width letters are found', async () => {
    const { core, ids } = await library();
    assert.deepEqual((await search(core, '2025年')).map((h) => h.id), [ids.summary]);
    assert.deepEqual((await search(core, '12 次')).map((h) => h.id), [ids.summary]);
    const pdf = await search(core, 'pdf');
    assert.deepEqual(pdf.map((h) => h.id), [ids.english]);
    assert.deepEqual(highlighted(pdf[0] as SearchHit), ['ＰＤＦ']);
    assert.deepEqual((await search(core, 'Annu')).map((h) => h.id), [ids.english]);
    assert.deepEqual((await search(core, 'e-mail')).map((h) => h.id), [ids.english]);
  });

  test('queries full of FTS syntax or punctuation never fail', async () => {
    const { core } = await library();
    for (const query of ['"', '*', 'OR (', '-', 'AND', 'NOT 舆情', 'NEAR(舆情', '^舆情', 'title:舆情', '"舆情', '舆情*', '“舆情”', '(', ')', "'", '\\', '{}', ':', '+', '。，、']) {
      const result = await core.dispatch('documents.search', { query });
      assert.equal(result.ok, true, `query ${query}`);
    }
    assert.equal((await search(core, '“舆情”')).length, 3);
    assert.equal((await search(core, 'NOT 舆情')).length, 0, 'NOT is a word to look for, not an operator');
  });

  test('an empty query finds nothing', async () => {
    const { core } = await library();
    assert.deepEqual(await search(core, ''), []);
    assert.deepEqual(await search(core, '   '), []);
  });
});

describe('what search follows', () => {
  test('trashed documents are not found until restored; deleted ones never again', async () => {
    const { core, ids } = await library();
    await call(core, 'documents.trash', { id: ids.report as string });
    assert.ok(!(await search(core, '舆情')).some((h) => h.id === ids.report));
    await call(core, 'documents.restore', { id: ids.report as string });
    assert.ok((await search(core, '舆情')).some((h) => h.id === ids.report));
    await call(core, 'documents.trash', { id: ids.report as string });
    await call(core, 'documents.deleteForever', { id: ids.report as string });
    assert.deepEqual((await search(core, '处置')).length, 0);
  });

  test('saves, renames and replacements are searchable at once', async () => {
    const { core, ids } = await library();
    const id = ids.plan as string;
    const doc = await call(core, 'documents.get', { id });
    await call(core, 'documents.save', { id, baseRevision: doc.revision, content: paragraphs('明年重点推进乡村振兴。') });
    assert.deepEqual((await search(core, '乡村振兴')).map((h) => h.id), [id]);
    assert.ok(!(await search(core, '干部')).some((h) => h.id === id));
    await call(core, 'documents.rename', { id, title: '乡镇调研提纲' });
    assert.deepEqual((await search(core, '调研')).map((h) => h.id), [id]);
    assert.ok(!(await search(core, '计划')).some((h) => h.id === id));
    assert.deepEqual((await search(core, '乡村振兴')).map((h) => h.id), [id], 'the text is still found after a rename');
    await call(core, 'documents.replaceText', { id, text: '改为安全生产检查。' });
    assert.deepEqual((await search(core, '安全生产')).map((h) => h.id), [id]);
    assert.deepEqual(await search(core, '乡村振兴'), []);
  });
});

describe('excerpts', () => {
  test('an excerpt shows about 100 characters around the first hit, with … where text was cut', async () => {
    const core = openCore(tempDir(cleanups));
    cleanups.unshift(() => core.close());
    const filler = '各项工作有序推进，取得了阶段性成效。'.repeat(20);
    await call(core, 'documents.create', { title: '长文', content: paragraphs(filler, `${filler}其中网络舆情研判机制进一步完善，${filler}`) });
    const [hit] = await search(core, '舆情研判');
    assert.ok(hit);
    assert.ok(hit.excerpt.startsWith('…') && hit.excerpt.endsWith('…'));
    assert.ok(hit.excerpt.length >= 80 && hit.excerpt.length <= EXCERPT_LENGTH + 20, `length ${hit.excerpt.length}`);
    assert.deepEqual(highlighted(hit), ['舆情研判']);
    assert.ok(hit.excerpt.indexOf('舆情研判') < 40, 'the hit sits near the start, with some context before it');
  });

  test('every term is highlighted, in order and without overlaps', async () => {
    const { core } = await library();
    const [hit] = await search(core, '舆情 研判 舆情研判 上半年');
    assert.ok(hit);
    const ranges = hit.highlights;
    for (let i = 1; i < ranges.length; i++) assert.ok((ranges[i]?.[0] ?? 0) > (ranges[i - 1]?.[1] ?? 0));
    assert.deepEqual(highlighted(hit), ['上半年', '舆情研判']);
    assert.deepEqual(hit.titleHighlights.map(([a, b]) => hit.title.slice(a, b)), ['上半年']);
  });

  test('a short document is shown whole, without …', async () => {
    const { core } = await library();
    const [hit] = await search(core, '处置');
    assert.equal(hit?.excerpt, '本季度共处置网络舆情 35 起，及时回应社会关切。');
  });
});

describe('long documents', () => {
  test('a 60,000-character report is found by words in any part, and terms from different parts AND together', async () => {
    const core = openCore(tempDir(cleanups));
    cleanups.unshift(() => core.close());
    const body = Array.from({ length: 400 }, (_, i) => `第${i}段：各项工作有序推进，统筹发展和安全，持续改进作风。${'措施落实到位。'.repeat(16)}`);
    body[10] = '开头部分提到了春季植树活动。';
    body[390] = '结尾部分总结了秋季运动会。';
    const doc = await call(core, 'documents.create', { title: '年度总结', content: paragraphs(...body) });
    assert.ok(chunkText(body.join('\n')).length > 3, 'the text is indexed in several chunks');
    assert.deepEqual((await search(core, '植树')).map((h) => h.id), [doc.id]);
    assert.deepEqual((await search(core, '运动会')).map((h) => h.id), [doc.id]);
    assert.deepEqual((await search(core, '植树 运动会 年度')).map((h) => h.id), [doc.id]);
    const [hit] = await search(core, '运动会');
    assert.deepEqual(highlighted(hit as SearchHit), ['运动会']);
    // An edit in the middle keeps the rest searchable and counted.
    body[200] = '中间新增了防汛演练。';
    const saved = await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs(...body) });
    assert.equal(saved.chars, countWords(body.join('\n')));
    assert.deepEqual((await search(core, '防汛 植树 运动会')).map((h) => h.id), [doc.id]);
  });
});

describe('tokens', () => {
  test('Han text becomes overlapping bigrams plus the last character; other words are lower-cased', () => {
    assert.equal(indexTokens('舆情研判，ABC２０２５'), '舆情 情研 研判 判 abc2025');
    assert.equal(indexTokens('党'), '党');
  });

  test('query terms become prefix queries or phrases of bigrams, always quoted', () => {
    assert.deepEqual(parseQuery('党 舆情 意识形态 Word').map((t) => t.fts), ['"党"*', '"舆情"', '"意识" + "识形" + "形态"', '"word"*']);
    assert.deepEqual(parseQuery('" * OR( - ').map((t) => t.fts), ['"or"*']);
  });

  test('chunks always add up to the text, and an edit leaves distant chunks alone', () => {
    const paragraphsOf = (n: number): string[] => Array.from({ length: n }, (_, i) => `第${i}条，${'认真贯彻落实各项部署要求'.repeat(8)}。`);
    const before = paragraphsOf(500);
    const text = before.join('\n');
    const chunks = chunkText(text);
    assert.equal(chunks.join(''), text);
    assert.equal(chunks.reduce((n, c) => n + countWords(c), 0), countWords(text));
    const after = [...before];
    after[250] = '这一段被改写了。';
    const changed = chunkText(after.join('\n'));
    const unchanged = changed.filter((c) => chunks.includes(c)).length;
    assert.ok(unchanged >= changed.length - 2, `${unchanged} of ${changed.length} chunks unchanged`);
    const huge = '无标点的超长段落'.repeat(5000);
    assert.equal(chunkText(huge).join(''), huge);
  });
});
