import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentContentSchema } from '../common/documentModel';
import { reportOutline } from '../common/reportModel';
import type { SectionKind } from '../common/reportModel';
import { instantiateTemplate } from '../common/templates';
import type { Template } from '../common/templates';
import { loadTemplateFiles } from './templates';
import { call, callError, openCore, tempDir } from './testSupport';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((fn) => fn()));

/** The shipped resources folder. */
const resourcesDir = path.resolve(__dirname, '..', '..', 'resources');
const shippedDir = path.join(resourcesDir, 'templates');

/** Loads the shipped templates, failing on any message. */
function shipped(): Template[] {
  const errors: string[] = [];
  const templates = loadTemplateFiles(shippedDir, (m) => errors.push(m));
  assert.deepEqual(errors, []);
  return templates;
}

/** What each shipped template's level-1 sections must be: heading words and kinds. */
const expected: Record<string, { name: string; parts: [RegExp, SectionKind][] }> = {
  'half-year-summary': { name: '半年工作总结', parts: [[/主要工作/, 'situation'], [/成效/, 'achievements'], [/问题|不足/, 'shortcomings'], [/下半年/, 'plan']] },
  'annual-summary': { name: '年度工作总结', parts: [[/主要工作/, 'situation'], [/问题|不足/, 'shortcomings'], [/工作打算/, 'plan']] },
  'ideology-report': {
    name: '意识形态工作情况报告',
    parts: [[/领导层面/, 'situation'], [/阵地/, 'situation'], [/舆情/, 'situation'], [/队伍/, 'situation'], [/问题/, 'shortcomings'], [/下一步/, 'plan']],
  },
  'duty-report': {
    name: '述职报告',
    parts: [[/学习/, 'situation'], [/本领/, 'situation'], [/勤勉/, 'situation'], [/实效/, 'achievements'], [/廉洁/, 'situation'], [/不足/, 'shortcomings'], [/努力方向/, 'plan']],
  },
  'work-plan': { name: '工作计划（要点）', parts: [[/指导思想/, 'other'], [/目标任务/, 'plan'], [/重点工作/, 'plan'], [/保障措施/, 'plan']] },
  'research-report': { name: '调研报告', parts: [[/基本情况/, 'situation'], [/存在的问题/, 'shortcomings'], [/原因分析/, 'shortcomings'], [/对策建议/, 'plan']] },
  'special-report': { name: '专项工作情况报告', parts: [[/工作开展情况/, 'situation'], [/成效/, 'achievements'], [/问题/, 'shortcomings'], [/下一步/, 'plan']] },
  'party-building-summary': { name: '党建工作总结', parts: [[/主要工作/, 'situation'], [/成效/, 'achievements'], [/问题|不足/, 'shortcomings'], [/工作打算/, 'plan']] },
};

describe('shipped templates', () => {
  test('every file in resources/templates validates, is named after its id, and the eight report kinds are there', () => {
    const templates = shipped();
    assert.equal(templates.length, readdirSync(shippedDir).filter((n) => n.endsWith('.json')).length, 'no file was skipped');
    assert.deepEqual(templates.map((t) => t.id).sort(), Object.keys(expected).sort());
    for (const t of templates) assert.equal(t.name, expected[t.id]?.name);
  });

  test('each template instantiates into valid content whose outline has the parts its kind needs', () => {
    for (const template of shipped()) {
      const values = Object.fromEntries(template.fields.map((f) => [f.name, f.example]));
      const made = instantiateTemplate(template, values);
      assert.ok(documentContentSchema.safeParse(made.content).success, template.id);
      assert.doesNotMatch(made.title, /\{\{/, `${template.id}: every title field is declared and filled`);
      const outline = reportOutline(made.title, made.content, made.fields);
      const level1 = outline.headings.filter((h) => h.level === 1);
      const parts = expected[template.id]?.parts ?? [];
      assert.equal(level1.length, parts.length, template.id);
      parts.forEach(([words, kind], i) => {
        assert.match(level1[i]?.text ?? '', words, `${template.id} part ${i + 1}`);
        assert.equal(level1[i]?.kind, kind, `${template.id} part ${i + 1}`);
      });
      assert.deepEqual(outline.missing, [], `${template.id} is complete`);
      // Numbering starts at 一、 and the last part is the plan.
      assert.equal(level1[0]?.number, '一、');
      assert.equal(level1.at(-1)?.kind, 'plan');
      // Every empty section shows guidance; the outline counts nothing yet.
      for (const node of made.content.root.children) {
        if (node.type !== 'wg-heading') continue;
        const index = made.content.root.children.indexOf(node);
        const next = made.content.root.children[index + 1];
        if (next?.type === 'paragraph') assert.ok(typeof node.hint === 'string' && node.hint.length >= 20, `${template.id}: ${JSON.stringify(node.children)} has guidance`);
      }
      assert.ok(outline.headings.every((h) => h.chars === 0 || h.level === 1));
      // Signature and date are role blocks at the end.
      assert.deepEqual(made.content.root.children.slice(-2).map((n) => n.role), ['signature', 'date'], template.id);
      assert.match(template.opening, /……/, `${template.id}: the opening leaves the writer a gap to fill`);
    }
  });

  test('述职报告 is written in the first person and signed by the person; reports to a superior have a 主送机关 and end with 特此报告', () => {
    const byId = new Map(shipped().map((t) => [t.id, t]));
    const duty = byId.get('duty-report');
    assert.match(duty?.opening ?? '', /我/);
    assert.match(duty?.signature ?? '', /述职人：\{\{姓名\}\}/);
    assert.deepEqual(
      duty?.sections.map((s) => /【(.)】/.exec(s.hint ?? '')?.[1]).filter(Boolean),
      ['德', '能', '勤', '绩', '廉'],
    );
    for (const id of ['ideology-report', 'special-report']) {
      assert.equal(byId.get(id)?.addressee, '{{上级单位}}：', id);
      assert.equal(byId.get(id)?.closing, '特此报告。', id);
    }
    assert.ok(shipped().some((t) => t.sections.some((s) => s.kind === 'shortcomings' && s.target !== undefined && s.target <= 600)));
  });
});

describe('templates through the core', () => {
  test('templates.list answers what the picker shows; templates.get the whole template', async () => {
    const core = openCore(tempDir(cleanups), { resourcesDir });
    cleanups.unshift(() => core.close());
    const list = await call(core, 'templates.list', {});
    assert.equal(list[0]?.id, 'half-year-summary', 'listed in the order the files give');
    const half = list[0];
    assert.deepEqual(Object.keys(half ?? {}).sort(), ['category', 'description', 'fields', 'id', 'name', 'outline']);
    assert.deepEqual(half?.fields.find((f) => f.name === '单位'), { name: '单位', label: '单位名称', example: '某某市某某局' });
    assert.deepEqual(half?.outline.filter((o) => o.level === 1).map((o) => o.kind), ['situation', 'achievements', 'shortcomings', 'plan']);
    const detail = await call(core, 'templates.get', { id: 'ideology-report' });
    assert.equal(detail.addressee, '{{上级单位}}：');
    assert.equal(detail.outline[0]?.text, '领导层面部署落实情况');
    const missing = await callError(core, 'templates.get', { id: 'no-such-template' });
    assert.equal(missing.code, 'NOT_FOUND');
    assert.match(missing.message, /模板/);
  });

  test('a bad template file is skipped with a Chinese message; the good ones still load', async () => {
    const dir = tempDir(cleanups);
    const templatesDir = path.join(dir, 'templates');
    mkdirSync(templatesDir);
    copyFileSync(path.join(shippedDir, 'duty-report.json'), path.join(templatesDir, 'duty-report.json'));
    copyFileSync(path.join(shippedDir, 'work-plan.json'), path.join(templatesDir, 'renamed.json'));
    writeFileSync(path.join(templatesDir, 'broken.json'), '{ "version": 1, "id": "broken", ');
    writeFileSync(path.join(templatesDir, 'no-sections.json'), JSON.stringify({ version: 1, id: 'no-sections', name: '空模板', description: '缺少章节', title: '标题', fields: [], opening: '导语', sections: [], signature: '署名', date: '日期' }));
    writeFileSync(path.join(templatesDir, 'notes.txt'), '不是模板');
    const logged: string[] = [];
    const core = openCore(path.join(dir, 'data'), { resourcesDir: dir, onError: (where, error) => logged.push(`${where} ${(error as Error).message}`) });
    cleanups.unshift(() => core.close());
    assert.deepEqual((await call(core, 'templates.list', {})).map((t) => t.id), ['duty-report']);
    assert.equal(logged.length, 3);
    assert.ok(logged.some((m) => /模板文件“broken\.json”无效，已跳过：不是有效的 JSON/.test(m)));
    assert.ok(logged.some((m) => /模板文件“no-sections\.json”无效，已跳过：.*sections/.test(m)));
    assert.ok(logged.some((m) => /模板文件“renamed\.json”无效，已跳过：文件名应与模板编号一致（work-plan\.json）/.test(m)));
    // Loaded once: asking again logs nothing new.
    await call(core, 'templates.list', {});
    assert.equal(logged.length, 3);
  });

  test('without a templates folder there are simply no templates', async () => {
    const core = openCore(tempDir(cleanups));
    cleanups.unshift(() => core.close());
    assert.deepEqual(await call(core, 'templates.list', {}), []);
  });
});
