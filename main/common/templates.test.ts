import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentContentSchema } from './documentModel';
import { readingText, reportOutline } from './reportModel';
import { guessSectionKind, instantiateTemplate, templateOutline, templateSchema } from './templates';
import type { Template } from './templates';

/** A small valid template (a special report with a 主送机关 and a closing). */
function sample(): Template {
  return {
    version: 1,
    id: 'sample-report',
    name: '专项报告',
    description: '测试用的专项工作情况报告。',
    title: '{{单位}}关于{{专项工作}}开展情况的报告',
    fields: [
      { name: '单位', label: '单位名称', example: '某某市某某局' },
      { name: '专项工作', label: '专项工作名称', example: '安全生产大检查' },
      { name: '上级单位', label: '上级单位', example: '市政府办公室' },
      { name: '成文日期', label: '成文日期', example: '2025年7月10日' },
    ],
    addressee: '{{上级单位}}：',
    opening: '根据{{上级单位}}部署，{{单位}}开展了{{专项工作}}。现将有关情况报告如下：',
    sections: [
      {
        heading: '工作开展情况',
        kind: 'situation',
        hint: '写组织领导和推进情况。',
        sections: [{ heading: '加强组织领导', hint: '写会议、方案、专班。' }, { heading: '扎实推进落实', hint: '用数据说话：排查X家，整改X个。' }],
      },
      { heading: '存在的问题', kind: 'shortcomings', hint: '写两到三个问题。', target: 600 },
      { heading: '下一步工作打算', kind: 'plan', hint: '写整改时限。' },
    ],
    closing: '特此报告。',
    signature: '{{单位}}',
    date: '{{成文日期}}',
  };
}

test('a template becomes report nodes: 主送机关, opening with field nodes, headings with kind, hint and target, an empty paragraph in each empty section, then 结束语, 署名, 成文日期', () => {
  const { title, content, fields } = instantiateTemplate(sample(), { 单位: ' 某某市应急管理局 ', 专项工作: '' });
  assert.equal(title, '某某市应急管理局关于{{专项工作}}开展情况的报告', 'given values fill the title; unfilled fields stay {{name}}');
  assert.deepEqual(fields, { 单位: '某某市应急管理局' }, 'values are trimmed and empty ones left unfilled');
  assert.ok(documentContentSchema.safeParse(content).success);
  const blocks = content.root.children;
  assert.deepEqual(
    blocks.map((b) => [b.type, b.role ?? b.level ?? null]),
    [
      ['wg-block', 'addressee'],
      ['paragraph', null],
      ['wg-heading', 1],
      ['wg-heading', 2],
      ['paragraph', null],
      ['wg-heading', 2],
      ['paragraph', null],
      ['wg-heading', 1],
      ['paragraph', null],
      ['wg-heading', 1],
      ['paragraph', null],
      ['wg-block', 'closing'],
      ['wg-block', 'signature'],
      ['wg-block', 'date'],
    ],
  );
  assert.deepEqual(blocks[1]?.children?.slice(0, 3), [
    { type: 'text', version: 1, text: '根据', format: 0, detail: 0, mode: 'normal', style: '' },
    { type: 'wg-field', version: 1, name: '上级单位' },
    { type: 'text', version: 1, text: '部署，', format: 0, detail: 0, mode: 'normal', style: '' },
  ]);
  const shortcomings = blocks[7];
  assert.equal(shortcomings?.kind, 'shortcomings');
  assert.equal(shortcomings?.hint, '写两到三个问题。');
  assert.equal(shortcomings?.target, 600);
  assert.equal(shortcomings?.direction, null);
  assert.equal(shortcomings?.format, '');
  assert.equal(shortcomings?.indent, 0);
  assert.equal(blocks[3]?.kind, null, 'only level-1 headings carry a kind');
  assert.equal(blocks[3]?.hint, '写会议、方案、专班。');
  assert.deepEqual(blocks[4]?.children, [], 'the section starts empty, so its hint shows');
  assert.equal(
    readingText(title, content, fields),
    [
      '某某市应急管理局关于{{专项工作}}开展情况的报告',
      '',
      '{{上级单位}}：',
      '根据{{上级单位}}部署，某某市应急管理局开展了{{专项工作}}。现将有关情况报告如下：',
      '一、工作开展情况',
      '（一）加强组织领导',
      '',
      '（二）扎实推进落实',
      '',
      '二、存在的问题',
      '',
      '三、下一步工作打算',
      '',
      '特此报告。',
      '某某市应急管理局',
      '{{成文日期}}',
    ].join('\n'),
  );
  assert.deepEqual(reportOutline(title, content, fields).missing, []);
});

test('the preview outline lists every heading with its level and the kind of level-1 sections', () => {
  assert.deepEqual(templateOutline(sample()), [
    { level: 1, text: '工作开展情况', kind: 'situation' },
    { level: 2, text: '加强组织领导', kind: null },
    { level: 2, text: '扎实推进落实', kind: null },
    { level: 1, text: '存在的问题', kind: 'shortcomings' },
    { level: 1, text: '下一步工作打算', kind: 'plan' },
  ]);
});

test('the template schema refuses files that would make a broken document', () => {
  assert.equal(templateSchema.safeParse(sample()).success, true);
  const broken: [string, (t: Template) => unknown, RegExp][] = [
    ['undeclared field', (t) => ({ ...t, opening: `${t.opening}{{时间段}}` }), /未声明的填空/],
    ['unused field', (t) => ({ ...t, fields: [...t.fields, { name: '年度', label: '年度', example: '2025' }] }), /没有用到/],
    ['typed number', (t) => ({ ...t, sections: [{ ...t.sections[1], heading: '三、存在的问题' }, ...t.sections.slice(1)] }), /不要写序号/],
    ['leaf without hint', (t) => ({ ...t, sections: [{ heading: '主要成效', kind: 'achievements' }, ...t.sections] }), /写作提示/],
    ['stray brace', (t) => ({ ...t, title: '{{单位}}的报告}' }), /花括号/],
    ['kind below level 1', (t) => ({ ...t, sections: [{ ...t.sections[0], sections: [{ heading: '甲', hint: '乙', kind: 'plan' }] }, ...t.sections.slice(1)] }), /kind|未知|无法识别|unrecognized/i],
    ['five levels', (t) => ({ ...t, sections: [{ heading: '一', kind: 'situation', sections: [{ heading: '二', sections: [{ heading: '三', sections: [{ heading: '四', sections: [{ heading: '五', hint: '太深' }] }] }] }] }, ...t.sections] }), /不能超过 4 级/],
    ['bad kind', (t) => ({ ...t, sections: [{ ...t.sections[0], kind: 'results' }, ...t.sections.slice(1)] }), /./],
  ];
  for (const [what, mutate, message] of broken) {
    const result = templateSchema.safeParse(mutate(sample()));
    assert.equal(result.success, false, what);
    assert.match(result.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n') ?? '', message, what);
  }
});

test('guessSectionKind is available from templates for the importer', () => {
  assert.equal(guessSectionKind('三、存在的问题及原因'), 'shortcomings');
  assert.equal(guessSectionKind('（二）工作开展情况及成效'), 'situation');
});
