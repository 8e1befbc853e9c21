// electron-builder.yml is loaded and validated exactly as electron-builder does (its own JSON
// schema), then checked for the settings that keep the app safe and its native addon shipped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadBuilderConfig } from './builderConfig.mjs';
import { configuredArchs } from './nativeBinding.mjs';

const root = path.resolve(import.meta.dirname, '..');

describe('electron-builder.yml', async () => {
  const config = (await loadBuilderConfig(root)) as Record<string, never>;
  const get = (p: string): unknown => p.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], config);

  it('passes electron-builder’s schema validation and names the app', () => {
    assert.equal(get('appId'), 'cn.wengao.app');
    assert.equal(get('productName'), '文稿');
    assert.equal(get('executableName'), 'wengao');
    assert.equal(get('directories.output'), 'dist');
    assert.equal(get('directories.buildResources'), 'build');
  });

  it('flips every security fuse', () => {
    assert.deepEqual(get('electronFuses'), {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    assert.equal(get('asar'), true);
  });

  it('ships our Electron build of better-sqlite3 instead of rebuilding node_modules', () => {
    assert.equal(get('npmRebuild'), false);
    const extra = get('extraResources') as { from: string; to: string }[];
    assert.ok(extra.some((e) => e.from === 'resources' && e.to === 'resources'));
    assert.ok(extra.some((e) => e.from === '.cache/dist-native/${os}-${arch}' && e.to === 'native'));
    assert.ok((get('asarUnpack') as string[]).includes('**/node_modules/better-sqlite3/**'));
    // electron-builder normalizes `files` to [{ filter: [...] }].
    const files = (get('files') as { filter: string[] }[]).flatMap((f) => f.filter);
    assert.ok(files.includes('out/**') && files.includes('package.json'));
    assert.ok(files.includes('!node_modules/better-sqlite3/build/**'), 'the Node build is not packaged');
    assert.ok(fs.existsSync(path.join(root, String(get('afterPack')))), 'the afterPack check exists');
  });

  it('builds the Windows, Linux and macOS targets with Chinese installer settings', () => {
    assert.deepEqual(configuredArchs(config, 'linux', 'x64'), ['x64', 'arm64']);
    const linuxTargets = (get('linux.target') as { target: string }[]).map((t) => t.target);
    assert.deepEqual(linuxTargets, ['AppImage', 'deb']);
    assert.equal(get('linux.category'), 'Office');
    assert.match(String(get('linux.maintainer')), /<.+@.+>/);
    assert.match(String(get('linux.synopsis')), /[\u4e00-\u9fff]/);
    assert.deepEqual((get('win.target') as { target: string }[]).map((t) => t.target), ['nsis', 'portable']);
    assert.equal(get('nsis.oneClick'), false);
    assert.equal(get('nsis.allowToChangeInstallationDirectory'), true);
    assert.deepEqual(get('nsis.installerLanguages'), ['zh_CN']);
    assert.equal(get('nsis.deleteAppDataOnUninstall'), false);
    assert.deepEqual((get('mac.target') as { target: string }[]).map((t) => t.target), ['dmg']);
  });

  it('has a 512×512 PNG icon', () => {
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 512);
    assert.equal(png.readUInt32BE(20), 512);
  });

  it('validation really rejects a mistake (misspelt fuse)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-builder-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
      fs.writeFileSync(path.join(dir, 'bad.yml'), 'appId: x\nelectronFuses:\n  runAsNodee: false\n');
      // Resolve electron-builder from the project, validate a config in another folder.
      await assert.rejects(loadBuilderConfig(root, path.join(dir, 'bad.yml')), /Invalid configuration object[\s\S]*electronFuses/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
