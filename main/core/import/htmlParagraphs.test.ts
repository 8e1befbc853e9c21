// mammoth's HTML → paragraphs, including the self-contained source the worker runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToParagraphs } from './htmlParagraphs';

const html =
  '<p class="wg-title">某局2025年工作总结</p><p>今年以来，A &amp; B &lt;C&gt;&#x4E2D;&#25991;</p><h1>一、主要工作</h1>' +
  '<p><strong>（一）高度重视。</strong>根据要求<sup><a href="#footnote-7" id="footnote-ref-7">[1]</a></sup></p>' +
  '<p><strong>全部加粗</strong><strong>的一行</strong></p><p>第一行<br />第二行</p>' +
  '<table><tr><td><p>指标</p></td><td><p>数值</p><p>（万元）</p></td></tr><tr><td><p>甲</p></td><td><table><tr><td><p>嵌套</p></td></tr></table></td></tr><tr><td></td><td></td></tr></table>' +
  '<p><img src="" alt="照片" /></p><h5>五级标题</h5><p><a href="javascript:alert(1)">链接文字</a></p>' +
  '<ol><li>列表一</li><li><p>列表二</p></li><li id="footnote-7"><p>脚注内容。 <a href="#footnote-ref-7">↑</a></p></li></ol>';

test('paragraphs with style level, title, bold and entities', () => {
  const out = htmlToParagraphs(html);
  assert.deepEqual(out.paragraphs, [
    { text: '某局2025年工作总结', bold: 'none', isTitle: true },
    { text: '今年以来，A & B <C>中文', bold: 'none' },
    { text: '一、主要工作', bold: 'none', styleLevel: 1 },
    { text: '（一）高度重视。根据要求[1]', bold: 'lead' },
    { text: '全部加粗的一行', bold: 'all' },
    { text: '第一行', bold: 'none' },
    { text: '第二行', bold: 'none' },
    { text: '指标\t数值 （万元）', tableRow: true },
    { text: '甲\t嵌套', tableRow: true },
    { text: '五级标题', bold: 'none', styleLevel: 4 },
    { text: '链接文字', bold: 'none' },
    { text: '列表一', bold: 'none' },
    { text: '列表二', bold: 'none' },
  ]);
  assert.deepEqual(out.footnotes, ['[1] 脚注内容。']);
  assert.equal(out.tables, 1);
  assert.equal(out.tableRows, 2);
  assert.equal(out.images, 1);
});

test('the function runs from its own source text, as the worker runs it', () => {
  // tsx compiles with keepNames, which may wrap inner functions in __name(): the worker defines it.
  const rebuilt = new Function('__name', `return (${htmlToParagraphs.toString()});`)((f: unknown) => f) as typeof htmlToParagraphs;
  assert.deepEqual(rebuilt(html), htmlToParagraphs(html));
});
