import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../common/contract';
import type { MethodName } from '../common/contract';
import { documentPlainText, paragraphNode } from '../common/documentModel';
import { call, callError, openCore, paragraphs, tempDir } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** A core on a fresh folder. */
function fresh() {
  const core = openCore(tempDir(cleanups), { version: '1.2.3', transport: 'http' });
  cleanups.unshift(() => core.close());
  return core;
}

test('every core method of the contract is served; shell methods are left to the shell', async () => {
  const core = fresh();
  const names = Object.keys(contract) as MethodName[];
  for (const name of names) {
    const served = typeof core.handlers[name] === 'function';
    assert.equal(served, contract[name].scope === 'core', name);
  }
  const shell = names.find((n) => contract[n].scope === 'shell');
  assert.ok(shell);
  assert.equal((await callError(core, shell, {})).code, 'UNSUPPORTED');
  assert.deepEqual(await call(core, 'app.info', {}), { version: '1.2.3', dataDir: core.dataDir, transport: 'http' });
});

test('a 10 MB title is refused with TOO_LARGE and nothing is written', async () => {
  const core = fresh();
  const doc = await call(core, 'documents.create', { title: '原标题' });
  const huge = '标'.repeat(10 * 1024 * 1024);
  assert.equal((await callError(core, 'documents.create', { title: huge })).code, 'TOO_LARGE');
  assert.equal((await callError(core, 'documents.rename', { id: doc.id, title: huge })).code, 'TOO_LARGE');
  assert.deepEqual((await call(core, 'documents.list', {})).map((d) => d.title), ['原标题']);
});

test('a 20 MB document is refused with TOO_LARGE and nothing is written', async () => {
  const core = fresh();
  const doc = await call(core, 'documents.create', { content: paragraphs('原有正文') });
  const huge = { root: { ...paragraphs().root, children: Array.from({ length: 20 }, () => paragraphNode('字'.repeat(1024 * 1024))) } };
  assert.ok(JSON.stringify(huge).length > 20_000_000);
  assert.equal((await callError(core, 'documents.create', { content: huge })).code, 'TOO_LARGE');
  const save = await callError(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: huge });
  assert.equal(save.code, 'TOO_LARGE');
  assert.match(save.message, /过大/);
  assert.equal((await callError(core, 'documents.replaceText', { id: doc.id, text: '字'.repeat(3_000_001) })).code, 'TOO_LARGE');
  const stored = await call(core, 'documents.get', { id: doc.id });
  assert.equal(documentPlainText(stored.content), '原有正文');
  assert.equal(stored.revision, doc.revision);
  assert.equal((await call(core, 'documents.list', {})).length, 1);
});

test('malformed input is refused with INVALID_INPUT naming the field, never a crash', async () => {
  const core = fresh();
  for (const [method, input] of [
    ['documents.get', { id: '../../etc/passwd' }],
    ['documents.save', { id: 'abc', baseRevision: -1, content: paragraphs('x') }],
    ['documents.save', { id: 'abc', baseRevision: 1, content: { root: { type: 'paragraph' } } }],
    ['documents.search', { query: 42 }],
  ] as const) {
    const error = await callError(core, method, input);
    assert.equal(error.code, 'INVALID_INPUT', method);
    assert.ok(error.message.length > 0);
  }
});
