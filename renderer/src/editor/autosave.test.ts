// Unit tests of the autosave queue with a fake clock and a fake store that behaves like core:
// CONFLICT on a stale base revision, refusing empty over text unless allowEmpty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentMeta } from '@common/contract';
import { contentFromParagraphs, documentPlainText } from '@common/documentModel';
import type { DocumentContent } from '@common/documentModel';
import { AppError } from '@common/errors';
import type { ErrorCode } from '@common/errors';
import { AutosaveQueue } from './autosave';
import type { SaveRequest, Scheduler, Snapshot } from './autosave';

/** Asserts a value is present (tests use this instead of `!`). */
function must<T>(value: T | null | undefined): T {
  assert.ok(value !== null && value !== undefined, 'expected a value');
  return value;
}

/** A fake clock: timers run only when the test advances time. */
class FakeClock implements Scheduler {
  private time = 1_000_000;
  private nextId = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  /** Moves time forward, running due timers in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = end;
    await settle();
  }
  pendingTimers(): number {
    return this.timers.size;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface StoredDoc {
  revision: number;
  content: DocumentContent;
}

/** A fake store with core's save rules, recording every request. */
class FakeStore {
  docs = new Map<string, StoredDoc>();
  requests: SaveRequest[] = [];
  /** Codes to fail the next calls with, in order. */
  failures: ErrorCode[] = [];
  /** When set, calls wait until release() is called. */
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  add(id: string, text: string[], revision = 1): void {
    this.docs.set(id, { revision, content: contentFromParagraphs(text) });
  }
  text(id: string): string {
    return documentPlainText(must(this.docs.get(id)).content);
  }
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  release(): void {
    this.openGate?.();
    this.gate = null;
  }
  save = async (request: SaveRequest): Promise<DocumentMeta> => {
    this.requests.push(structuredClone(request));
    if (this.gate) await this.gate;
    const failure = this.failures.shift();
    if (failure) throw new AppError(failure, `失败：${failure}`);
    const doc = this.docs.get(request.id);
    if (!doc) throw new AppError('NOT_FOUND', '找不到');
    if (!request.force && request.baseRevision !== doc.revision) throw new AppError('CONFLICT', '冲突');
    const empty = documentPlainText(request.content).trim() === '';
    if (empty && documentPlainText(doc.content).trim() !== '' && !request.allowEmpty) {
      throw new AppError('INVALID_INPUT', '不能用空内容覆盖');
    }
    doc.revision += 1;
    doc.content = request.content;
    return { id: request.id, title: '', createdAt: 0, updatedAt: 0, trashedAt: null, revision: doc.revision, chars: 0 };
  };
}

function snap(...paragraphs: string[]): Snapshot {
  const content = contentFromParagraphs(paragraphs);
  return { content: () => content, isEmpty: paragraphs.join('') === '' };
}

function setup(): { clock: FakeClock; store: FakeStore; queue: AutosaveQueue; saved: DocumentMeta[] } {
  const clock = new FakeClock();
  const store = new FakeStore();
  const saved: DocumentMeta[] = [];
  const queue = new AutosaveQueue({ save: store.save, scheduler: clock, debounceMs: 800, retryDelaysMs: [1000, 2000], onSaved: (m) => saved.push(m) });
  return { clock, store, queue, saved };
}

test('debounces: one save after typing stops, with the loaded revision as base', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['旧文'], 5);
  queue.open('A', { revision: 5, hasText: true });
  queue.edit('A', snap('旧文一'));
  await clock.advance(500);
  queue.edit('A', snap('旧文一二'));
  await clock.advance(500);
  assert.equal(store.requests.length, 0, 'no save while typing continues');
  assert.equal(queue.stateOf('A').status, 'pending');
  await clock.advance(400);
  assert.equal(store.requests.length, 1);
  assert.equal(must(store.requests[0]).baseRevision, 5);
  assert.equal(store.text('A'), '旧文一二');
  assert.equal(queue.stateOf('A').status, 'saved');
  assert.equal(queue.stateOf('A').revision, 6);
  assert.equal(queue.hasUnsaved(), false);
});

test('switching documents mid-debounce: the edit goes to the document it was made in', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['甲文'], 3);
  store.add('B', ['乙文'], 7);
  queue.open('A', { revision: 3, hasText: true });
  queue.edit('A', snap('甲文加上新内容'));
  await clock.advance(200);
  // The app flushes A before loading B; B's editor then opens B.
  const flushed = queue.flush('A');
  queue.open('B', { revision: 7, hasText: true });
  assert.equal(await flushed, true);
  await clock.advance(2000);
  assert.equal(store.text('A'), '甲文加上新内容');
  assert.equal(store.text('B'), '乙文');
  assert.deepEqual(store.requests.map((r) => [r.id, r.baseRevision]), [['A', 3]]);
});

test('edits of two documents interleaved keep their own ids and revisions', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['a'], 1);
  store.add('B', ['b'], 10);
  queue.open('A', { revision: 1, hasText: true });
  queue.open('B', { revision: 10, hasText: true });
  queue.edit('A', snap('a1'));
  queue.edit('B', snap('b1'));
  await clock.advance(1000);
  queue.edit('A', snap('a2'));
  await clock.advance(1000);
  assert.equal(store.text('A'), 'a2');
  assert.equal(store.text('B'), 'b1');
  assert.deepEqual(
    store.requests.map((r) => [r.id, r.baseRevision]),
    [['A', 1], ['B', 10], ['A', 2]],
  );
});

test('saves of one document are serialised; the next uses the revision the previous returned', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['x'], 1);
  queue.open('A', { revision: 1, hasText: true });
  store.hold();
  queue.edit('A', snap('x1'));
  await clock.advance(800);
  assert.equal(store.requests.length, 1);
  assert.equal(queue.stateOf('A').status, 'saving');
  queue.edit('A', snap('x12'));
  await clock.advance(800);
  queue.edit('A', snap('x123'));
  await clock.advance(800);
  assert.equal(store.requests.length, 1, 'only one save in flight');
  store.release();
  await clock.advance(10);
  assert.equal(store.requests.length, 2);
  assert.equal(must(store.requests[1]).baseRevision, 2);
  assert.equal(documentPlainText(must(store.requests[1]).content), 'x123', 'sends the newest edit, skipping the intermediate one');
  assert.equal(store.text('A'), 'x123');
  assert.equal(queue.stateOf('A').status, 'saved');
});

test('never saves while composing; the composed text is saved when composition ends', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['文'], 1);
  queue.open('A', { revision: 1, hasText: true });
  queue.setComposing(true);
  queue.edit('A', snap('文zhong'));
  await clock.advance(5000);
  assert.equal(store.requests.length, 0, 'no save mid-composition');
  queue.edit('A', snap('文中'));
  queue.setComposing(false);
  await clock.advance(0);
  assert.equal(store.requests.length, 1);
  assert.equal(store.text('A'), '文中');
});

test('flush saves even mid-composition (switching documents or closing)', async () => {
  const { store, queue } = setup();
  store.add('A', ['文'], 1);
  queue.open('A', { revision: 1, hasText: true });
  queue.setComposing(true);
  queue.edit('A', snap('文字'));
  assert.equal(await queue.flush('A'), true);
  assert.equal(store.text('A'), '文字');
});

test('a failed save keeps the text, shows the error, and retries with backoff', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['旧'], 1);
  queue.open('A', { revision: 1, hasText: true });
  store.failures = ['IO', 'IO'];
  queue.edit('A', snap('新内容'));
  await clock.advance(800);
  assert.equal(queue.stateOf('A').status, 'error');
  assert.equal(queue.stateOf('A').error?.code, 'IO');
  assert.equal(queue.hasUnsaved(), true);
  assert.equal(queue.unsavedContent('A') !== null, true);
  await clock.advance(999);
  assert.equal(store.requests.length, 1, 'first retry after 1 s');
  await clock.advance(1);
  assert.equal(store.requests.length, 2);
  assert.equal(queue.stateOf('A').status, 'error');
  await clock.advance(2000);
  assert.equal(store.requests.length, 3);
  assert.equal(queue.stateOf('A').status, 'saved');
  assert.equal(store.text('A'), '新内容');
  assert.deepEqual(store.requests.map((r) => r.baseRevision), [1, 1, 1]);
});

test('the 重试 button retries at once; a flush after a failure tries again too', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['旧'], 1);
  queue.open('A', { revision: 1, hasText: true });
  store.failures = ['INTERNAL'];
  queue.edit('A', snap('新'));
  await clock.advance(800);
  assert.equal(queue.stateOf('A').status, 'error');
  assert.equal(await queue.retry('A'), true);
  assert.equal(store.text('A'), '新');
  assert.equal(clock.pendingTimers(), 0, 'the automatic retry was cancelled');
});

test('edits made while a save is failing are not lost', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['旧'], 1);
  queue.open('A', { revision: 1, hasText: true });
  store.failures = ['IO', 'IO', 'IO'];
  queue.edit('A', snap('一'));
  await clock.advance(800);
  queue.edit('A', snap('一二'));
  await clock.advance(5000);
  queue.edit('A', snap('一二三'));
  await clock.advance(5000);
  assert.equal(store.text('A'), '一二三');
  assert.equal(queue.stateOf('A').status, 'saved');
});

test('a conflict surfaces, stops retrying and keeps the text; 保留我的版本 force-saves it', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['原文'], 4);
  queue.open('A', { revision: 3, hasText: true }); // stale: someone else saved revision 4
  queue.edit('A', snap('我的修改'));
  await clock.advance(800);
  assert.equal(queue.stateOf('A').status, 'conflict');
  await clock.advance(60_000);
  assert.equal(store.requests.length, 1, 'no automatic retry of a conflict');
  queue.edit('A', snap('我的修改继续'));
  await clock.advance(2000);
  assert.equal(store.requests.length, 1, 'no saves while the conflict is open');
  assert.equal(await queue.keepMine('A'), true);
  assert.equal(must(store.requests[1]).force, true);
  assert.equal(store.text('A'), '我的修改继续');
  assert.equal(queue.stateOf('A').status, 'saved');
  assert.equal(queue.stateOf('A').revision, 5);
});

test('载入已保存的版本 after a conflict drops the unsaved edit only on that choice', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['别处的版本'], 9);
  queue.open('A', { revision: 8, hasText: true });
  queue.edit('A', snap('我的'));
  await clock.advance(800);
  assert.equal(queue.stateOf('A').status, 'conflict');
  queue.discard('A');
  queue.open('A', { revision: 9, hasText: true });
  assert.equal(queue.stateOf('A').status, 'saved');
  assert.equal(queue.hasUnsaved(), false);
  queue.edit('A', snap('别处的版本加一句'));
  await clock.advance(800);
  assert.equal(store.text('A'), '别处的版本加一句');
});

test('empty content: allowEmpty only when the user emptied a document that had text', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['有内容'], 1);
  queue.open('A', { revision: 1, hasText: true });
  queue.edit('A', snap());
  await clock.advance(800);
  assert.equal(must(store.requests[0]).allowEmpty, true);
  assert.equal(store.text('A'), '');

  store.add('B', [], 1);
  queue.open('B', { revision: 1, hasText: false });
  queue.edit('B', snap());
  await clock.advance(800);
  assert.equal(must(store.requests[1]).allowEmpty, false, 'an empty edit of an empty document does not ask to overwrite');

  store.add('C', ['正文'], 1);
  queue.open('C', { revision: 1, hasText: true });
  queue.edit('C', snap('正文改'));
  queue.edit('C', snap());
  queue.edit('C', snap('重写'));
  await clock.advance(800);
  assert.equal(must(store.requests[2]).allowEmpty, false, 'non-empty content never asks for allowEmpty');
});

test('empty over stored text without the user emptying it is refused by the store and kept', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['别的窗口写的内容'], 1);
  // This window loaded the document while it was still empty.
  queue.open('A', { revision: 1, hasText: false });
  queue.edit('A', snap());
  await clock.advance(800);
  assert.equal(must(store.requests[0]).allowEmpty, false);
  assert.equal(store.text('A'), '别的窗口写的内容', 'stored text survives');
  assert.equal(queue.stateOf('A').status, 'error');
  await clock.advance(60_000);
  assert.equal(store.requests.length, 1, 'INVALID_INPUT is not retried automatically');
});

test('reopening a document with unsaved edits keeps the queue revision and the edits', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['旧'], 2);
  queue.open('A', { revision: 2, hasText: true });
  store.failures = ['IO'];
  queue.edit('A', snap('新的'));
  await clock.advance(800);
  assert.equal(queue.stateOf('A').status, 'error');
  queue.open('A', { revision: 2, hasText: true });
  assert.equal(documentPlainText(must(queue.unsavedContent('A'))), '新的');
  await clock.advance(1000);
  assert.equal(store.text('A'), '新的');
});

test('flushAll waits for every document and reports leftovers', async () => {
  const { store, queue } = setup();
  store.add('A', ['a'], 1);
  store.add('B', ['b'], 1);
  queue.open('A', { revision: 1, hasText: true });
  queue.open('B', { revision: 1, hasText: true });
  queue.edit('A', snap('a!'));
  queue.edit('B', snap('b!'));
  store.failures = [];
  assert.equal(await queue.flushAll(), true);
  assert.equal(store.text('A'), 'a!');
  assert.equal(store.text('B'), 'b!');
  queue.edit('A', snap('a!!'));
  store.failures = ['IO'];
  assert.equal(await queue.flushAll(), false);
  assert.deepEqual(queue.unsavedIds(), ['A']);
});

test('the request is sent synchronously by flush (so fetch keepalive works on unload)', () => {
  const { store, queue } = setup();
  store.add('A', ['a'], 1);
  queue.open('A', { revision: 1, hasText: true });
  queue.edit('A', snap('a2'));
  void queue.flush('A');
  assert.equal(store.requests.length, 1);
});

test('runExclusive waits for the save in flight and adopts a newer revision', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['a'], 1);
  queue.open('A', { revision: 1, hasText: true });
  store.hold();
  queue.edit('A', snap('a2'));
  await clock.advance(800);
  const order: string[] = [];
  const renamed = queue.runExclusive('A', async () => {
    order.push('rename');
    const doc = must(store.docs.get('A'));
    doc.revision += 1;
    return doc.revision;
  }, (r) => r);
  order.push('before-release');
  store.release();
  assert.equal(await renamed, 3);
  assert.deepEqual(order, ['before-release', 'rename']);
  queue.edit('A', snap('a3'));
  await clock.advance(800);
  assert.equal(store.text('A'), 'a3');
  assert.equal(must(store.requests.at(-1)).baseRevision, 3);
});

test('edit of a document never opened is a programming error', () => {
  const { queue } = setup();
  assert.throws(() => queue.edit('nope', snap('x')));
});

test('subscribers hear every state change', async () => {
  const { clock, store, queue } = setup();
  store.add('A', ['a'], 1);
  queue.open('A', { revision: 1, hasText: true });
  const seen: string[] = [];
  queue.subscribe(() => seen.push(queue.stateOf('A').status));
  queue.edit('A', snap('b'));
  await clock.advance(800);
  assert.deepEqual([...new Set(seen)], ['pending', 'saving', 'saved']);
});
