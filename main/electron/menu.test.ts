import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { events } from '../common/contract';
import type { AppCommand } from './menu';
import { buildMenuTemplate } from './menu';

/** Every item of a template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = true) {
  const commands: AppCommand[] = [];
  let folderOpened = 0;
  const template = buildMenuTemplate({ command: (c) => commands.push(c), openDataFolder: () => folderOpened++ }, platform, { isPackaged });
  const items = flatten(template);
  const byLabel = (label: string) => items.filter((i) => i.label === label);
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
  return { template, items, byLabel, click, commands, opened: () => folderOpened };
}

const contractCommands = events['app.didRequestCommand'].shape.command.options;
const cjk = /[\u4e00-\u9fff]/;

describe('menu template', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`${platform}: every label is Chinese`, () => {
      for (const item of build(platform, false).items) {
        if (item.type === 'separator') continue;
        assert.match(String(item.label), cjk, JSON.stringify({ role: item.role, label: item.label }));
      }
    });

    it(`${platform}: every contract command is reachable, and only contract commands are sent`, () => {
      const { items, click, commands } = build(platform);
      for (const item of items) if (item.click && !item.role) click(item);
      const sent = new Set(commands);
      for (const command of sent) assert.ok(contractCommands.includes(command), command);
      assert.deepEqual([...sent].sort(), [...contractCommands].sort());
    });

    it(`${platform}: no two visible items share an accelerator`, () => {
      const accelerators = build(platform, false).items.filter((i) => i.accelerator && i.visible !== false).map((i) => String(i.accelerator));
      assert.equal(new Set(accelerators).size, accelerators.length, accelerators.join(', '));
    });
  }

  it('Windows: Word/WPS shortcuts', () => {
    const { byLabel } = build('win32');
    const acc = (label: string) => byLabel(label).map((i) => i.accelerator);
    assert.deepEqual(acc('新建'), ['CmdOrCtrl+N']);
    assert.deepEqual(acc('立即保存'), ['CmdOrCtrl+S']);
    assert.deepEqual(acc('重命名'), ['F2']);
    assert.deepEqual(acc('撤销'), ['CmdOrCtrl+Z']);
    assert.deepEqual(acc('重做'), ['Ctrl+Y', 'Ctrl+Shift+Z']);
    assert.deepEqual(acc('查找'), ['CmdOrCtrl+F']);
    assert.deepEqual(acc('全屏'), ['F11']);
    assert.deepEqual(acc('退出'), ['Alt+F4']);
    assert.deepEqual(
      byLabel('重做').map((i) => i.visible),
      [undefined, false],
      'Ctrl+Y is shown, Ctrl+Shift+Z works too',
    );
  });

  it('top-level menus: 文件 编辑 视图 帮助 on Windows/Linux; the app menu first on macOS', () => {
    assert.deepEqual(build('win32').template.map((m) => m.label), ['文件', '编辑', '视图', '帮助']);
    assert.deepEqual(build('linux').template.map((m) => m.label), ['文件', '编辑', '视图', '帮助']);
    const mac = build('darwin').template;
    assert.equal(mac[0]?.label, '文稿');
    assert.deepEqual(mac.map((m) => m.label), ['文稿', '文件', '编辑', '视图', '窗口']);
    assert.ok(flatten(mac).some((i) => i.role === 'quit' && i.accelerator === 'Cmd+Q'));
    assert.ok(!flatten(build('darwin').template).some((i) => i.label === '退出'), 'no 退出 in 文件 on macOS');
  });

  it('editing items use roles so they work in every text field', () => {
    const { byLabel } = build('win32');
    const roles = ['撤销', '重做', '剪切', '复制', '粘贴', '全选'].map((label) => byLabel(label)[0]?.role);
    assert.deepEqual(roles, ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers developer tools only in development builds', () => {
    assert.equal(build('win32', true).byLabel('开发者工具').length, 0);
    assert.equal(build('win32', false).byLabel('开发者工具')[0]?.role, 'toggleDevTools');
  });

  it('打开数据文件夹 opens the folder instead of sending a command', () => {
    const menu = build('linux');
    menu.click(menu.byLabel('打开数据文件夹')[0]);
    assert.equal(menu.opened(), 1);
    assert.deepEqual(menu.commands, []);
  });
});
