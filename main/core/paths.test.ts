import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultDataDir } from './paths';

test('Windows keeps data in %APPDATA%\\Wengao', () => {
  const dir = defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\李明\\AppData\\Roaming' }, homedir: 'C:\\Users\\李明' });
  assert.equal(dir, 'C:\\Users\\李明\\AppData\\Roaming\\Wengao');
});

test('macOS keeps data in ~/Library/Application Support/Wengao', () => {
  assert.equal(defaultDataDir({ platform: 'darwin', env: {}, homedir: '/Users/li' }), '/Users/li/Library/Application Support/Wengao');
});

test('Linux honours XDG_CONFIG_HOME and falls back to ~/.config', () => {
  assert.equal(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/cfg' }, homedir: '/home/li' }), '/data/cfg/Wengao');
  assert.equal(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/li' }), '/home/li/.config/Wengao');
});
