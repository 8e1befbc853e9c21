import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { documentPlainText } from '../common/documentModel';
import { AppError, isAppError } from '../common/errors';
import { countWords } from '../common/text';
import { BACKUPS_KEPT, backupsDir } from './storage/backups';
import { migrate, schemaVersion } from './storage/migrations';
import { DATABASE_FILE } from './storage/storage';
import { encodeContent } from './storage/documentStore';
import { SearchIndex } from './storage/search';
import { translateStorageError } from './storage/storageErrors';
import { call, callError, openCore, paragraphs, tempDir, testClock } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

const HOUR = 60 * 60 * 1000;

/** SHA-1 of a file's bytes, to prove nothing wrote to it. */
function digest(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** A data folder holding two documents, closed again. */
async function folderWithDocuments(): Promise<{ dir: string; file: string; ids: string[] }> {
  const dir = tempDir(cleanups);
  const core = openCore(dir);
  const a = await call(core, 'documents.create', { title: '上半年工作总结', content: paragraphs('网络舆情研判机制进一步完善。') });
  const b = await call(core, 'documents.create', { title: '述职报告', content: paragraphs('认真履行岗位职责。') });
  core.close();
  return { dir, file: path.join(dir, DATABASE_FILE), ids: [a.id, b.id] };
}

describe('durability', () => {
  test('after close the database file alone holds every document (the WAL was checkpointed)', async () => {
    const { dir, ids } = await folderWithDocuments();
    const copy = tempDir(cleanups);
    copyFileSync(path.join(dir, DATABASE_FILE), path.join(copy, DATABASE_FILE));
    const core = openCore(copy);
    cleanups.unshift(() => core.close());
    assert.deepEqual((await call(core, 'documents.list', {})).map((d) => d.id).sort(), [...ids].sort());
    assert.equal((await call(core, 'documents.search', { query: '舆情' })).length, 1);
  });

  test('after a crash (files copied while the app was running) every acknowledged save is there', async () => {
    const dir = tempDir(cleanups);
    const core = openCore(dir);
    cleanups.unshift(() => core.close());
    const doc = await call(core, 'documents.create', { title: '草稿' });
    await call(core, 'documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('断电前最后一次保存') });
    const crashed = tempDir(cleanups);
    for (const suffix of ['', '-wal', '-shm']) {
      const from = path.join(dir, DATABASE_FILE + suffix);
      if (existsSync(from)) copyFileSync(from, path.join(crashed, DATABASE_FILE + suffix));
    }
    const reopened = openCore(crashed);
    cleanups.unshift(() => reopened.close());
    assert.equal(reopened.status().state, 'ok');
    assert.equal(documentPlainText((await call(reopened, 'documents.get', { id: doc.id })).content), '断电前最后一次保存');
  });

  test('calls after close answer an error instead of crashing', async () => {
    const core = openCore(tempDir(cleanups));
    const doc = await call(core, 'documents.create', {});
    core.close();
    core.close();
    for (const [method, input] of [
      ['documents.list', {}],
      ['documents.save', { id: doc.id, baseRevision: doc.revision, content: paragraphs('x') }],
      ['storage.backup', {}],
    ] as const) {
      const error = await callError(core, method, input);
      assert.equal(error.code, 'IO');
      assert.match(error.message, /已关闭/);
    }
    assert.equal((await call(core, 'storage.status', {})).state, 'ok');
  });
});

describe('schema upgrades', () => {
  test('a version-1 database opens with every document intact, upgraded, searchable and backed up first', async () => {
    const dir = tempDir(cleanups);
    const file = path.join(dir, DATABASE_FILE);
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    migrate(v1, 1);
    const insertDoc = v1.prepare('INSERT INTO documents (id, title, created_at, updated_at, trashed_at, revision, chars) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertBody = v1.prepare('INSERT INTO document_bodies (doc_seq, content) VALUES (?, ?)');
    const old = paragraphs('2024年全年共处置网络舆情 35 起。', '干部队伍建设取得新进展。');
    const chars = countWords(documentPlainText(old));
    const seqA = insertDoc.run('legacyDocA01', '2024年舆情工作总结', 1_700_000_000_000, 1_700_000_100_000, null, 7, chars).lastInsertRowid;
    insertBody.run(seqA, JSON.stringify(old));
    const seqB = insertDoc.run('legacyDocB02', '旧的回收站文稿', 1_700_000_000_000, 1_700_000_050_000, 1_700_000_200_000, 2, 4).lastInsertRowid;
    insertBody.run(seqB, JSON.stringify(paragraphs('回收站里的舆情')));
    v1.close();

    const clock = testClock();
    const core = openCore(dir, { now: clock.now });
    cleanups.unshift(() => core.close());
    const status = await call(core, 'storage.status', {});
    assert.equal(status.state, 'ok');
    assert.equal(status.backups.length, 1, 'a backup is taken before the upgrade');
    const list = await call(core, 'documents.list', {});
    assert.deepEqual(list, [
      { id: 'legacyDocA01', title: '2024年舆情工作总结', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000, trashedAt: null, revision: 7, chars },
    ]);
    assert.equal((await call(core, 'documents.list', { trashed: true }))[0]?.id, 'legacyDocB02');
    assert.deepEqual((await call(core, 'documents.get', { id: 'legacyDocA01' })).content, old);
    assert.deepEqual((await call(core, 'documents.search', { query: '舆情' })).map((h) => h.id), ['legacyDocA01']);
    assert.deepEqual((await call(core, 'documents.search', { query: '干部' })).map((h) => h.id), ['legacyDocA01']);
    clock.advance(HOUR);
    const saved = await call(core, 'documents.save', { id: 'legacyDocA01', baseRevision: 7, content: paragraphs('新的正文') });
    assert.equal(saved.revision, 8);
    const [revision] = await call(core, 'documents.listRevisions', { id: 'legacyDocA01' });
    assert.equal(documentPlainText((await call(core, 'documents.getRevision', { revisionId: revision?.id ?? -1 })).content), documentPlainText(old));
    core.close();
    const check = new Database(file, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), schemaVersion);
    check.close();
    const backup = new Database(path.join(backupsDir(dir), status.backups[0]?.name ?? ''), { readonly: true });
    assert.equal(backup.pragma('user_version', { simple: true }), 1, 'the backup is the database as it was');
    backup.close();
  });

  test('a version-2 database (before field values) upgrades without loss and then keeps field values', async () => {
    const dir = tempDir(cleanups);
    const file = path.join(dir, DATABASE_FILE);
    // The folder as the previous release left it: schema 2, text chunks and index written.
    const v2 = new Database(file);
    v2.pragma('journal_mode = WAL');
    migrate(v2, 2);
    const index = new SearchIndex(v2);
    const insertDoc = v2.prepare('INSERT INTO documents (id, title, created_at, updated_at, trashed_at, revision, chars) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertBody = v2.prepare('INSERT INTO document_bodies (doc_seq, content) VALUES (?, ?)');
    const legacy = [
      { id: 'legacyDocA01', title: '上半年工作总结', content: paragraphs('网络舆情研判机制进一步完善。') },
      { id: 'legacyDocB02', title: '述职报告', content: paragraphs('认真履行岗位职责。') },
    ];
    for (const d of legacy) {
      const text = documentPlainText(d.content);
      const seq = Number(insertDoc.run(d.id, d.title, 1_700_000_000_000, 1_700_000_100_000, null, 3, countWords(text)).lastInsertRowid);
      insertBody.run(seq, encodeContent(d.content));
      index.write(seq, d.title, text);
    }
    const columns = 'id, title, created_at, updated_at, trashed_at, revision, chars';
    const before = v2.prepare(`SELECT ${columns} FROM documents ORDER BY seq`).all();
    v2.close();

    const core = openCore(dir);
    cleanups.unshift(() => core.close());
    assert.equal((await call(core, 'storage.status', {})).backups.length, 1, 'a backup is taken before the upgrade');
    const doc = await call(core, 'documents.get', { id: 'legacyDocA01' });
    assert.deepEqual(doc.fields, {});
    assert.deepEqual(doc.content, legacy[0]?.content);
    assert.deepEqual((await call(core, 'documents.search', { query: '舆情' })).map((h) => h.id), ['legacyDocA01']);
    assert.deepEqual((await call(core, 'documents.search', { query: '履行' })).map((h) => h.id), ['legacyDocB02']);
    const filled = await call(core, 'documents.setFields', { id: 'legacyDocB02', fields: { 单位: '某某市某某局' } });
    assert.equal(filled.revision, 3);
    core.close();

    const check = new Database(file, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), schemaVersion);
    assert.deepEqual(check.prepare(`SELECT ${columns} FROM documents WHERE id = 'legacyDocA01'`).all(), before.slice(0, 1), 'every column kept');
    check.close();
    const reopened = openCore(dir);
    cleanups.unshift(() => reopened.close());
    assert.deepEqual((await call(reopened, 'documents.get', { id: 'legacyDocB02' })).fields, { 单位: '某某市某某局' });
  });

  test('a database from a newer version of the app is refused, not touched', () => {
    const dir = tempDir(cleanups);
    const file = path.join(dir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    const before = digest(file);
    assert.throws(
      () => openCore(dir),
      (error: unknown) => isAppError(error) && error.code === 'UNSUPPORTED' && /更新版本/.test(error.message),
    );
    assert.equal(digest(file), before);
  });
});

describe('a damaged database', () => {
  test('garbage over the file: status corrupt, every document call answers DB_CORRUPT, the file is not written', async () => {
    const { dir, file } = await folderWithDocuments();
    writeFileSync(file, randomBytes(statSync(file).size));
    const before = digest(file);
    const core = openCore(dir);
    const status = await call(core, 'storage.status', {});
    assert.equal(status.state, 'corrupt');
    assert.match(status.message ?? '', /损坏.*备份/);
    for (const [method, input] of [
      ['documents.list', {}],
      ['documents.create', { title: '新文稿' }],
      ['documents.search', { query: '舆情' }],
      ['storage.backup', {}],
    ] as const) {
      assert.equal((await callError(core, method, input)).code, 'DB_CORRUPT', method);
    }
    assert.equal((await call(core, 'app.info', {})).dataDir, dir);
    core.close();
    assert.equal(digest(file), before);
  });

  test('damage deep inside the file is found by the start-up check; writes wait for it and are refused', async () => {
    const { dir, file } = await folderWithDocuments();
    // Damage a page nothing reads at start (an index of revisions), so only quick_check can see it.
    const inspect = new Database(file, { readonly: true });
    const page = inspect.prepare<[], number>("SELECT pageno FROM dbstat WHERE name = 'revisions_by_doc'").pluck().get() ?? 0;
    const pageSize = inspect.pragma('page_size', { simple: true }) as number;
    inspect.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, (page - 1) * pageSize, page * pageSize);
    writeFileSync(file, bytes);
    const before = digest(file);
    const core = openCore(dir);
    assert.equal(core.status().state, 'ok', 'the damage is not visible before the check (it runs in the background)');
    const write = core.dispatch('documents.create', { title: '不该写入' });
    await core.settled();
    const result = await write;
    assert.equal(result.ok ? 'written' : result.error.code, 'DB_CORRUPT');
    assert.equal((await call(core, 'storage.status', {})).state, 'corrupt');
    core.close();
    assert.equal(digest(file), before);
  });

  test('recover fresh starts an empty database and keeps the damaged file', async () => {
    const { dir, file } = await folderWithDocuments();
    writeFileSync(file, randomBytes(statSync(file).size));
    const before = digest(file);
    const core = openCore(dir);
    cleanups.unshift(() => core.close());
    const status = await call(core, 'storage.recover', { action: 'fresh' });
    assert.equal(status.state, 'ok');
    assert.deepEqual(await call(core, 'documents.list', {}), []);
    await call(core, 'documents.create', { title: '重新开始' });
    const kept = readdirSync(dir).filter((n) => /^wengao\.corrupt-\d{8}-\d{6}(-\d+)?\.sqlite$/.test(n));
    assert.equal(kept.length, 1);
    assert.equal(digest(path.join(dir, kept[0] as string)), before);
    assert.equal((await callError(core, 'storage.recover', { action: 'fresh' })).code, 'CONFLICT', 'a sound database is not replaced');
  });

  test('recover from a backup brings the documents back', async () => {
    const dir = tempDir(cleanups);
    const file = path.join(dir, DATABASE_FILE);
    let core = openCore(dir);
    const doc = await call(core, 'documents.create', { title: '季度报告', content: paragraphs('本季度共处置网络舆情 35 起。') });
    const backup = await call(core, 'storage.backup', {});
    core.close();
    writeFileSync(file, randomBytes(statSync(file).size));
    core = openCore(dir);
    cleanups.unshift(() => core.close());
    const listed = (await call(core, 'storage.status', {})).backups.map((b) => b.name);
    assert.deepEqual(listed, [backup.name]);
    assert.equal((await callError(core, 'storage.recover', { action: 'restore', backup: '../wengao.sqlite' })).code, 'NOT_FOUND');
    const status = await call(core, 'storage.recover', { action: 'restore', backup: backup.name });
    assert.equal(status.state, 'ok');
    assert.equal((await call(core, 'documents.get', { id: doc.id })).title, '季度报告');
    assert.deepEqual((await call(core, 'documents.search', { query: '舆情' })).map((h) => h.id), [doc.id]);
    await call(core, 'documents.create', { title: '恢复后新建' });
    assert.ok(readdirSync(dir).some((n) => n.startsWith('wengao.corrupt-')));
    assert.ok(existsSync(path.join(backupsDir(dir), backup.name)), 'the backup itself is kept');
  });

  test('a damaged backup is refused and the database stays in recovery', async () => {
    const dir = tempDir(cleanups);
    const file = path.join(dir, DATABASE_FILE);
    let core = openCore(dir);
    await call(core, 'documents.create', { title: '季度报告' });
    const backup = await call(core, 'storage.backup', {});
    core.close();
    writeFileSync(path.join(backupsDir(dir), backup.name), randomBytes(backup.bytes));
    writeFileSync(file, randomBytes(statSync(file).size));
    const before = digest(file);
    core = openCore(dir);
    cleanups.unshift(() => core.close());
    const error = await callError(core, 'storage.recover', { action: 'restore', backup: backup.name });
    assert.equal(error.code, 'DB_CORRUPT');
    assert.match(error.message, /备份也已损坏/);
    assert.equal((await call(core, 'storage.status', {})).state, 'corrupt');
    assert.equal(digest(file), before);
  });
});

describe('backups', () => {
  test('storage.backup writes a complete copy that status lists newest first', async () => {
    const dir = tempDir(cleanups);
    const clock = testClock();
    const core = openCore(dir, { now: clock.now });
    cleanups.unshift(() => core.close());
    await call(core, 'documents.create', { title: '一' });
    const first = await call(core, 'storage.backup', {});
    clock.advance(HOUR);
    await call(core, 'documents.create', { title: '二' });
    const second = await call(core, 'storage.backup', {});
    assert.match(second.name, /^wengao-\d{8}-\d{6}\.sqlite$/);
    assert.deepEqual((await call(core, 'storage.status', {})).backups.map((b) => b.name), [second.name, first.name]);
    const copy = new Database(path.join(backupsDir(dir), second.name), { readonly: true });
    assert.equal(copy.prepare('SELECT count(*) FROM documents').pluck().get(), 2);
    assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete', 'a backup is one self-contained file');
    copy.close();
  });

  test(`only the newest ${BACKUPS_KEPT} backups are kept`, async () => {
    const clock = testClock();
    const core = openCore(tempDir(cleanups), { now: clock.now });
    cleanups.unshift(() => core.close());
    await call(core, 'documents.create', {});
    const names: string[] = [];
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) {
      names.push((await call(core, 'storage.backup', {})).name);
      clock.advance(HOUR);
    }
    assert.deepEqual((await call(core, 'storage.status', {})).backups.map((b) => b.name), names.slice(2).reverse());
  });

  test('opening makes a backup when the newest is more than a day old, and not otherwise', async () => {
    const dir = tempDir(cleanups);
    const clock = testClock();
    let core = openCore(dir, { now: clock.now, autoBackup: true });
    await core.settled();
    assert.equal(core.status().backups.length, 0, 'an empty database is not worth a backup');
    await call(core, 'documents.create', { title: '要备份的文稿' });
    core.close();
    core = openCore(dir, { now: clock.now, autoBackup: true });
    await core.settled();
    assert.equal(core.status().backups.length, 1, 'the first start with documents backs up');
    core.close();
    clock.advance(2 * HOUR);
    core = openCore(dir, { now: clock.now, autoBackup: true });
    await core.settled();
    assert.equal(core.status().backups.length, 1);
    core.close();
    clock.advance(25 * HOUR);
    core = openCore(dir, { now: clock.now, autoBackup: true });
    cleanups.unshift(() => core.close());
    await core.settled();
    assert.equal(core.status().backups.length, 2);
  });
});

describe('error messages', () => {
  test('SQLite and disk errors become Chinese messages that say what to do', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['SQLITE_FULL', 'IO', /磁盘空间已满.*清理/],
      ['SQLITE_BUSY', 'IO', /占用.*稍后重试/],
      ['SQLITE_READONLY_DBMOVED', 'IO', /不允许写入.*权限/],
      ['SQLITE_IOERR_WRITE', 'IO', /读写数据库文件失败/],
      ['SQLITE_CORRUPT_VTAB', 'DB_CORRUPT', /备份恢复/],
      ['SQLITE_NOTADB', 'DB_CORRUPT', /备份恢复/],
    ];
    for (const [code, appCode, message] of cases) {
      const translated = translateStorageError(new Database.SqliteError('boom', code));
      assert.ok(translated instanceof AppError, code);
      assert.equal(translated.code, appCode, code);
      assert.match(translated.message, message, code);
    }
    const disk = translateStorageError(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    assert.ok(disk instanceof AppError && /磁盘空间已满/.test(disk.message));
    const bug = new Database.SqliteError('no such column', 'SQLITE_ERROR');
    assert.equal(translateStorageError(bug), bug, 'programming errors stay INTERNAL (and get logged)');
  });

  test('an unwritable data folder is reported in Chinese when opening', () => {
    const dir = tempDir(cleanups);
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    assert.throws(
      () => openCore(path.join(blocker, 'data')),
      (error: unknown) => isAppError(error) && error.code === 'IO' && /数据文件夹/.test(error.message),
    );
  });
});
