import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { DocumentContent, SerializedNode } from '../common/documentModel';
import { fieldParagraphNode, headingNode } from '../common/reportModel';
import { call, callError, openCore, tempDir, testClock } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources');

/** A core over a fresh folder with the shipped templates. */
function fresh() {
  const clock = testClock();
  const core = openCore(tempDir(cleanups), { now: clock.now, resourcesDir });
  cleanups.unshift(() => core.close());
  return { core, clock };
}

/** Content with the given blocks. */
function blocks(...children: SerializedNode[]): DocumentContent {
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
}

describe('creating from a template', () => {
  test('the title comes from the template with the values given; the scaffold reads as in Word with numbering', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { templateId: 'half-year-summary', fields: { 单位: '某某市某某局', 年度: '2025', 上级单位: '' } });
    assert.equal(doc.title, '某某市某某局2025年上半年工作总结');
    assert.deepEqual(doc.fields, { 单位: '某某市某某局', 年度: '2025' });
    assert.equal(doc.revision, 1);
    const read = await call(core, 'documents.get', { id: doc.id });
    assert.deepEqual(read.fields, doc.fields);
    assert.deepEqual(read.content, doc.content);
    const { text } = await call(core, 'documents.readingText', { id: doc.id });
    const lines = text.split('\n');
    assert.equal(lines[0], '某某市某某局2025年上半年工作总结');
    assert.equal(lines[1], '');
    assert.match(lines[2] ?? '', /^2025年上半年，某某市某某局在\{\{上级单位\}\}的坚强领导下/);
    assert.deepEqual(lines.filter((l) => /^[一二三四]、/.test(l)), ['一、上半年主要工作开展情况', '二、主要成效', '三、存在的问题和不足', '四、下半年工作打算']);
    assert.ok(lines.includes('（三）加强自身建设，夯实工作基础'));
    assert.deepEqual(lines.slice(-2), ['某某市某某局', '{{成文日期}}']);
  });

  test('an explicit title wins; an unfilled title field stays visible; unknown templates and template+content are refused', async () => {
    const { core } = fresh();
    assert.equal((await call(core, 'documents.create', { templateId: 'duty-report', title: '我的述职' })).title, '我的述职');
    assert.equal((await call(core, 'documents.create', { templateId: 'duty-report' })).title, '{{年度}}年度述职报告');
    const unknown = await callError(core, 'documents.create', { templateId: 'no-such' });
    assert.equal(unknown.code, 'NOT_FOUND');
    assert.match(unknown.message, /找不到编号为“no-such”的模板/);
    const both = await callError(core, 'documents.create', { templateId: 'duty-report', content: blocks() });
    assert.equal(both.code, 'INVALID_INPUT');
    const badName = await callError(core, 'documents.create', { templateId: 'duty-report', fields: { '单 位': '甲' } });
    assert.equal(badName.code, 'INVALID_INPUT');
    assert.equal((await call(core, 'documents.list', {})).length, 2, 'nothing was created by the refused calls');
  });
});

describe('filling fields', () => {
  test('filling a field once fills it everywhere, keeps the content revision, and search finds the value', async () => {
    const { core, clock } = fresh();
    const doc = await call(core, 'documents.create', { templateId: 'special-report' });
    assert.equal(doc.title, '{{单位}}关于{{专项工作}}开展情况的报告');
    assert.equal((await call(core, 'documents.search', { query: '应急管理局' })).length, 0);
    clock.advance(5000);
    const filled = await call(core, 'documents.setFields', { id: doc.id, fields: { 单位: '某某市应急管理局', 专项工作: '安全生产隐患排查整治' } });
    assert.equal(filled.revision, doc.revision, 'the editor chains saves on the revision, so filling must not bump it');
    assert.equal(filled.updatedAt, doc.updatedAt + 5000);
    assert.equal(filled.title, '某某市应急管理局关于安全生产隐患排查整治开展情况的报告', 'the title filled too');
    assert.ok(filled.chars > doc.chars);
    const { text } = await call(core, 'documents.readingText', { id: doc.id });
    assert.equal(text.split('某某市应急管理局').length - 1, 3, 'title, opening and signature');
    assert.match(text, /根据\{\{上级单位\}\}关于开展安全生产隐患排查整治的部署要求/);
    const hits = await call(core, 'documents.search', { query: '应急管理局 隐患排查' });
    assert.deepEqual(hits.map((h) => h.id), [doc.id]);
    assert.match(hits[0]?.excerpt ?? '', /应急管理局/);
    // A save after filling is not a conflict: the revision the editor holds is still current.
    const saved = await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: doc.content });
    assert.equal(saved.revision, doc.revision + 1);
    assert.equal(saved.chars, filled.chars, 'saves count the text with the values filled in');
  });

  test('fields merge; an empty value clears one, which shows {{name}} again and drops out of search', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { templateId: 'research-report', fields: { 调研主题: '基层网格化治理' } });
    await call(core, 'documents.setFields', { id: doc.id, fields: { 单位: '某某区委办公室', 时间段: '6月上旬' } });
    assert.deepEqual((await call(core, 'documents.get', { id: doc.id })).fields, { 调研主题: '基层网格化治理', 单位: '某某区委办公室', 时间段: '6月上旬' });
    const cleared = await call(core, 'documents.setFields', { id: doc.id, fields: { 单位: '', 时间段: '  6月中旬\n' } });
    assert.deepEqual(cleared.fields, { 调研主题: '基层网格化治理', 时间段: '6月中旬' });
    const { text } = await call(core, 'documents.readingText', { id: doc.id });
    assert.match(text, /6月中旬，\{\{单位\}\}组成调研组/);
    assert.deepEqual(await call(core, 'documents.search', { query: '区委办公室' }), []);
    assert.equal((await call(core, 'documents.search', { query: '网格化' }))[0]?.id, doc.id);
  });

  test('setting the same values again changes nothing; an unknown document is NOT_FOUND', async () => {
    const { core, clock } = fresh();
    const doc = await call(core, 'documents.create', { templateId: 'work-plan', fields: { 单位: '某某局' } });
    clock.advance(1000);
    const same = await call(core, 'documents.setFields', { id: doc.id, fields: { 单位: '某某局' } });
    assert.equal(same.updatedAt, doc.updatedAt);
    assert.equal((await callError(core, 'documents.setFields', { id: 'nosuchdoc', fields: { 单位: '甲' } })).code, 'NOT_FOUND');
  });
});

describe('outline', () => {
  test('the outline numbers headings, counts each section, carries targets, and hints at missing parts', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', {
      title: '{{单位}}上半年工作总结',
      fields: { 单位: '某某局' },
      content: blocks(
        fieldParagraphNode('今年以来，{{单位}}坚持……'),
        headingNode(1, '主要工作', { kind: 'situation' }),
        headingNode(2, '加强学习'),
        fieldParagraphNode('组织学习12次。'),
        headingNode(1, '存在的问题', { kind: 'shortcomings', target: 600 }),
        fieldParagraphNode('学习不够深入。'),
      ),
    });
    const outline = await call(core, 'documents.outline', { id: doc.id });
    // 字数 as Word counts: 组织学习12次。 is 组织学习 (4) + 12 (one word) + 次。 (2) = 7; a section counts its subsections' headings too.
    assert.deepEqual(outline, {
      title: '某某局上半年工作总结',
      headings: [
        { level: 1, number: '一、', text: '主要工作', kind: 'situation', chars: 4 + 7 },
        { level: 2, number: '（一）', text: '加强学习', kind: null, chars: 7 },
        { level: 1, number: '二、', text: '存在的问题', kind: 'shortcomings', chars: 7, target: 600 },
      ],
      missing: ['plan'],
    });
    const fromTemplate = await call(core, 'documents.create', { templateId: 'party-building-summary' });
    assert.deepEqual((await call(core, 'documents.outline', { id: fromTemplate.id })).missing, []);
  });
});
