import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFromText } from './fromText';
import { docxParts } from './testSupport';

const text = `关于2025年上半年意识形态工作情况的报告

市委：

今年以来，我局认真落实意识形态工作责任制。现将有关情况报告如下：
一、主要工作
(一)加强组织领导。局党组专题研究部署意识形态工作4次。
1、健全工作机制
制定了工作方案。
二、下一步打算
继续抓好各项工作。

附件：1.责任清单
2.工作台账

某某市某某局
2025年07月01日
`;

/** The paragraphs of document.xml: style id (or Normal) and text. */
function paragraphs(doc: string): [string, string][] {
  return [...doc.matchAll(/<w:p\/>|<w:p>(.*?)<\/w:p>/gs)].map((m) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? '')?.[1] ?? 'Normal';
    const body = (m[1] ?? '').replace(/<w:br\/>/g, '\n');
    return [style, [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')];
  });
}

test('a plain-text report exports with its title, 主送机关, normalised headings, 附件说明, 署名 and 成文日期', async () => {
  const result = await exportFromText(text);
  assert.equal(result.title, '关于2025年上半年意识形态工作情况的报告');
  const doc = (await docxParts(result.buffer)).get('word/document.xml') ?? '';
  assert.deepEqual(paragraphs(doc), [
    ['Title', '关于2025年上半年意识形态工作情况的报告'],
    ['Normal', ''],
    ['Addressee', '市委：'],
    ['Normal', '今年以来，我局认真落实意识形态工作责任制。现将有关情况报告如下：'],
    ['Heading1', '一、主要工作'],
    ['Heading2', '（一）加强组织领导。局党组专题研究部署意识形态工作4次。'],
    ['Heading3', '1.健全工作机制'],
    ['Normal', '制定了工作方案。'],
    ['Heading1', '二、下一步打算'],
    ['Normal', '继续抓好各项工作。'],
    ['Normal', ''],
    ['Attachment', '附件：1.责任清单'],
    ['Attachment2', '2.工作台账'],
    ['Normal', ''],
    ['Signature', '某某市某某局'],
    ['WrittenDate', '2025年7月1日'],
  ]);
  assert.deepEqual(result.warnings, []);
  assert.ok(result.notes.some((n) => n.includes('（一）')));
  assert.ok(result.notes.some((n) => n.includes('1.')));
  assert.equal(result.pages, 1);
});

test('Markdown: # headings and the title; a text without a title exports without one', async () => {
  const md = await exportFromText('# 工作要点\n\n## 一、总体要求\n\n坚持稳中求进。\n', undefined, { source: 'md' });
  const doc = (await docxParts(md.buffer)).get('word/document.xml') ?? '';
  assert.equal(md.title, '工作要点');
  assert.ok(paragraphs(doc).some(([s, t]) => s === 'Heading1' && t === '一、总体要求'));
  const untitled = await exportFromText('今年以来，我们做了很多工作，取得了明显成效。\n下一步，我们将继续努力。');
  assert.equal(untitled.title, '');
  assert.ok(untitled.warnings.includes('缺少标题：文稿没有标题，导出的文档从正文开始。'));
});
