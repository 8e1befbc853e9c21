import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SavedProfile } from '@common/contract';
import { GBT9704_PROFILE, profileGrid } from '@common/formatProfile';
import { copyName, draftProblems, edit, sizeName, withBody, withCharsPerLine, withLinesPerPage } from './profileForm';

const builtin: SavedProfile = { id: 'gbt9704', name: GBT9704_PROFILE.name, builtin: true, profile: GBT9704_PROFILE, updatedAt: null };

test('sizes by Chinese name: 三号 is 16 pt, 二号 22 pt, 四号 14 pt; other sizes have none', () => {
  assert.equal(sizeName(16), '三号');
  assert.equal(sizeName(22), '二号');
  assert.equal(sizeName(14), '四号');
  assert.equal(sizeName(10.5), '五号');
  assert.equal(sizeName(17), null);
});

test('每页行数 writes the largest whole-twip line pitch giving that many lines; 每行字数 the condensing', () => {
  assert.equal(withLinesPerPage(GBT9704_PROFILE, 22).body.lineSpacingPt, 28.95);
  const p25 = withLinesPerPage(GBT9704_PROFILE, 25);
  assert.equal(profileGrid(p25).linesPerPage, 25);
  assert.equal(p25.body.lineSpacingPt, 25.5);
  for (const n of [10, 21, 23, 30, 38]) assert.equal(profileGrid(withLinesPerPage(GBT9704_PROFILE, n)).linesPerPage, n, `${n} lines`);
  assert.equal(withCharsPerLine(GBT9704_PROFILE, 28).body.characterSpacingPt, -0.25);
  for (const n of [24, 26, 27, 29]) assert.equal(profileGrid(withCharsPerLine(GBT9704_PROFILE, n)).charsPerLine, n, `${n} chars`);
  assert.equal(GBT9704_PROFILE.body.lineSpacingPt, 28.95, 'the original is untouched');
});

test('主送机关 follows the body font and size', () => {
  const p = withBody(GBT9704_PROFILE, (b) => {
    b.font.eastAsia = '仿宋';
    b.sizePt = 15;
  });
  assert.deepEqual(p.addressee, { font: { eastAsia: '仿宋', ascii: 'Times New Roman' }, sizePt: 15 });
  assert.equal(GBT9704_PROFILE.addressee.font.eastAsia, '仿宋_GB2312');
});

test('copies get a free name: “X 副本”, then “X 副本 2”', () => {
  assert.equal(copyName('本局格式', ['本局格式']), '本局格式 副本');
  assert.equal(copyName('本局格式', ['本局格式', '本局格式 副本']), '本局格式 副本 2');
  assert.equal(copyName('本局格式 副本', ['本局格式', '本局格式 副本']), '本局格式 副本 2');
  assert.equal(copyName(GBT9704_PROFILE.name, [GBT9704_PROFILE.name]), `${GBT9704_PROFILE.name} 副本`);
});

test('保存 is blocked by an empty or taken name and by every impossible value, each said in Chinese', () => {
  assert.deepEqual(draftProblems('本局格式', GBT9704_PROFILE, [builtin]), []);
  assert.deepEqual(draftProblems('  ', GBT9704_PROFILE, []), ['方案名称不能为空。']);
  assert.deepEqual(draftProblems('ｇｂ/t 9704—2012 党政机关公文格式', GBT9704_PROFILE, [builtin]), [`已有名为“${GBT9704_PROFILE.name}”的版式方案，请换一个名称。`]);
  const noArea = edit(GBT9704_PROFILE, (p) => {
    p.margins.leftMm = 110;
    p.margins.rightMm = 100;
  });
  assert.deepEqual(draftProblems('窄', noArea, []), ['左右边距之和（210 毫米）不小于纸张宽度（210 毫米），没有留下版心。']);
  const zeroLines = edit(GBT9704_PROFILE, (p) => {
    p.margins.topMm = 140;
    p.margins.bottomMm = 150;
  });
  assert.match(draftProblems('矮', zeroLines, []).join(''), /每页 0 行/);
});
