// Loads electron-builder.yml exactly as electron-builder does and validates it against
// electron-builder's own JSON schema, so a typo fails in seconds (and in npm test), not after a
// long packaging run.
import { createRequire } from 'node:module';
import path from 'node:path';

/** Loads and validates the packaging config; rejects with electron-builder's explanation. */
export async function loadBuilderConfig(root, configFile = 'electron-builder.yml') {
  const requireFromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder/package.json'));
  const appBuilderLib = path.dirname(requireFromBuilder.resolve('app-builder-lib/package.json'));
  const requireFromLib = createRequire(path.join(appBuilderLib, 'package.json'));
  const { getConfig, validateConfiguration } = requireFromLib('./out/util/config/config.js');
  const { DebugLogger } = requireFromLib('builder-util');
  const config = await getConfig(root, path.resolve(root, configFile), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}
