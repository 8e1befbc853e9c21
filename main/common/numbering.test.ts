import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseNumeral, parseChineseNumeral, numberHeadings, parseMarker, findEnumerations, hasBrokenEnumeration, renumberEnumerations } from './numbering';

test('Chinese numerals read as official documents write them', () => {
  assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseNumeral), ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  for (const n of [1, 10, 11, 20, 21, 99, 105]) assert.equal(parseChineseNumeral(chineseNumeral(n)), n);
  assert.ok(Number.isNaN(parseChineseNumeral('甲')));
});

test('levels number 一、（一）1.（1） and deeper counters restart under a new parent', () => {
  assert.deepEqual(numberHeadings([1, 2, 2, 3, 3, 4, 1, 2, 3]), ['一、', '（一）', '（二）', '1.', '2.', '（1）', '二、', '（一）', '1.']);
});

test('past ten: 十一、 and （十二）', () => {
  const levels = Array.from({ length: 12 }, () => 1 as const);
  assert.equal(numberHeadings(levels)[10], '十一、');
  const twelve = numberHeadings([1, ...Array.from({ length: 12 }, () => 2 as const)]);
  assert.equal(twelve[12], '（十二）');
});

test('a skipped level starts at 1 and does not disturb the parent', () => {
  assert.deepEqual(numberHeadings([1, 3, 3, 2, 3]), ['一、', '1.', '2.', '（一）', '1.']);
  assert.deepEqual(numberHeadings([2, 2, 1, 2]), ['（一）', '（二）', '一、', '（一）']);
});

test('markers are recognised with their level, and variants are normalised', () => {
  assert.deepEqual(parseMarker('二、加强学习'), { level: 1, n: 2, length: 2, raw: '二、', variant: null });
  assert.equal(parseMarker('（三）压实责任')?.level, 2);
  assert.equal(parseMarker('(三)压实责任')?.variant, '（三）');
  assert.equal(parseMarker('1.强化理论武装')?.level, 3);
  assert.equal(parseMarker('1、强化理论武装')?.variant, '1.');
  assert.equal(parseMarker('1．强化')?.variant, '1.');
  assert.equal(parseMarker('（1）建立台账')?.level, 4);
  assert.equal(parseMarker('(1)建立台账')?.variant, '（1）');
  assert.equal(parseMarker('十一、其他')?.n, 11);
  assert.equal(parseMarker('一是加强学习'), null);
  assert.equal(parseMarker('2025.6 以来'), null);
  assert.equal(parseMarker('1.5倍'), null);
  assert.equal(parseMarker('今年以来'), null);
});

test('enumerations: a broken 一是…三是 sequence is found and the expected words given', () => {
  const paras = ['一是加强学习，二是压实责任。', '四是强化阵地管理。'];
  assert.equal(hasBrokenEnumeration(paras), true);
  assert.deepEqual(findEnumerations(paras).map((i) => [i.found, i.expected]), [['一是', '一是'], ['二是', '二是'], ['四是', '三是']]);
  assert.equal(hasBrokenEnumeration(['第一，统一思想；第二，压实责任。']), false);
  assert.equal(hasBrokenEnumeration(['这是第三次会议。']), false);
});

test('renumbering: 一是 … 三是 becomes 一是 … 二是, across paragraphs of a section', () => {
  assert.deepEqual(renumberEnumerations(['一是加强学习，三是压实责任。', '四是强化阵地管理。']), ['一是加强学习，二是压实责任。', '三是强化阵地管理。']);
});

test('renumbering after deleting a point, including the first one', () => {
  assert.deepEqual(renumberEnumerations(['主要做法：一是建立台账；三是定期通报；四是严格考核。']), ['主要做法：一是建立台账；二是定期通报；三是严格考核。']);
  assert.deepEqual(renumberEnumerations(['二是定期通报；三是严格考核。']), ['一是定期通报；二是严格考核。']);
});

test('renumbering after moving points: each point takes the number of its new place', () => {
  assert.deepEqual(renumberEnumerations(['二是压实责任。', '一是加强学习。', '三是守牢阵地。']), ['一是压实责任。', '二是加强学习。', '三是守牢阵地。']);
  assert.deepEqual(renumberEnumerations(['一是加强学习；三是守牢阵地；二是压实责任。']), ['一是加强学习；二是守牢阵地；三是压实责任。']);
});

test('renumbering: families are independent, and each subsection keeps its own list', () => {
  const mixed = ['第一，统一思想；一是学习，三是宣讲；第三，压实责任。', '一要抓落实，三要抓督查。'];
  assert.deepEqual(renumberEnumerations(mixed), ['第一，统一思想；一是学习，二是宣讲；第二，压实责任。', '一要抓落实，二要抓督查。']);
  const subsections = ['（一）高度重视。一是专题研究；二是印发方案。', '（二）压实责任。一是签订责任书；三是开展督查。'];
  assert.deepEqual(renumberEnumerations(subsections), ['（一）高度重视。一是专题研究；二是印发方案。', '（二）压实责任。一是签订责任书；二是开展督查。']);
});

test('renumbering leaves prose alone: 统一是, 统一要求, a lone 第三, and past ten it writes 十一是', () => {
  const prose = ['思想统一是前提，统一要求是关键。', '这是第三，也是最后。'];
  assert.deepEqual(renumberEnumerations(prose), prose);
  assert.equal(hasBrokenEnumeration(prose), false);
  const twelve = Array.from({ length: 12 }, (_, i) => `${chineseNumeral(i === 11 ? 13 : i + 1)}是第${i + 1}项。`);
  const fixed = renumberEnumerations(twelve);
  assert.equal(fixed[10], '十一是第11项。');
  assert.equal(fixed[11], '十二是第12项。');
  assert.equal(fixed.length, 12);
});
