// The status bar's page count: "约 N 页" once counted, a button that shows or hides the markers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { StatusBarProps } from './StatusBar';
import { StatusBar, pagesLabel } from './StatusBar';

// The test runner (tsx) compiles the component's JSX to React.createElement: give it React.
(globalThis as unknown as { React: typeof React }).React = React;

const base: Omit<StatusBarProps, 'words'> = { save: null, otherUnsaved: 0, zoom: 1, version: '0.1.0', modeLabel: '浏览器模式', onRetry: () => undefined, onDataFolder: () => undefined, onZoomReset: () => undefined };

/** The bar's markup with these props. */
const bar = (props: Partial<StatusBarProps> & { words: number | null }): string => renderToStaticMarkup(React.createElement(StatusBar, { ...base, ...props }));

test('the page count reads 约 N 页', () => {
  assert.equal(pagesLabel(1), '约 1 页');
  assert.equal(pagesLabel(106), '约 106 页');
});

test('the status bar shows the page count with what it is based on, and whether the markers are shown', () => {
  const html = bar({ words: 56484, pages: 106, pagesTitle: '按 GB/T 9704 排版', pageMarkers: true });
  assert.match(html, /data-testid="page-count"[^>]*>约 106 页</);
  assert.match(html, /aria-pressed="true"/);
  assert.match(html, /title="按 GB\/T 9704 排版。点击隐藏分页标记。"/);
  const hidden = bar({ words: 56484, pages: 106, pageMarkers: false });
  assert.match(hidden, /aria-pressed="false"[^>]*title="[^"]*点击显示分页标记。"/);
});

test('no count before it is known or without a document', () => {
  assert.doesNotMatch(bar({ words: 10, pages: null }), /page-count/);
  assert.doesNotMatch(bar({ words: null, pages: 3 }), /page-count/);
});
