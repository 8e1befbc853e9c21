import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contract } from '../common/contract';
import { createDispatcher } from '../common/dispatcher';
import { createShellHandlers } from './shellHandlers';
import type { ShellHandlerDeps } from './shellHandlers';
import { QUIT_ACK_METHOD } from './quitFlush';

/** Deps with a cancelled save dialog and a failing writer, overridable per test. */
function deps(overrides: Partial<ShellHandlerDeps>): ShellHandlerDeps {
  return {
    dataDir: '/data',
    openPath: async () => '',
    documentsDir: '/home/u/文档',
    showSaveDialog: async () => null,
    writeFile: async () => {
      throw new Error('not expected');
    },
    printToPdf: async () => null,
    ...overrides,
  };
}

describe('shell handlers', () => {
  it('serve every shell-scope method of the contract', () => {
    const handlers = createShellHandlers(deps({}));
    const shellMethods = Object.entries(contract)
      .filter(([name, def]) => def.scope === 'shell' && name !== QUIT_ACK_METHOD)
      .map(([name]) => name);
    assert.deepEqual(Object.keys(handlers).sort(), shellMethods.sort());
  });

  it('open the data folder through the dispatcher', async () => {
    const opened: string[] = [];
    const openPath = async (p: string): Promise<string> => {
      opened.push(p);
      return '';
    };
    const dispatch = createDispatcher({ handlers: createShellHandlers(deps({ dataDir: '/data/文稿', openPath })) });
    assert.deepEqual(await dispatch('shell.openDataFolder', {}), { ok: true, value: { ok: true } });
    assert.deepEqual(opened, ['/data/文稿']);
  });

  it('turn a file manager failure into a Chinese IO error', async () => {
    const dispatch = createDispatcher({ handlers: createShellHandlers(deps({ openPath: async () => 'No application is associated' })) });
    const result = await dispatch('shell.openDataFolder', {});
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'IO');
      assert.match(result.error.message, /无法打开数据文件夹/);
    }
  });

  it('save a file where the user chose, adding the extension, and write nothing when cancelled', async () => {
    const written: [string, string][] = [];
    const asked: string[] = [];
    const dispatch = createDispatcher({
      handlers: createShellHandlers(
        deps({
          showSaveDialog: async (o) => {
            asked.push(o.defaultPath);
            return '/home/u/文档/总结';
          },
          writeFile: async (target, data) => {
            written.push([target, data.toString()]);
          },
        }),
      ),
    });
    const input = { fileName: '关于上半年/工作的总结.docx', dataBase64: Buffer.from('PK').toString('base64'), filter: { name: 'Word 文档', extensions: ['docx'] } };
    assert.deepEqual(await dispatch('shell.saveFile', input), { ok: true, value: { saved: true, path: '/home/u/文档/总结.docx' } });
    assert.deepEqual(asked, ['/home/u/文档/关于上半年_工作的总结.docx']);
    assert.deepEqual(written, [['/home/u/文档/总结.docx', 'PK']]);
    const cancelled = createDispatcher({ handlers: createShellHandlers(deps({})) });
    assert.deepEqual(await cancelled('shell.saveFile', input), { ok: true, value: { saved: false, path: null } });
  });

  it('print the window to PDF, and say so in Chinese when it cannot', async () => {
    const pdf = Buffer.from('%PDF-1.7 文稿');
    const printed = createDispatcher({ handlers: createShellHandlers(deps({ printToPdf: async () => pdf })) });
    assert.deepEqual(await printed('shell.printToPdf', {}), { ok: true, value: { dataBase64: pdf.toString('base64') } });
    const closed = createDispatcher({ handlers: createShellHandlers(deps({})) });
    const noWindow = await closed('shell.printToPdf', {});
    assert.equal(noWindow.ok, false);
    assert.match(noWindow.ok ? '' : noWindow.error.message, /窗口已关闭/);
    const failing = createDispatcher({
      handlers: createShellHandlers(
        deps({
          printToPdf: async () => {
            throw new Error('printing failed');
          },
        }),
      ),
    });
    const failed = await failing('shell.printToPdf', {});
    assert.equal(failed.ok ? '' : failed.error.code, 'IO');
    assert.match(failed.ok ? '' : failed.error.message, /生成 PDF 失败.*导出为 Word/);
  });
});
