import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The write path has one shape (README, "How the code is laid out"). These
// checks read the source tree, so that a new file that drifts from it fails
// here rather than in review.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.next', '.data', '.git', 'generated', 'test-results', 'playwright-report']);
const SOURCE_FILE = /\.(ts|tsx|mts|mjs|js)$/;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = directory === '.' ? entry.name : `${directory}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(relative);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const allFiles = sourceFiles('.');
const libFiles = allFiles.filter((file) => file.startsWith('lib/'));

/**
 * Renames made on another branch of issue 6 (lib/auth is converted there:
 * signInWithPassword becomes signInAction). Once that branch is merged the
 * entry no longer exists and the test says to delete it.
 */
const PENDING_RENAMES = new Set(['lib/auth/actions.ts: signInWithPassword']);

describe('the shape of the code', () => {
  test('every server action a lib/**/actions.ts file exports is named …Action', () => {
    const actionFiles = libFiles.filter((file) => file.endsWith('/actions.ts'));
    assert.ok(actionFiles.length > 0, 'no actions.ts file found: is ROOT right?');
    const misnamed = actionFiles.flatMap((file) =>
      [...read(file).matchAll(/^export\s+(?:async\s+)?(?:function\s*\*?|const|let)\s*(\w+)/gm)]
        .map((match) => match[1] ?? '')
        .filter((name) => !name.endsWith('Action'))
        .map((name) => `${file}: ${name}`),
    );
    assert.deepEqual(
      misnamed.filter((action) => !PENDING_RENAMES.has(action)),
      [],
      'rename these exports to end in "Action" (and their callers and permission-matrix fixtures)',
    );
    const done = [...PENDING_RENAMES].filter((action) => !misnamed.includes(action));
    assert.deepEqual(done, [], 'these are renamed now: delete them from PENDING_RENAMES');
  });

  test('no mutation file opens its own transaction: every mutation runs through runMutation', () => {
    const mutationFiles = libFiles.filter((file) => /(^|\/|-)mutations\.ts$/.test(file));
    assert.ok(mutationFiles.length > 0, 'no mutations.ts file found: is ROOT right?');
    const offenders = mutationFiles.filter((file) => /\.\$transaction\s*\(/.test(read(file)));
    assert.deepEqual(offenders, [], 'use runMutation from lib/mutations/transaction.ts: it hands out only tx and maps conflicts and unique violations');
  });

  test('nothing imports the removed lib/actions/conflict or lib/actions/unique-violation', () => {
    const removed = ['lib/actions/conflict', 'lib/actions/unique-violation'];
    for (const module of removed) {
      assert.equal(fs.existsSync(path.join(ROOT, `${module}.ts`)), false, `${module}.ts is back: mutation plumbing lives in lib/mutations/`);
    }
    const offenders = allFiles.flatMap((file) =>
      [...read(file).matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => removed.includes(resolvedModule(file, specifier)))
        .map((specifier) => `${file}: ${specifier}`),
    );
    assert.deepEqual(offenders, [], 'import from lib/mutations/conflict or lib/mutations/unique-violation instead');
  });
});

/** The repository path an import specifier points at, without extension ('@/x' is the root, as in tsconfig). */
function resolvedModule(importer: string, specifier: string): string {
  let target: string;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  else return specifier;
  return target.replace(/\.(ts|tsx|js|mjs)$/, '');
}
