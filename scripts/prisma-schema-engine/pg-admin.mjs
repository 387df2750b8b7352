// Plain node-postgres helpers: the work the native engine does without the
// schema engine proper (`cli can-connect-to-database|create-database|
// drop-database`, the `createDatabase` RPC), plus shadow-database plumbing.

import { createRequire } from 'node:module';

// `pg` is not a direct dependency of the project; load the copy that
// @prisma/adapter-pg itself uses, so both always agree.
const require = createRequire(import.meta.url);
const pg = createRequire(require.resolve('@prisma/adapter-pg'))('pg');

/** A user-facing error with a Prisma error code (e.g. P1001). */
export class CodedError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Database name of a connection URL (node-postgres defaults it to the user). */
export function databaseName(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  return name || decodeURIComponent(u.username) || 'postgres';
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

/** Run `fn(client)` with a short-lived single connection to `url`. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  // An 'error' event without a listener would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw toCodedError(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Translate a node-postgres connection error into the code and message the
 * native engine would report, so the CLI reacts the same way (it creates the
 * database on P1003, for instance).
 */
export function toCodedError(error, url) {
  const u = new URL(url);
  const server = `${u.hostname}:${u.port || '5432'}`;
  const db = databaseName(url);
  const user = decodeURIComponent(u.username) || 'postgres';
  switch (error?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return new CodedError(
        'P1001',
        `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
      );
    case 'ETIMEDOUT':
      return new CodedError('P1002', `The database server at \`${server}\` was reached but timed out.`);
    case '3D000': // invalid_catalog_name
      return new CodedError('P1003', `Database \`${db}\` does not exist on the database server at \`${server}\`.`);
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification
      return new CodedError(
        'P1000',
        `Authentication failed against database server at \`${u.hostname}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${u.hostname}\`.`,
      );
    case '42501': // insufficient_privilege
      return new CodedError('P1010', `User \`${user}\` was denied access on the database \`${db}\``);
    case '42P04': // duplicate_database
      return new CodedError('P1009', `Database \`${db}\` already exists on the database server at \`${server}\``);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Connect to another database of the same server, for CREATE/DROP DATABASE
 * (PostgreSQL cannot drop the database you are connected to). Like the native
 * engine, try `postgres`, then `template1`.
 */
async function withMaintenanceClient(url, fn) {
  let lastError;
  for (const name of ['postgres', 'template1']) {
    if (name === databaseName(url)) continue;
    try {
      return await withClient(withDatabase(url, name), fn);
    } catch (error) {
      // Only move on when the maintenance database itself is unusable.
      if (!(error instanceof CodedError) || !['P1003', 'P1010'].includes(error.code)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

export async function canConnect(url) {
  await withClient(url, (client) => client.query('SELECT 1'));
}

export async function createDatabase(url) {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      throw toCodedError(error, url);
    }
  });
  return name;
}

export async function dropDatabase(url) {
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) => dropDatabaseNamed(client, name));
}

/** DROP DATABASE, forcing other sessions off where the server allows it. */
export async function dropDatabaseNamed(client, name) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (error) {
    // WITH (FORCE) needs PostgreSQL 13+ (42601 = syntax error).
    if (error?.code !== '42601') throw error;
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

/**
 * Empty a database that is used as the shadow database: drop every
 * non-system schema (with everything in it) and recreate `public`. The WASM
 * engine expects the shadow database to start empty but does not clean it.
 */
export async function wipeDatabase(client) {
  const { rows } = await client.query(
    `SELECT nspname FROM pg_namespace
      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  for (const { nspname } of rows) {
    await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
  }
  await client.query('CREATE SCHEMA IF NOT EXISTS public');
}
