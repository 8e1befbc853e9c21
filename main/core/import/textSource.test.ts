// Text files: encodings (UTF-8 with/without BOM, UTF-16 BOMs, GB18030/GBK, Big5) and Markdown.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { importFile, recogniseText } from './index';
import { decodeText, markdownParagraphs, stripInlineMarkdown } from './textSource';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-import-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Encodes text in a legacy double-byte encoding by inverting the decoder (Node has no GBK encoder). */
function encodeLegacy(text: string, encoding: 'gb18030' | 'big5'): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`cannot encode ${ch} in ${encoding}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const simplified = '某某局2025年上半年工作总结\n今年以来，我局认真贯彻落实上级部署，现将有关情况报告如下：\n一、主要工作\n全年开展专题学习12次。\n二、存在的问题\n个别干部的认识还不到位。\n';
const traditional = '某某局2025年上半年工作總結\n今年以來，我局認真貫徹落實上級部署，現將有關情況報告如下：\n一、主要工作\n全年開展專題學習12次。\n二、存在的問題\n個別幹部的認識還不到位。\n';

test('UTF-8 with and without BOM, UTF-16 with BOMs', () => {
  const utf8 = Buffer.from(simplified, 'utf8');
  assert.deepEqual(decodeText(utf8), { text: simplified, encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { text: simplified, encoding: 'utf-8' });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simplified, 'utf16le')]);
  assert.deepEqual(decodeText(le), { text: simplified, encoding: 'utf-16le' });
  const be = Buffer.from(simplified, 'utf16le');
  be.swap16();
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text: simplified, encoding: 'utf-16be' });
});

test('GBK/GB18030 and Big5 files are told apart by which decoding reads as Chinese', () => {
  assert.deepEqual(decodeText(encodeLegacy(simplified, 'gb18030')), { text: simplified, encoding: 'gb18030' });
  assert.deepEqual(decodeText(encodeLegacy(traditional, 'big5')), { text: traditional, encoding: 'big5' });
});

test('binary bytes are refused as not text', () => {
  const binary = Buffer.alloc(4000);
  for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 7919) % 256;
  assert.throws(() => decodeText(binary), { name: 'AppError', code: 'INVALID_INPUT', message: /不是可读的文本/u });
});

test('importFile reads a GBK .txt and records its encoding', async () => {
  const file = path.join(dir, 'gbk.txt');
  writeFileSync(file, encodeLegacy(simplified.replace(/\n/g, '\r\n'), 'gb18030'));
  const result = await importFile(file);
  assert.equal(result.encoding, 'gb18030');
  assert.equal(result.title, '某某局2025年上半年工作总结');
  assert.deepEqual(
    result.outline.map((h) => [h.level, h.text, h.kind]),
    [
      [1, '主要工作', 'situation'],
      [1, '存在的问题', 'shortcomings'],
    ],
  );
});

test('inline Markdown is stripped, plain text with asterisks is left alone', () => {
  assert.equal(stripInlineMarkdown('**加强**领导，见[通知](https://example.cn)与![图](a.png)`代码`'), '加强领导，见通知与代码');
  assert.equal(stripInlineMarkdown('《*日报》专题报道'), '《*日报》专题报道');
  assert.equal(stripInlineMarkdown('\\*不是强调\\*'), '*不是强调*');
});

test('Markdown: front matter and rules go, # levels hint headings, markers still rule, tables become rows', () => {
  const md = [
    '---',
    'author: 某某',
    '---',
    '# 某某局2025年工作总结',
    '',
    '今年以来，我局**认真落实**各项部署。',
    '',
    '## 一、主要工作',
    '',
    '### (一)加强领导',
    '',
    '- 成立领导小组，[详见通知](https://example.cn)。',
    '',
    '### 强化学习',
    '',
    '| 指标 | 完成 |',
    '| --- | --- |',
    '| 学习 | 12次 |',
    '',
    '***',
    '',
    '## 存在的问题',
    '',
    '> 个别干部认识不到位。',
    '',
    '```',
    '代码块里的文字也是正文。',
    '```',
  ].join('\n');
  const parsed = markdownParagraphs(md);
  assert.deepEqual(parsed.removed, ['---', 'author: 某某', '---']);
  const result = recogniseText(md, { source: 'md' });
  assert.equal(result.title, '某某局2025年工作总结');
  assert.deepEqual(result.outline, [
    { level: 1, text: '主要工作', kind: 'situation' },
    { level: 2, text: '加强领导', kind: null },
    { level: 2, text: '强化学习', kind: null },
    { level: 1, text: '存在的问题', kind: 'shortcomings' },
  ]);
  assert.deepEqual(result.removed, ['---', 'author: 某某', '---']);
  assert.ok(result.fixes.includes('第3段：“(一)” 规范为 “（一）”'));
  const texts = result.content.root.children.map((c) => (c.children ?? []).map((n) => (n.type === 'tab' ? '\t' : (n.text ?? ''))).join(''));
  assert.ok(texts.includes('今年以来，我局认真落实各项部署。'));
  assert.ok(texts.includes('成立领导小组，详见通知。'));
  assert.ok(texts.includes('学习\t12次'));
  assert.ok(texts.includes('个别干部认识不到位。'));
  assert.ok(texts.includes('代码块里的文字也是正文。'));
});

test('importFile: .md files are read as Markdown', async () => {
  const file = path.join(dir, 'report.md');
  writeFileSync(file, '# 工作总结\n\n正文内容，说明情况。\n\n## 下一步打算\n\n继续努力。\n');
  const result = await importFile(file);
  assert.equal(result.title, '工作总结');
  assert.deepEqual(result.outline, [{ level: 1, text: '下一步打算', kind: 'plan' }]);
  assert.equal(result.encoding, 'utf-8');
});
