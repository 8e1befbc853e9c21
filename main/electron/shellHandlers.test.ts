import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contract } from '../common/contract';
import { createDispatcher } from '../common/dispatcher';
import { createShellHandlers } from './shellHandlers';
import { QUIT_ACK_METHOD } from './quitFlush';

describe('shell handlers', () => {
  it('serve every shell-scope method of the contract', () => {
    const handlers = createShellHandlers({ dataDir: '/data', openPath: async () => '' });
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
    const dispatch = createDispatcher({ handlers: createShellHandlers({ dataDir: '/data/文稿', openPath }) });
    assert.deepEqual(await dispatch('shell.openDataFolder', {}), { ok: true, value: { ok: true } });
    assert.deepEqual(opened, ['/data/文稿']);
  });

  it('turn a file manager failure into a Chinese IO error', async () => {
    const dispatch = createDispatcher({ handlers: createShellHandlers({ dataDir: '/data', openPath: async () => 'No application is associated' }) });
    const result = await dispatch('shell.openDataFolder', {});
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'IO');
      assert.match(result.error.message, /无法打开数据文件夹/);
    }
  });
});
