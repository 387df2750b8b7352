// node --test scripts/local-database.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertLocalDatabaseUrl, isLocalDatabaseUrl } from './local-database.mjs';

describe('the local-database guard', () => {
  test('accepts this machine by name, address or socket directory', () => {
    for (const url of [
      'postgresql://postgres@127.0.0.1:5432/postgres',
      'postgresql://postgres@localhost/attest',
      'postgresql://postgres@[::1]:5432/attest',
      'postgresql:///attest?host=/var/run/postgresql',
      'postgresql://postgres@localhost/attest?host=/tmp',
    ]) {
      assert.equal(isLocalDatabaseUrl(url), true, url);
      assert.doesNotThrow(() => assertLocalDatabaseUrl(url), url);
    }
  });

  test('refuses another server, however the URL names it', () => {
    for (const url of [
      'postgresql://postgres@db.example.org:5432/postgres',
      'postgresql://postgres@10.0.0.5/postgres',
      'postgresql://postgres@localhost.example.org/postgres',
      'postgresql://postgres@127.0.0.1,db.example.org/postgres',
      // node-postgres lets the host parameter override the host name.
      'postgresql://postgres@127.0.0.1/postgres?host=db.example.org',
      'postgresql://postgres@127.0.0.1/postgres?hostaddr=10.0.0.5',
      // No host at all: the client would use PGHOST, which may name any server.
      'postgresql:///postgres',
      'not a url',
    ]) {
      assert.equal(isLocalDatabaseUrl(url), false, url);
      assert.throws(() => assertLocalDatabaseUrl(url), /Refusing to run tests against .+: tests create and drop databases/, url);
    }
  });

  test('names the refused server without printing the password', () => {
    assert.throws(
      () => assertLocalDatabaseUrl('postgresql://postgres:s3cret@db.example.org/postgres'),
      (error) => error instanceof Error && error.message.includes('db.example.org') && !error.message.includes('s3cret'),
    );
  });
});
