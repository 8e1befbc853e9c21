// Runs node's test runner over the files matching the given folders and suffix. Node 20's
// `--test` does not expand globs, so the file list is gathered here.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [suffixArg, ...rest] = process.argv.slice(2);
const folders = rest.filter((a) => !a.startsWith('--'));
const extraFlags = rest.filter((a) => a.startsWith('--'));
const suffixes = suffixArg.split(',');

/** Every file below dir whose name ends with one of the suffixes, skipping node_modules. */
function collect(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(collect(full));
    else if (suffixes.some((s) => entry.name.endsWith(s))) out.push(full);
  }
  return out;
}

const files = folders.flatMap(collect).sort();
if (files.length === 0) {
  console.error(`没有找到测试文件（${suffixes.join(', ')}）。`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...extraFlags, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
