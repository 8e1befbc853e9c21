// .docx import: generated documents (headings as styles, as bold lines, as plain markers; a
// table, a footnote, an image, a title) and hostile files (corrupt, truncated, OLE, zip bombs,
// too many entries), each refused with a clear Chinese error before anything is parsed.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { documentContentSchema } from '../../common/documentModel';
import { reportBlocks } from '../../common/reportModel';
import type { ErrorCode } from '../../common/errors';
import * as fixtures from './fixtures';
import type { ImportResult } from './index';
import { importFile, supportedFormats } from './index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-import-docx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes bytes to a file in the test folder. */
function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Imports and checks the content is a valid stored document. */
async function imported(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const result = await importFile(write(name, bytes));
  assert.ok(documentContentSchema.safeParse(result.content).success);
  return result;
}

/** Expects an import to fail with a code and a Chinese message. */
async function refused(name: string, bytes: Uint8Array, code: ErrorCode, message: RegExp): Promise<void> {
  const before = readdirSync(dir).length;
  await assert.rejects(importFile(write(name, bytes)), (error: Error & { code?: string }) => {
    assert.equal(error.name, 'AppError');
    assert.equal(error.code, code);
    assert.match(error.message, message);
    assert.match(error.message, /\p{Script=Han}/u);
    return true;
  });
  // Nothing else happens: no file is written next to it.
  assert.equal(readdirSync(dir).length, before + 1);
}

test('heading styles set the level; markers are stripped and normalised; Title, 署名 and 成文日期 are recognised', async () => {
  const result = await imported('styled.docx', await fixtures.styledHeadingsDocx());
  assert.equal(result.title, '某某局2025年意识形态工作情况报告');
  assert.deepEqual(result.outline, [
    { level: 1, text: '主要工作及成效', kind: 'situation' },
    { level: 2, text: '高度重视，专题研究部署', kind: null },
    { level: 2, text: '加强理论武装', kind: null },
    { level: 1, text: '存在的问题', kind: 'shortcomings' },
    { level: 1, text: '下一步工作打算', kind: 'plan' },
  ]);
  assert.deepEqual(result.fixes, ['第3段：“(一)” 规范为 “（一）”']);
  assert.equal(result.signature, '某某市某某局');
  assert.equal(result.date, '2025年7月1日');
  const blocks = reportBlocks(result.content);
  assert.deepEqual(blocks.slice(-2), [
    { type: 'role', role: 'signature', text: '某某市某某局' },
    { type: 'role', role: 'date', text: '2025年7月1日' },
  ]);
  assert.equal(result.encoding, undefined);
});

test('bold lines with markers are headings, even out of sequence; the same line not bold is body', async () => {
  const result = await imported('bold.docx', await fixtures.boldHeadingsDocx());
  assert.equal(result.title, '某某局2025年上半年工作总结');
  assert.deepEqual(result.outline, [
    { level: 1, text: '基本情况', kind: 'situation' },
    { level: 2, text: '高度重视', kind: null },
    { level: 2, text: '强化宣传', kind: null },
    { level: 1, text: '下半年工作打算', kind: 'plan' },
  ]);
  const blocks = reportBlocks(result.content);
  const runIn = blocks.find((b) => b.type === 'heading' && b.text === '高度重视。');
  assert.ok(runIn?.type === 'heading' && runIn.runInBody?.startsWith('局党组把意识形态工作'));
  assert.ok(blocks.some((b) => b.type === 'paragraph' && b.text.startsWith('（一）强化宣传。全年开展')));
});

test('plain markers, a table as tab-separated rows, a footnote moved to the end, an image left out', async () => {
  const result = await imported('plain.docx', await fixtures.plainMarkersDocx());
  assert.equal(result.title, '关于2025年上半年工作情况的报告');
  assert.deepEqual(result.outline, [
    { level: 1, text: '工作开展情况', kind: 'situation' },
    { level: 2, text: '压实责任', kind: null },
    { level: 2, text: '创新载体', kind: null },
    { level: 1, text: '存在的不足', kind: 'shortcomings' },
    { level: 1, text: '下一步打算', kind: 'plan' },
  ]);
  assert.deepEqual(result.fixes, [
    '表格已转为文字（1 个表格，2 行；每行一段，单元格之间以制表符分隔）',
    '脚注已移到正文末尾（1 条）',
    '图片未导入（1 张）',
    '第3段：“(一)” 规范为 “（一）”',
    '第4段：“(二)” 规范为 “（二）”',
  ]);
  const blocks = reportBlocks(result.content);
  assert.ok(blocks.some((b) => b.type === 'heading' && b.runInBody?.endsWith('全年召开党组会议研究意识形态工作4次。[1]')));
  assert.deepEqual(
    blocks.filter((b) => b.type === 'paragraph' && b.text.includes('\t')).map((b) => b.type === 'paragraph' && b.text),
    ['指标\t完成数', '专题学习\t12次'],
  );
  // Table rows are tab nodes between the cells.
  const row = result.content.root.children.find((c) => (c.children ?? []).some((n) => n.type === 'tab'));
  assert.deepEqual(
    row?.children?.map((n) => n.type),
    ['text', 'tab', 'text'],
  );
  assert.deepEqual(blocks[blocks.length - 1], { type: 'paragraph', text: '[1] 数据来源：局办公室统计。' });
  assert.equal(result.paragraphs, 8);
});

test('a lone Heading 1 at the top is the title and the Heading 2 sections move up', async () => {
  const result = await imported('h1title.docx', await fixtures.headingOneTitleDocx());
  assert.equal(result.title, '2025年述职报告');
  assert.deepEqual(result.outline, [
    { level: 1, text: '履职情况', kind: 'situation' },
    { level: 1, text: '存在的不足', kind: 'shortcomings' },
  ]);
});

test('Word layout: a centred title under a 附件 line, headings numbered automatically (no marker in the text), a right-aligned joint 署名', async () => {
  const result = await imported('layout.docx', await fixtures.layoutOnlyDocx());
  assert.equal(result.title, '某某局2025年上半年工作总结', 'the centred line, not the 附件 line above it');
  assert.deepEqual(result.outline, [
    { level: 1, text: '主要工作及成效', kind: 'situation' },
    { level: 2, text: '高度重视，专题研究部署', kind: null },
    { level: 3, text: '建立工作台账', kind: null },
    { level: 3, text: '定期调度推进', kind: null },
    { level: 2, text: '加强理论武装', kind: null },
    { level: 1, text: '存在的问题', kind: 'shortcomings' },
    { level: 1, text: '下半年工作打算', kind: 'plan' },
  ]);
  assert.equal(result.signature, '中共某某局党组、某某局');
  assert.equal(result.date, '2025年7月1日');
  assert.deepEqual(result.fixes, ['读取 Word 自动编号 7 处（如 “一、”），按编号识别标题层级']);
  const blocks = reportBlocks(result.content);
  assert.deepEqual(blocks[0], { type: 'paragraph', text: '附件1' });
  // Headings are stored without markers: the numbers come from position, as for typed ones.
  assert.ok(blocks.some((b) => b.type === 'heading' && b.text === '主要工作及成效'));
  assert.ok(!blocks.some((b) => b.text.startsWith('一、') || b.text.startsWith('1.')));
});

test('corrupt files: random bytes, a truncated zip, a zip without document.xml, broken XML', async () => {
  const corrupt = /文件已损坏或不是 Word 文档/u;
  await refused('random.docx', fixtures.randomBytes(5000), 'INVALID_INPUT', corrupt);
  const good = await fixtures.styledHeadingsDocx();
  await refused('truncated.docx', good.subarray(0, good.length >> 1), 'INVALID_INPUT', corrupt);
  await refused('no-document.docx', fixtures.zipWithoutDocument(), 'INVALID_INPUT', corrupt);
  await refused('broken-xml.docx', fixtures.brokenXmlDocx(), 'INVALID_INPUT', corrupt);
});

test('OLE compound files (legacy .doc/.wps, encrypted .docx) are refused: save as .docx', async () => {
  const message = /旧版 Word\/WPS 文档.*加密.*另存为” \.docx/u;
  await refused('old.doc', fixtures.oleFile(), 'UNSUPPORTED', message);
  await refused('old.wps', fixtures.oleFile(), 'UNSUPPORTED', message);
  await refused('encrypted.docx', fixtures.oleFile(), 'UNSUPPORTED', message);
  await refused('not-ole.doc', fixtures.randomBytes(300), 'UNSUPPORTED', /另存为” \.docx/u);
  await refused('report.rtf', Buffer.from('{\\rtf1\\ansi 文字}'), 'UNSUPPORTED', /RTF.*另存为” \.docx/u);
  await refused('report.pdf', Buffer.from('%PDF-1.7\n'), 'UNSUPPORTED', /PDF/u);
});

test('other formats are refused with the list of what is supported', async () => {
  const list = new RegExp(supportedFormats.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u');
  await refused('picture.png', fixtures.randomBytes(100), 'UNSUPPORTED', list);
  await refused('sheet.xlsx', fixtures.zipWithoutDocument(), 'UNSUPPORTED', list);
  await refused('empty.txt', Buffer.alloc(0), 'INVALID_INPUT', /空的/u);
  await assert.rejects(importFile(path.join(dir, 'missing.docx')), { code: 'IO', message: /找不到文件/u });
});

test('zip bombs: honest (300 MB of spaces), lying about its size, or declaring 3 GB, are refused before parsing', async () => {
  await refused('honest-bomb.docx', await fixtures.honestZipBomb(300), 'INVALID_INPUT', /压缩比异常/u);
  await refused('lying-bomb.docx', await fixtures.lyingZipBomb(64), 'INVALID_INPUT', /声明的大小不符/u);
  await refused('declared-huge.docx', fixtures.declaredHugeDocx(), 'INVALID_INPUT', /压缩比异常/u);
  await refused('declared-large.docx', fixtures.declaredLargeDocx(), 'TOO_LARGE', /解压后超过 200 MB/u);
  await refused('many-entries.docx', fixtures.manyEntriesZip(2001), 'TOO_LARGE', /部件过多/u);
});

test('limits: file size, XML size, worker time and worker memory each end in a clear error', async () => {
  const file = write('limits.docx', await fixtures.styledHeadingsDocx());
  await assert.rejects(importFile(file, { docxLimits: { maxFileBytes: 1000 } }), { code: 'TOO_LARGE', message: /超过 0 MB|无法导入/u });
  await assert.rejects(importFile(file, { docxLimits: { maxPartBytes: 1000 } }), { code: 'TOO_LARGE', message: /文档正文过大/u });
  await assert.rejects(importFile(file, { docxLimits: { timeoutMs: 1 } }), { code: 'TOO_LARGE', message: /秒内未能解析完/u });
  await assert.rejects(importFile(file, { docxLimits: { maxTextChars: 10 } }), { code: 'TOO_LARGE', message: /超过单篇文稿的上限/u });
  const long = write('long.docx', await fixtures.longReportDocx(20, ['全市上下认真贯彻落实各项决策部署，推动各项工作取得新成效。', '我们坚持问题导向，加强督促检查，确保责任落到实处。']));
  await assert.rejects(importFile(long, { docxLimits: { workerHeapMb: 4 } }), { code: 'TOO_LARGE', message: /超出内存上限/u });
  // With the default limits the same document imports.
  const result = await importFile(long);
  assert.ok(result.outline.length > 10);
});
