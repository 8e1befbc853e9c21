import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeStartupError, showStartupError } from './dialogs';

describe('startup error messages', () => {
  it('explains a native addon built for the wrong runtime and says what to do', () => {
    const error = new Error(
      "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.",
    );
    const text = describeStartupError(error);
    assert.match(text.message, /数据库组件/);
    assert.match(text.detail, /npm start/);
    assert.doesNotMatch(text.detail, /NODE_MODULE_VERSION 150/, 'only the first line of the technical message');
  });

  it('explains permission and disk-full failures in Chinese', () => {
    assert.match(describeStartupError(Object.assign(new Error("EACCES: permission denied, open '/data/wengao.db'"), { code: 'EACCES' })).message, /权限/);
    assert.match(describeStartupError(new Error('ENOSPC: no space left on device')).message, /磁盘空间不足/);
  });

  it('never shows a stack trace, also for unknown errors and non-errors', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at secret (/app/main.js:1:1)';
    for (const value of [error, 'plain string', 42, null]) {
      const shown: string[] = [];
      showStartupError({ showErrorBox: (title, content) => void shown.push(title, content) }, value);
      assert.equal(shown[0], '文稿无法启动');
      assert.doesNotMatch(shown[1] ?? '', /\n\s+at /);
      assert.match(shown[1] ?? '', /[\u4e00-\u9fff]/);
    }
  });
});
