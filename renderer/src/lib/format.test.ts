// Chinese relative times, sizes and search highlight splitting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteSize, dateTime, displayTitle, highlightParts, relativeTime } from './format';

const now = new Date(2025, 6, 10, 15, 30).getTime();

test('relativeTime in Chinese', () => {
  assert.equal(relativeTime(now - 10_000, now), '刚刚');
  assert.equal(relativeTime(now + 60_000, now), '刚刚');
  assert.equal(relativeTime(now - 5 * 60_000, now), '5 分钟前');
  assert.equal(relativeTime(new Date(2025, 6, 10, 9, 5).getTime(), now), '今天 09:05');
  assert.equal(relativeTime(new Date(2025, 6, 9, 22, 0).getTime(), now), '昨天 22:00');
  assert.equal(relativeTime(new Date(2025, 6, 7, 12, 0).getTime(), now), '3 天前');
  assert.equal(relativeTime(new Date(2025, 1, 3, 12, 0).getTime(), now), '2月3日');
  assert.equal(relativeTime(new Date(2024, 11, 31, 12, 0).getTime(), now), '2024年12月31日');
});

test('dateTime and byteSize', () => {
  assert.equal(dateTime(new Date(2025, 6, 1, 9, 5).getTime()), '2025年7月1日 09:05');
  assert.equal(byteSize(512), '512 B');
  assert.equal(byteSize(1536), '1.5 KB');
  assert.equal(byteSize(5 * 1024 * 1024), '5.0 MB');
});

test('highlightParts splits, clamps, merges', () => {
  assert.deepEqual(highlightParts('上半年工作总结', [[3, 5]]), [
    { text: '上半年', mark: false },
    { text: '工作', mark: true },
    { text: '总结', mark: false },
  ]);
  assert.deepEqual(highlightParts('工作', [[0, 2]]), [{ text: '工作', mark: true }]);
  assert.deepEqual(highlightParts('abcdef', [[4, 99], [1, 2], [1, 3], [-5, 0]]), [
    { text: 'a', mark: false },
    { text: 'bc', mark: true },
    { text: 'd', mark: false },
    { text: 'ef', mark: true },
  ]);
  assert.deepEqual(highlightParts('', [[0, 1]]), []);
});

test('displayTitle', () => {
  assert.equal(displayTitle('  '), '无标题文稿');
  assert.equal(displayTitle('述职报告'), '述职报告');
});
