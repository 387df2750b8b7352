// Run a TypeScript file with tsx, or Node's test runner over TypeScript tests.
//
//   node scripts/run-tsx.mjs <file.ts> [args…]      → node --import tsx <file.ts> [args…]
//   node scripts/run-tsx.mjs --test [flags] <paths or globs…>
//                                                   → node --import tsx --test [flags] <files…>
//
// Why not `npx tsx`: npx adds a process that does not forward SIGTERM, and we
// want signals and the exit code passed straight through. Node 20's --test
// does not expand globs, so "lib/**/*.test.ts" is expanded here. Runner
// flags go in --flag=value form (a bare word is taken as a path or glob).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Absolute URL, so the loader is found whatever the working directory is.
const tsxLoader = import.meta.resolve('tsx');

const args = process.argv.slice(2);
let nodeArgs;
if (args[0] === '--test') {
  const flags = args.slice(1).filter((a) => a.startsWith('-'));
  const patterns = args.slice(1).filter((a) => !a.startsWith('-'));
  const files = patterns.flatMap(expandPattern);
  if (files.length === 0) {
    console.error(`run-tsx: no test files match ${patterns.join(' ') || '(no pattern given)'}`);
    process.exit(1);
  }
  nodeArgs = ['--import', tsxLoader, '--test', ...flags, ...files];
} else if (args.length > 0) {
  nodeArgs = ['--import', tsxLoader, ...args];
} else {
  console.error('usage: node scripts/run-tsx.mjs <file.ts> [args…] | --test <paths or globs…>');
  process.exit(2);
}

const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };
const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', env });

// Pass signals on, then exit the way the child did. (On Ctrl-C the terminal
// signals the child too; a second SIGINT is harmless.)
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => child.kill(signal);
for (const signal of signals) process.on(signal, forward);
child.on('error', (error) => {
  console.error(`run-tsx: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const s of signals) process.off(s, forward);
  if (signal) process.kill(process.pid, signal); // die of the same signal
  else process.exit(code ?? 1);
});

// "lib/**/*.test.ts" → matching files, sorted. A pattern without * or ? is
// passed through unchanged (a file or a directory Node's runner searches).
function expandPattern(pattern) {
  if (!/[*?]/.test(pattern)) return [pattern];
  const normalised = pattern.split(path.sep).join('/').replace(/^\.\//, '');
  const segments = normalised.split('/');
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const base = segments.slice(0, firstWild).join('/') || '.';
  const regex = globToRegExp(normalised);
  const matches = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // base directory does not exist: no matches
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = dir === '.' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (regex.test(full)) matches.push(full);
    }
  };
  walk(base);
  return matches.sort();
}

function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?'; // any number of directories, including none
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
