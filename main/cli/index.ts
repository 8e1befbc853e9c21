// Entry of `npm run -s cli`: runs one command and exits with its code.
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
