// The application menu, in Chinese, with the shortcuts Word/WPS users expect (Ctrl+N, Ctrl+S,
// F2, Ctrl+Z, Ctrl+Y, Ctrl+F). Editing items use Electron roles; document commands are sent to
// the renderer as 'app.didRequestCommand' events, which the renderer handles like its own buttons.
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../common/contract';

/** A command the renderer performs when asked from the menu. */
export type AppCommand = EventPayload<'app.didRequestCommand'>['command'];

/** What menu items do besides Electron roles. */
export interface MenuActions {
  /** Sends 'app.didRequestCommand' { command } to the renderer. */
  command(command: AppCommand): void;
  /** Opens the data folder in the system file manager. */
  openDataFolder(): void;
}

/** Platform facts the menu depends on. */
export interface MenuOptions {
  /** Developer tools are offered only in development builds. */
  isPackaged: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Builds the menu template for a platform (macOS gets the app menu first and Cmd shortcuts). */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const cmd = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: '文稿',
    submenu: [
      cmd('关于文稿', 'about'),
      separator,
      { label: '服务', role: 'services' },
      separator,
      { label: '隐藏文稿', role: 'hide' },
      { label: '隐藏其他', role: 'hideOthers' },
      { label: '全部显示', role: 'unhide' },
      separator,
      { label: '退出文稿', role: 'quit', accelerator: 'Cmd+Q' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      cmd('新建', 'newDocument', 'CmdOrCtrl+N'),
      cmd('从模板新建…', 'newFromTemplate', 'CmdOrCtrl+Alt+N'),
      cmd('导入旧文稿…', 'importDocument', 'CmdOrCtrl+O'),
      separator,
      cmd('立即保存', 'saveNow', 'CmdOrCtrl+S'),
      cmd('导出为 Word…', 'exportDocx', 'CmdOrCtrl+Shift+E'),
      cmd('导出为 PDF…', 'exportPdf', 'CmdOrCtrl+Shift+P'),
      cmd('版式设置…', 'formatProfiles'),
      separator,
      cmd('重命名', 'rename', 'F2'),
      cmd('移到回收站', 'trash'),
      separator,
      cmd('回收站', 'showTrash'),
      { label: '打开数据文件夹', click: () => actions.openDataFolder() },
      separator,
      mac
        ? { label: '关闭窗口', role: 'close', accelerator: 'Cmd+W' }
        : { label: '退出', role: 'quit', accelerator: platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { label: '重做', role: 'redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
      // The other common redo shortcut, hidden so the menu shows one. (Lexical also handles
      // Ctrl+Shift+Z / Ctrl+Y itself, so the key works even where hidden accelerators do not.)
      { label: '重做', role: 'redo', accelerator: mac ? 'Cmd+Y' : 'Ctrl+Shift+Z', visible: false, acceleratorWorksWhenHidden: true },
      separator,
      { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      cmd('粘贴为结构化文本…', 'pasteStructured'),
      { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      separator,
      cmd('查找', 'find', 'CmdOrCtrl+F'),
      separator,
      // Word's Alt+F3 makes an AutoText entry from the selection; F3 (视图 → 常用语) inserts one.
      cmd('存为常用语…', 'saveAsSnippet', 'Alt+F3'),
      separator,
      // Tab / Shift+Tab do the same in the editor when the caret is in a heading.
      cmd('标题升级', 'promoteHeading', 'Alt+Shift+Left'),
      cmd('标题降级', 'demoteHeading', 'Alt+Shift+Right'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      cmd('文稿列表', 'showLibrary'),
      cmd('提纲', 'toggleOutline', 'CmdOrCtrl+Alt+O'),
      cmd('分页标记', 'togglePageMarkers'),
      cmd('常用语', 'toggleSnippets', 'F3'),
      separator,
      cmd('放大', 'zoomIn', 'CmdOrCtrl+='),
      // Ctrl+Plus on the numeric keypad and Ctrl+Shift+= on layouts where + needs Shift.
      { ...cmd('放大', 'zoomIn', 'CmdOrCtrl+Plus'), visible: false, acceleratorWorksWhenHidden: true },
      cmd('缩小', 'zoomOut', 'CmdOrCtrl+-'),
      cmd('实际大小', 'zoomReset', 'CmdOrCtrl+0'),
      separator,
      { label: '全屏', role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(options.isPackaged
        ? []
        : [separator, { label: '开发者工具', role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    submenu: [
      { label: '最小化', role: 'minimize', accelerator: 'Cmd+M' },
      { label: '缩放', role: 'zoom' },
      separator,
      { label: '前置全部窗口', role: 'front' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '帮助',
    submenu: [cmd('关于文稿', 'about')],
  };

  // On macOS 关于文稿 lives in the app menu, so there is no separate help menu.
  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}
