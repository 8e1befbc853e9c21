import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillSnippet, normalizeSnippetBody, prepareSnippetInsert } from './snippetModel';

test('prepareSnippetInsert pairs every field with the document value, blank values count as unfilled', () => {
  const body = '{{年度}}，{{单位}}认真落实{{上级单位}}部署，{{单位}}全年完成{{件数}}件。';
  const prepared = prepareSnippetInsert(body, { 单位: '某某市某某局', 年度: '2025年', 上级单位: '  ', 无关: 'x' });
  assert.deepEqual(prepared.fields, [
    { name: '年度', value: '2025年' },
    { name: '单位', value: '某某市某某局' },
    { name: '上级单位', value: null },
    { name: '件数', value: null },
  ]);
  assert.deepEqual(prepared.missing, ['上级单位', '件数']);
  assert.equal(prepared.text, '2025年，某某市某某局认真落实{{上级单位}}部署，某某市某某局全年完成{{件数}}件。');
});

test('fillSnippet fills given values literally and leaves the rest as {{name}}', () => {
  assert.equal(fillSnippet('{{单位}}在{{时间段}}完成$1任务', { 单位: '某局$&', 时间段: '' }), '某局$&在{{时间段}}完成$1任务');
  assert.equal(fillSnippet('没有填空的正文', { 单位: '甲' }), '没有填空的正文');
  assert.equal(fillSnippet('{{toString}}与{{单位}}', {}), '{{toString}}与{{单位}}', 'names of Object.prototype are not values');
});

test('normalizeSnippetBody ignores white space only', () => {
  assert.equal(normalizeSnippetBody(' 加强 学习，\n提高\u3000本领 '), '加强学习，提高本领');
  assert.notEqual(normalizeSnippetBody('加强学习。'), normalizeSnippetBody('加强学习'));
});
