// Native message boxes, in Chinese. The shell shows only what the renderer cannot: a failure
// before any window exists, and a crashed page. A corrupt database is not one of them: core
// reports it through 'storage.status' and the renderer shows its recovery screen.
import type { BrowserWindow, Dialog } from 'electron';

/** Title, main text and detail of a startup failure message. */
export interface StartupErrorText {
  title: string;
  message: string;
  detail: string;
}

/** Explains, in Chinese, why the app could not start, with what to do about it. */
export function describeStartupError(error: unknown): StartupErrorText {
  const raw = error instanceof Error ? error.message : String(error);
  const title = '文稿无法启动';
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node|Could not locate the bindings file/i.test(raw)) {
    return {
      title,
      message: '数据库组件与当前程序版本不匹配，文稿无法打开您的文稿库。您的文稿没有受到影响。',
      detail: `开发环境请用 npm start 启动（它会自动准备 Electron 版的数据库组件）；安装版请重新安装文稿。\n\n技术信息：${firstLine(raw)}`,
    };
  }
  if (/EACCES|EPERM|EROFS/.test(raw)) {
    return {
      title,
      message: '没有权限读写数据文件夹，文稿无法打开您的文稿库。',
      detail: `请检查数据文件夹的权限，或以有权限的用户运行文稿。\n\n技术信息：${firstLine(raw)}`,
    };
  }
  if (/ENOSPC/.test(raw)) {
    return {
      title,
      message: '磁盘空间不足，文稿无法打开您的文稿库。',
      detail: `请清理磁盘空间后重新打开文稿。\n\n技术信息：${firstLine(raw)}`,
    };
  }
  return {
    title,
    message: '启动时出现意外错误。您的文稿没有受到影响。',
    detail: `请重新打开文稿；若仍失败，请把下面的信息告诉技术支持。\n\n技术信息：${firstLine(raw)}`,
  };
}

/** The first line of a message, capped, so no stack trace reaches the user. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Shows the startup failure (works before the app is ready). */
export function showStartupError(dialog: Pick<Dialog, 'showErrorBox'>, error: unknown): void {
  const text = describeStartupError(error);
  dialog.showErrorBox(text.title, `${text.message}\n\n${text.detail}`);
}

/** Asks whether to reload after the page crashed; true for 重新加载. */
export async function askReloadAfterCrash(dialog: Pick<Dialog, 'showMessageBox'>, win: BrowserWindow, reason: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'error',
    title: '文稿',
    message: '页面意外退出',
    detail: `已保存的内容不受影响；最后几秒内输入的文字可能需要重新输入。\n\n原因：${reason}`,
    buttons: ['重新加载', '退出'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
