import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { NATIVE_BINDING_ENV, resolveNativeBinding } from './nativeBinding';

describe('resolveNativeBinding (main process)', () => {
  it('uses the bundled Electron build in a packaged app, ignoring the environment', () => {
    const resourcesPath = path.resolve('/opt/文稿/resources');
    const env = { [NATIVE_BINDING_ENV]: '/tmp/evil.node' };
    assert.equal(resolveNativeBinding({ isPackaged: true, resourcesPath, env }), path.join(resourcesPath, 'native', 'better_sqlite3.node'));
  });

  it('uses the path npm start passes in development', () => {
    const file = path.resolve('/work/.cache/electron-native/45.4.1-linux-x64/better_sqlite3.node');
    assert.equal(resolveNativeBinding({ isPackaged: false, resourcesPath: '/x', env: { [NATIVE_BINDING_ENV]: file } }), file);
  });

  it('falls back to better-sqlite3’s own lookup when nothing is given', () => {
    assert.equal(resolveNativeBinding({ isPackaged: false, resourcesPath: '/x', env: {} }), undefined);
    assert.equal(resolveNativeBinding({ isPackaged: false, resourcesPath: '/x', env: { [NATIVE_BINDING_ENV]: '  ' } }), undefined);
  });
});
