// The HTTP transport, token handling and error messages, with a fake fetch and fake storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '@common/client';
import { AppError } from '@common/errors';
import { errorMessage, errorText, failureMessage, transportText } from './errors';
import { TOKEN_STORAGE_KEY, createBridgeTransport, createHttpTransport, isCallResult, takeToken } from './transport';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (sent: Sent) => Response | Promise<Response>): { fetchImpl: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    const item = { url: String(url), init: init ?? {} };
    sent.push(item);
    return answer(item);
  }) as typeof fetch;
  return { fetchImpl, sent };
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

test('POSTs the input as JSON with the bearer token and returns the CallResult', async () => {
  const { fetchImpl, sent } = fakeFetch(() => json({ ok: true, value: { version: '1' } }));
  const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:9/api/', token: 'tok', fetchImpl });
  const result = await transport('app.info', {});
  assert.deepEqual(result, { ok: true, value: { version: '1' } });
  assert.equal(sent[0]?.url, 'http://127.0.0.1:9/api/app.info');
  assert.equal(sent[0]?.init.method, 'POST');
  const headers = sent[0]?.init.headers as Record<string, string>;
  assert.equal(headers.Authorization, 'Bearer tok');
  assert.equal(headers['Content-Type'], 'application/json');
  assert.equal(sent[0]?.init.body, '{}');
  assert.equal(sent[0]?.init.keepalive, false);
});

test('401/403 become UNSUPPORTED with the reopen message', async () => {
  for (const status of [401, 403]) {
    const { fetchImpl } = fakeFetch(() => new Response('nope', { status }));
    const transport = createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl });
    assert.deepEqual(await transport('documents.list', {}), { ok: false, error: { code: 'UNSUPPORTED', message: transportText.badToken } });
  }
  assert.equal(transportText.badToken, '访问令牌无效，请从 npm run serve 输出的地址重新打开');
});

test('a failed fetch is IO, an unreadable answer INTERNAL', async () => {
  const down = createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetchImpl });
  assert.deepEqual(await down('app.info', {}), { ok: false, error: { code: 'IO', message: transportText.unreachable } });
  const garbage = createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl: fakeFetch(() => new Response('<html>')).fetchImpl });
  assert.equal((await garbage('app.info', {})).ok, false);
  const wrongShape = createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl: fakeFetch(() => json({ ok: false, error: { code: 'WHAT', message: 'x' } })).fetchImpl });
  assert.deepEqual(await wrongShape('app.info', {}), { ok: false, error: { code: 'INTERNAL', message: transportText.badAnswer } });
});

test('error answers pass through and the typed client throws them as AppError', async () => {
  const { fetchImpl } = fakeFetch(() => json({ ok: false, error: { code: 'CONFLICT', message: '文稿已在别处被修改。' } }));
  const client = createClient(createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl }));
  await assert.rejects(
    client.call('documents.get', { id: 'abc' }),
    (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && errorMessage(error) === '文稿已在别处被修改。',
  );
});

test('keepalive only while unloading and only for small bodies', async () => {
  let unloading = true;
  const { fetchImpl, sent } = fakeFetch(() => json({ ok: true, value: null }));
  const transport = createHttpTransport({ baseUrl: 'http://x/api/', token: 't', fetchImpl, isUnloading: () => unloading });
  await transport('documents.save', { text: '短' });
  await transport('documents.save', { text: '长'.repeat(30_000) });
  unloading = false;
  await transport('documents.save', { text: '短' });
  assert.deepEqual(sent.map((s) => s.init.keepalive), [true, false, false]);
});

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k: string) => map.get(k) ?? null,
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

test('takeToken reads #token=, keeps it for reloads and clears the address bar', () => {
  const storage = fakeStorage();
  const replaced: string[] = [];
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
  const loc = { hash: '#token=abc%2B1', pathname: '/', search: '' } as Location;
  assert.equal(takeToken(loc, storage, history), 'abc+1');
  assert.equal(storage.getItem(TOKEN_STORAGE_KEY), 'abc+1');
  assert.deepEqual(replaced, ['/']);
  // After a reload the fragment is gone; the stored token is used.
  assert.equal(takeToken({ hash: '', pathname: '/', search: '' } as Location, storage, history), 'abc+1');
  assert.equal(takeToken({ hash: '', pathname: '/', search: '' } as Location, fakeStorage(), history), null);
});

test('the bridge transport validates what the preload answers', async () => {
  const good = createBridgeTransport({ call: async () => ({ ok: true, value: 1 }), on: () => () => undefined });
  assert.deepEqual(await good('app.info', {}), { ok: true, value: 1 });
  const bad = createBridgeTransport({ call: async () => 'nonsense' as never, on: () => () => undefined });
  assert.equal((await bad('app.info', {})).ok, false);
  const throwing = createBridgeTransport({ call: () => Promise.reject(new Error('ipc gone')), on: () => () => undefined });
  assert.equal((await throwing('app.info', {})).ok, false);
});

test('messages: Chinese messages from core are shown as they are, others come from the table', () => {
  assert.equal(errorMessage(new AppError('INVALID_INPUT', 'content.root：Invalid input')), errorText.INVALID_INPUT);
  assert.equal(errorMessage(new AppError('IO', '磁盘已满。')), '磁盘已满。');
  assert.equal(errorMessage(new Error('boom')), errorText.INTERNAL);
  assert.equal(failureMessage({ code: 'TOO_LARGE', message: '' }), errorText.TOO_LARGE);
  assert.equal(isCallResult({ ok: true, value: undefined }), true);
  assert.equal(isCallResult({ ok: true }), false);
  for (const message of Object.values(errorText)) assert.match(message, /\p{Script=Han}/u);
});
