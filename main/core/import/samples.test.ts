// The three real web copies in tests/fixtures/samples, imported: each must give the outline a
// careful reader writes down (expectations written by reading the files, not by running the code),
// the junk lines it drops and its repeats.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { documentContentSchema } from '../../common/documentModel';
import { outlineOf, reportPlainText } from '../../common/reportModel';
import type { ImportOutlineHeading, ImportResult } from './index';
import { importFile, toDryRunJson } from './index';

const samples = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'samples');

/** Imports a sample and checks what every import must satisfy. */
async function sample(name: string): Promise<ImportResult> {
  const result = await importFile(path.join(samples, name));
  assert.equal(result.encoding, 'utf-8');
  assert.ok(documentContentSchema.safeParse(result.content).success, 'content is a valid stored document');
  // The outline the content itself answers agrees with the recognised one.
  assert.deepEqual(
    outlineOf(result.content).map((h) => [h.level, h.kind]),
    result.outline.map((h) => [h.level, h.kind]),
  );
  return result;
}

const h = (level: 1 | 2 | 3 | 4, text: string, kind: ImportOutlineHeading['kind'] = level === 1 ? 'other' : null): ImportOutlineHeading => ({ level, text, kind });

test('branch-work-report: web chrome dropped, 一、 sections with 1. run-in items', async () => {
  const result = await sample('branch-work-report.txt');
  assert.equal(result.title, '桂林市阳朔县总支:内强素质 外树形象 创新机制提升宣传思想工作');
  assert.deepEqual(result.outline, [
    h(1, '加强学习,强化认识,扎实开展学习活动'),
    h(1, '加强平台建设,完善工作机制,努力扩大民进影响'),
    h(3, '及时传递上级精神'),
    h(3, '积极探索建立了QQ会务交流和会员微信群,极大方便了会务及时沟通'),
    h(3, '对外宣传扩大了影响力'),
    h(1, '积极打造建设新阵地,宣传报道多姿多彩'),
    h(3, '营造良好氛围'),
    h(3, '加强宣传骨干人才队伍建设'),
  ]);
  assert.deepEqual(result.removed, [
    '当前位置: 首页  >  榜样楷模  >  先进集体  >  广西',
    '发布时间:2018-09-28  来源:',
    '放大',
    '缩小',
    '图为2017年12月1日,民进桂林市阳朔县总支召开学习中共十九大精神专题会议。',
    '作者:     责任编辑:张禹',
  ]);
  assert.deepEqual(result.duplicates, []);
  assert.deepEqual(result.fixes, []);
  // Opening + two paragraphs of section 一 + five run-in items.
  assert.equal(result.paragraphs, 8);
  // The 1. items are run-in: heading sentence and body share one paragraph, the marker is gone.
  const blocks = outlineOf(result.content);
  assert.equal(blocks.filter((b) => b.runIn).length, 5);
  const text = reportPlainText(result.content);
  assert.match(text, /^近年来,民进桂林市阳朔县总支/u);
  assert.match(text, /\n及时传递上级精神。要求总支各支部/u);
  assert.doesNotMatch(text, /放大|责任编辑|当前位置|图为/u);
  assert.equal(result.signature, null);
  assert.equal(result.date, null);
});

test('half-year-summary: no title (it opens with the 导语), one visible section, hidden-text notice dropped', async () => {
  const result = await sample('half-year-summary.txt');
  assert.equal(result.title, null);
  assert.deepEqual(result.outline, [h(1, '理论武装“铸魂工程”走深走实,思想根基进一步夯实')]);
  assert.deepEqual(result.removed, ['---此处隐藏4362字,下载后查看---']);
  assert.deepEqual(result.duplicates, []);
  assert.deepEqual(result.fixes, []);
  // 导语, three paragraphs of 一、, four after the hidden part (一是/二是 lines are body), the closing.
  assert.equal(result.paragraphs, 9);
  const text = reportPlainText(result.content);
  assert.match(text, /^2025年上半年,市委宣传部/u);
  assert.match(text, /\n一是以上率下“领学”/u, '一是 is never a heading');
  assert.match(text, /迎接中华人民共和国成立76周年!$/u);
});

test('web-copy-traditional: Traditional text kept, pinyin annotations and captions dropped, unmarked 对仗 headings read as sections', async () => {
  const result = await sample('web-copy-traditional.txt');
  assert.equal(result.title, '強化引領 夯實基礎 努力凝聚思想共識——九三學社中央宣傳思想五年工作綜述');
  assert.deepEqual(result.outline, [
    h(1, '注重思想引領 系列主題教育活動走深走實'),
    h(1, '強化理論武裝 發揮“關鍵少數”引領示范作用'),
    h(1, '堅持問題導向 深入開展思想調研'),
    h(1, '講好九三學社故事 鞏固宣傳思想陣地'),
    h(1, '強化網絡安全和輿情管理 推進信息化建設'),
  ]);
  assert.deepEqual(result.removed, [
    '密碼:',
    '55674a67dd0193f10ecf43c692c9cdc1.jpg',
    '2019年9月,九三學(xué)社成立舊址紀(jì)念碑配套建設(shè)項目揭幕儀式在重慶舉行。',
    '2bcb1aad8cbdd55e336ecc4fb194e60b.png',
    '九三學(xué)社中央網(wǎng)站開設(shè)“深入學(xué)習(xí)貫徹中共二十大精神”專題',
    'deb0c8b54990487316241bc06eebf0dd.png',
    '第五批“九三楷?!毙麄髌?/span>',
    'a1b6b7a22d8fbca6ba99420ec97a2f62.jpg',
    '2021年9月,九三學(xué)社西部片區(qū)思想政治建設(shè)工作調(diào)研座談會在貴陽舉行。',
    'da80817562101976b901901c132f8603.jpg',
    '(來源:九三學(xué)社中央宣傳部  文/ 張博燕)',
  ]);
  assert.deepEqual(result.duplicates, []);
  assert.equal(result.fixes[0], '标题去掉网页栏目或网站名 “迎接社十二大”');
  assert.match(result.fixes[1] ?? '', /^删除网页拼音注音 \d+ 处（如 “強\(qiáng\)”）$/u);
  assert.match(result.fixes[2] ?? '', /^第\d+段：删除网页标记 “\?\/p>”$/u);
  assert.equal(result.fixes.length, 3);
  assert.equal(result.paragraphs, 15);
  const text = reportPlainText(result.content);
  assert.doesNotMatch(text, /\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/u, 'no pinyin annotation is left after a character');
  assert.match(text, /^五年來,九三學社中央宣傳思想工作堅持/u, 'Traditional characters stay as they are');
});

test('the dry-run JSON of a sample has exactly the CLI shape', async () => {
  const json = toDryRunJson(await importFile(path.join(samples, 'branch-work-report.txt')));
  assert.deepEqual(Object.keys(json), ['title', 'headings', 'paragraphs', 'removed', 'duplicates', 'fixes']);
  assert.deepEqual(json.headings[2], { level: 3, text: '及时传递上级精神', kind: null });
  assert.equal(json.duplicates, 0);
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
});
