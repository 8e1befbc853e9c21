// The panel's pure parts: a refused pack's message split into its lead and one problem per line,
// and result excerpts that start near the first match with the highlights moved along.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptAround } from './excerpt';
import { packProblems } from './PackMenu';

test('a refused pack lists each problem on its own; a one-line refusal is the lead alone', () => {
  assert.deepEqual(packProblems('常用语包有 2 处问题，没有导入任何内容。请改正后重新导入：\n第 2 条（bad-002）：标题不能为空\n第 3 条（bad-003）：类型须为：opening、situation'), {
    lead: '常用语包有 2 处问题，没有导入任何内容。请改正后重新导入：',
    problems: ['第 2 条（bad-002）：标题不能为空', '第 3 条（bad-003）：类型须为：opening、situation'],
  });
  assert.deepEqual(packProblems('不是 JSON 文件'), { lead: '不是 JSON 文件', problems: [] });
});

test('an excerpt starts shortly before the first match, keeping the highlight on the same characters', () => {
  const body = '各级党组织认真落实意识形态工作责任制，切实做到守土有责、守土负责、守土尽责。';
  const at = body.indexOf('守土负责');
  const { text, ranges } = excerptAround(body, [[at, at + 4]], 6);
  assert.ok(text.startsWith('…'));
  const [range] = ranges;
  assert.ok(range);
  assert.equal(text.slice(range[0], range[1]), '守土负责');
  // A match near the start: the text is left as it is.
  assert.deepEqual(excerptAround('守土负责是根本。', [[0, 4]]), { text: '守土负责是根本。', ranges: [[0, 4]] });
  assert.deepEqual(excerptAround('第一段\n第二段', []), { text: '第一段 第二段', ranges: [] });
});
