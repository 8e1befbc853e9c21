import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentPlainText } from '../common/documentModel';
import { AUTOSAVE_REVISION_INTERVAL_MS, DEFAULT_TITLE, REVISIONS_KEPT } from './documents';
import { call, callError, openCore, paragraphs, tempDir, testClock } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** A core on a fresh folder with a hand-moved clock. */
function fresh() {
  const clock = testClock();
  const core = openCore(tempDir(cleanups), { now: clock.now });
  cleanups.unshift(() => core.close());
  return { core, clock };
}

describe('creating and reading', () => {
  test('a new document is titled 未命名文稿 and empty, and reads back as created', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', {});
    assert.equal(doc.title, DEFAULT_TITLE);
    assert.equal(doc.chars, 0);
    assert.equal(doc.trashedAt, null);
    assert.match(doc.id, /^[0-9A-Za-z][0-9A-Za-z_-]{11}$/);
    const read = await call(core, 'documents.get', { id: doc.id });
    assert.deepEqual(read.content.root.children, []);
  });

  test('title and content are kept, and 字数 is counted the way Word counts Chinese', async () => {
    const { core } = fresh();
    const content = paragraphs('2025年上半年工作总结', '一、主要工作：完成 3 项 Word 培训。');
    const doc = await call(core, 'documents.create', { title: '  上半年总结 ', content });
    assert.equal(doc.title, '上半年总结');
    // 2025 + 8 Han; then 一、主要工作：(7) 完成(2) 3(1) 项(1) Word(1) 培训。(3)
    assert.equal(doc.chars, 9 + 15);
    const read = await call(core, 'documents.get', { id: doc.id });
    assert.deepEqual(read.content, content);
  });

  test('the library lists recently edited documents first, and the trash separately', async () => {
    const { core, clock } = fresh();
    const a = await call(core, 'documents.create', { title: '甲' });
    clock.advance(1000);
    const b = await call(core, 'documents.create', { title: '乙' });
    clock.advance(1000);
    await call(core, 'documents.save', { id: a.id, baseRevision: a.revision, content: paragraphs('改过') });
    clock.advance(1000);
    const c = await call(core, 'documents.create', { title: '丙' });
    await call(core, 'documents.trash', { id: c.id });
    assert.deepEqual((await call(core, 'documents.list', {})).map((d) => d.title), ['甲', '乙']);
    assert.deepEqual((await call(core, 'documents.list', { trashed: true })).map((d) => d.title), ['丙']);
    assert.ok(b);
  });

  test('unknown ids answer NOT_FOUND in Chinese', async () => {
    const { core } = fresh();
    for (const method of ['documents.get', 'documents.rename', 'documents.trash', 'documents.restore', 'documents.deleteForever', 'documents.listRevisions'] as const) {
      const error = await callError(core, method, { id: 'nope12345678', title: 'x' });
      assert.equal(error.code, 'NOT_FOUND', method);
      assert.match(error.message, /找不到/);
    }
    const save = await callError(core, 'documents.save', { id: 'nope12345678', baseRevision: 1, content: paragraphs('x') });
    assert.equal(save.code, 'NOT_FOUND');
    assert.equal((await callError(core, 'documents.getRevision', { revisionId: 999 })).code, 'NOT_FOUND');
  });
});

describe('saving', () => {
  test('each save bumps the revision and replaces the content', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', {});
    const first = await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('第一稿') });
    const second = await call(core, 'documents.save', { id: doc.id, baseRevision: first.revision, content: paragraphs('第二稿') });
    assert.equal(first.revision, doc.revision + 1);
    assert.equal(second.revision, doc.revision + 2);
    assert.equal(documentPlainText((await call(core, 'documents.get', { id: doc.id })).content), '第二稿');
  });

  test('a save based on an older revision is refused with CONFLICT and writes nothing', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('原文') });
    await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('窗口一的修改') });
    const error = await callError(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('窗口二的修改') });
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /别处被修改/);
    const stored = await call(core, 'documents.get', { id: doc.id });
    assert.equal(documentPlainText(stored.content), '窗口一的修改');
    assert.equal(stored.revision, doc.revision + 1);
  });

  test('force keeps the writer’s copy after they chose it', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('原文') });
    await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('别处') });
    await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('我的'), force: true });
    assert.equal(documentPlainText((await call(core, 'documents.get', { id: doc.id })).content), '我的');
  });

  test('empty content never overwrites text unless the writer really emptied the document', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('重要的正文') });
    const error = await callError(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs() });
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /空白内容/);
    assert.equal(documentPlainText((await call(core, 'documents.get', { id: doc.id })).content), '重要的正文');
    const emptied = await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('  '), allowEmpty: true });
    assert.equal(emptied.chars, 0);
  });

  test('renaming keeps the revision, so a pending save still applies', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { title: '旧标题' });
    const renamed = await call(core, 'documents.rename', { id: doc.id, title: '新标题' });
    assert.equal(renamed.title, '新标题');
    assert.equal(renamed.revision, doc.revision);
    await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('正文') });
    assert.equal((await call(core, 'documents.rename', { id: doc.id, title: '   ' })).title, DEFAULT_TITLE);
  });

  test('replaceText makes one paragraph per line and keeps the old text as a revision', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('旧的正文') });
    const meta = await call(core, 'documents.replaceText', { id: doc.id, text: '第一段\r\n\r\n  第二段  \n第三段' });
    assert.equal(meta.revision, doc.revision + 1);
    const read = await call(core, 'documents.get', { id: doc.id });
    assert.deepEqual(read.content.root.children.map((p) => p.type), ['paragraph', 'paragraph', 'paragraph']);
    assert.equal(documentPlainText(read.content), '第一段\n第二段\n第三段');
    const [revision] = await call(core, 'documents.listRevisions', { id: doc.id });
    assert.equal(revision?.reason, 'before-replace');
    const old = await call(core, 'documents.getRevision', { revisionId: revision?.id ?? -1 });
    assert.equal(documentPlainText(old.content), '旧的正文');
  });
});

describe('trash', () => {
  test('trash and restore move a document out of and back into the library', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { title: '报告', content: paragraphs('正文') });
    const trashed = await call(core, 'documents.trash', { id: doc.id });
    assert.notEqual(trashed.trashedAt, null);
    assert.equal((await call(core, 'documents.list', {})).length, 0);
    const restored = await call(core, 'documents.restore', { id: doc.id });
    assert.equal(restored.trashedAt, null);
    assert.equal((await call(core, 'documents.list', {}))[0]?.id, doc.id);
    assert.equal((await call(core, 'documents.listRevisions', { id: doc.id }))[0]?.reason, 'before-trash');
  });

  test('only documents in the trash can be deleted for good', async () => {
    const { core } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('正文') });
    const error = await callError(core, 'documents.deleteForever', { id: doc.id });
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /回收站/);
    assert.equal((await call(core, 'documents.get', { id: doc.id })).id, doc.id);
    await call(core, 'documents.trash', { id: doc.id });
    assert.deepEqual(await call(core, 'documents.deleteForever', { id: doc.id }), { ok: true });
    assert.equal((await callError(core, 'documents.get', { id: doc.id })).code, 'NOT_FOUND');
    assert.equal((await call(core, 'documents.list', { trashed: true })).length, 0);
  });
});

describe('revisions', () => {
  test('a save more than 10 minutes after the last snapshot keeps the previous text', async () => {
    const { core, clock } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('九点的稿子') });
    clock.advance(60_000);
    const early = await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('九点零一分') });
    assert.equal((await call(core, 'documents.listRevisions', { id: doc.id })).length, 0);
    clock.advance(AUTOSAVE_REVISION_INTERVAL_MS);
    await call(core, 'documents.save', { id: doc.id, baseRevision: early.revision, content: paragraphs('九点十一分') });
    const revisions = await call(core, 'documents.listRevisions', { id: doc.id });
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.reason, 'autosave');
    assert.equal(revisions[0]?.revision, early.revision);
    const kept = await call(core, 'documents.getRevision', { revisionId: revisions[0]?.id ?? -1 });
    assert.equal(documentPlainText(kept.content), '九点零一分');
    assert.equal(kept.docId, doc.id);
  });

  test('restoring a revision brings its text back and keeps the current text first', async () => {
    const { core, clock } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('第一版') });
    const replaced = await call(core, 'documents.replaceText', { id: doc.id, text: '第二版' });
    const [first] = await call(core, 'documents.listRevisions', { id: doc.id });
    clock.advance(1000);
    const restored = await call(core, 'documents.restoreRevision', { revisionId: first?.id ?? -1 });
    assert.equal(restored.revision, replaced.revision + 1);
    assert.equal(documentPlainText((await call(core, 'documents.get', { id: doc.id })).content), '第一版');
    const revisions = await call(core, 'documents.listRevisions', { id: doc.id });
    assert.deepEqual(revisions.map((r) => r.reason), ['before-restore', 'before-replace']);
    const safety = await call(core, 'documents.getRevision', { revisionId: revisions[0]?.id ?? -1 });
    assert.equal(documentPlainText(safety.content), '第二版');
  });

  test(`at most ${REVISIONS_KEPT} revisions are kept, the oldest automatic ones going first`, async () => {
    const { core, clock } = fresh();
    const doc = await call(core, 'documents.create', { content: paragraphs('起草') });
    await call(core, 'documents.replaceText', { id: doc.id, text: '替换后的稿子' });
    let revision = (await call(core, 'documents.get', { id: doc.id })).revision;
    for (let i = 0; i < REVISIONS_KEPT + 5; i++) {
      clock.advance(AUTOSAVE_REVISION_INTERVAL_MS + 1);
      revision = (await call(core, 'documents.save', { id: doc.id, baseRevision: revision, content: paragraphs(`第 ${i} 次修改`) })).revision;
    }
    const revisions = await call(core, 'documents.listRevisions', { id: doc.id });
    assert.equal(revisions.length, REVISIONS_KEPT);
    assert.ok(revisions.some((r) => r.reason === 'before-replace'), 'the snapshot before a risky operation survives');
    const autosaves = revisions.filter((r) => r.reason === 'autosave');
    const oldestKept = await call(core, 'documents.getRevision', { revisionId: autosaves[autosaves.length - 1]?.id ?? -1 });
    assert.equal(documentPlainText(oldestKept.content), '第 5 次修改');
  });
});
