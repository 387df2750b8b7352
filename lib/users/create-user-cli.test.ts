import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { verifyPassword } from '../auth/password';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// `npm run user:create`, run the way an operator runs it, against a clone of
// the seeded database.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let db: TestDatabase;

before(async () => {
  db = await createTestDatabase();
});

after(async () => {
  await db?.drop();
});

function runCreateUser(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-tsx.mjs', 'scripts/create-user.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run user:create', () => {
  test('creates the account, prints its password once, and audits it with no actor', async () => {
    const { code, stdout, stderr } = await runCreateUser(['--email', 'Ada@Newsroom.ORG', '--role', 'admin', '--name', 'Ada Admin']);
    assert.equal(code, 0, stderr);
    const password = /One-time password: (\S+)/.exec(stdout)?.[1];
    assert.ok(password && password.length >= 16, stdout);
    assert.match(stdout, /Copy this password now: it will not be shown again\./);

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'ada@newsroom.org' } });
    assert.equal(user.role, 'ADMIN');
    assert.equal(user.name, 'Ada Admin');
    assert.equal(user.active, true);
    assert.ok(user.passwordHash && (await verifyPassword(password, user.passwordHash)));

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'User', entityId: user.id } });
    assert.equal(audit.action, 'user.create');
    assert.equal(audit.actorId, null);
    assert.deepEqual(audit.after, { email: 'ada@newsroom.org', role: 'ADMIN', via: 'cli' });
  });

  test('names the account after its email when no name is given', async () => {
    const { code, stderr } = await runCreateUser(['--email', 'grace@newsroom.org', '--role', 'EDITOR']);
    assert.equal(code, 0, stderr);
    assert.equal((await db.prisma.user.findUniqueOrThrow({ where: { email: 'grace@newsroom.org' } })).name, 'grace');
  });

  test('refuses an email that already has an account (exit 1), and writes nothing', async () => {
    const [users, audits] = [await db.prisma.user.count(), await db.prisma.auditEvent.count()];
    const { code, stdout, stderr } = await runCreateUser(['--email', 'ADMIN@attest.local', '--role', 'EDITOR']);
    assert.equal(code, 1);
    assert.match(stderr, /An account with this email already exists\./);
    assert.doesNotMatch(stdout, /password/i);
    assert.deepEqual([await db.prisma.user.count(), await db.prisma.auditEvent.count()], [users, audits]);
  });

  test('explains its usage on bad input (exit 2)', async () => {
    for (const args of [['--email', 'x@example.org'], ['--email', 'not-an-email', '--role', 'OWNER'], ['--mail', 'x@example.org']]) {
      const { code, stderr } = await runCreateUser(args);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, /Usage: npm run user:create -- --email <address> --role <EDITOR\|MODERATOR\|ADMIN>/);
    }
    assert.equal(await db.prisma.user.count({ where: { email: 'x@example.org' } }), 0);
  });
});
