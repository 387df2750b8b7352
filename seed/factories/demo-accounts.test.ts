import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { demoAccounts } from './demo-accounts';

// The README cannot import the list, so it is checked against it: a demo
// account added, renamed or given another role in one place only fails here.

const roleWord = { EDITOR: 'Editor', MODERATOR: 'Moderator', ADMIN: 'Admin' } as const;

test('the README lists exactly the demo accounts the seed creates, with their roles', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\| ([^|\s]+@attest\.local) \| ([^|]+) \|$/gm)].map((match) => ({ email: match[1], role: match[2]?.trim() }));
  assert.deepEqual(
    rows.map((row) => row.email),
    Object.values(demoAccounts).map((account) => account.email),
  );
  for (const account of Object.values(demoAccounts)) {
    const row = rows.find((candidate) => candidate.email === account.email);
    assert.ok(row?.role?.startsWith(roleWord[account.role]), `README gives ${account.email} the role "${row?.role}", the seed ${account.role}`);
  }
});
