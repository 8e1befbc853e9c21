// The export progress: 排版 → 生成 → 保存 with the finished stages ticked and the current one marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ExportProgress } from './ExportProgress';

// The test runner (tsx) compiles the component's JSX to React.createElement: give it React.
(globalThis as unknown as { React: typeof React }).React = React;

test('the stages read 排版 → 生成 → 保存, done ones ticked, the current one marked, with what is happening', () => {
  const html = renderToStaticMarkup(React.createElement(ExportProgress, { stage: 'generate', note: '正在生成 PDF（106 页）…' }));
  const items = [...html.matchAll(/<li([^>]*)>(.*?)<\/li>/g)].map((m) => ({ attrs: m[1] ?? '', text: (m[2] ?? '').replace(/<[^>]+>/g, '') }));
  assert.deepEqual(
    items.map((i) => i.text.replace(/^\d/, '')),
    ['排版', '生成', '保存'],
  );
  assert.match(items[0]?.attrs ?? '', /is-done/);
  assert.match(items[1]?.attrs ?? '', /is-current[^>]*aria-current="step"/);
  assert.doesNotMatch(items[2]?.attrs ?? '', /is-/);
  assert.match(html, /role="status"[^>]*>正在生成 PDF（106 页）…</);
});
