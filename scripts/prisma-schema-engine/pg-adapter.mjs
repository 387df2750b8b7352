// The driver adapter the WASM schema engine runs on: @prisma/adapter-pg with
// the fixes the schema engine needs, and our own shadow-database handling.

import crypto from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import {
  databaseName,
  dropDatabaseNamed,
  quoteIdent,
  wipeDatabase,
  withClient,
  withDatabase,
} from './pg-admin.mjs';
import { logInfo, logWarn } from './log.mjs';

const CHAR_OID = 18; // the one-byte system type "char" (pg_constraint.contype, …)
const TEXT_OID = 25;

/** Temporary shadow databases are named like this (on the main server). */
export const SHADOW_PREFIX = 'attest_shadow_';

const NEEDS_SHADOW =
  'This command needs a shadow database: set SHADOW_DATABASE_URL to an empty PostgreSQL database that ' +
  'Prisma may wipe, on a server other than the embedded one (only `migrate dev` and ' +
  '`migrate diff --from-migrations` need it; `migrate deploy` does not).';

/**
 * Patch one adapter-pg queryable (the adapter or a transaction) in place.
 *
 * adapter-pg refuses result columns of type "char" (UnsupportedNativeDataType),
 * but the engine's introspection reads several of them (e.g. contype) and
 * expects them as Character values. So let adapter-pg read them as text, then
 * report those columns as Character.
 */
function patchQueryable(queryable) {
  // Indexes of the "char" columns of each query's result, keyed by the query
  // object (queryRaw hands the same object to performIO).
  const charColumns = new WeakMap();

  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      indexes.push(index);
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };

  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    charColumns.delete(query);
    return result;
  };
  return queryable;
}

/**
 * Patch an adapter-pg adapter (returned by PrismaPg#connect) in place.
 */
function patchAdapter(adapter) {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));

  // adapter-pg's executeScript splits the script on every ";", which breaks
  // dollar-quoted bodies (plpgsql functions, DO blocks) in migrations. Send the
  // whole script as one simple-protocol query instead, as the native engine
  // does: PostgreSQL then runs it as a single implicit transaction.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as a DriverAdapterError, as adapter-pg does
    }
  };
  return adapter;
}

/**
 * A migration-aware adapter factory for the WASM engine.
 *
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const pgOptions = schema ? { schema } : undefined;
  // Temporary shadow databases that still exist, by name.
  const tempShadows = new Set();

  const connectTo = async (connectionString) =>
    patchAdapter(await new PrismaPg({ connectionString }, pgOptions).connect());

  const dropTempShadow = async (name) => {
    if (!tempShadows.delete(name)) return;
    try {
      await withClient(url, (client) => dropDatabaseNamed(client, name));
      logInfo(`Dropped temporary shadow database ${name}`);
    } catch (error) {
      logWarn(`Could not drop temporary shadow database ${name}: ${error.message}`);
    }
  };

  /**
   * Make sure `shadowUrl` really reaches a database of its own: the shadow
   * database gets wiped, so it must never turn out to be the main one.
   */
  const checkIsolated = async (adapter, shadowUrl) => {
    const whereAmI = 'SELECT current_database() AS name, inet_server_port() AS port';
    const { rows } = await adapter.underlyingDriver().query(whereAmI);
    const actual = rows[0]?.name;
    if (actual !== databaseName(shadowUrl)) {
      // An embedded PGlite server accepts CREATE DATABASE but answers every
      // database name with its single database: the "shadow" would be the
      // main database, and the engine would wipe it.
      throw new Error(
        `Asked for database "${databaseName(shadowUrl)}" but the server connected to "${actual}": ` +
          `it cannot host a separate shadow database. ${NEEDS_SHADOW}`,
      );
    }
    // Same database name and port as the main database, e.g. "localhost"
    // versus "127.0.0.1" in the two URLs.
    const main = await withClient(url, async (client) => (await client.query(whereAmI)).rows[0]);
    if (main.name === actual && main.port === rows[0].port) {
      throw new Error('SHADOW_DATABASE_URL must not point at the main database (DATABASE_URL).');
    }
  };

  // The WASM engine calls this whenever it needs a shadow database
  // (`migrate dev`, `migrate diff --from-migrations`, …).
  const connectToShadowDb = async () => {
    if (shadowDatabaseUrl) {
      const adapter = await connectTo(shadowDatabaseUrl);
      try {
        await checkIsolated(adapter, shadowDatabaseUrl);
        // The engine expects an empty shadow database but does not reset it.
        await wipeDatabase(adapter.underlyingDriver());
      } catch (error) {
        await adapter.dispose().catch(() => {});
        throw error;
      }
      return adapter;
    }

    // adapter-pg's own connectToShadowDb reuses the main connection string
    // (which wins over its `database` option), so its "shadow" is the main
    // database. Create a temporary database on the main server ourselves.
    const name = `${SHADOW_PREFIX}${crypto.randomBytes(6).toString('hex')}`;
    try {
      await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    } catch (error) {
      throw new Error(`Could not create a temporary shadow database on the main server (${error.message}). ${NEEDS_SHADOW}`);
    }
    tempShadows.add(name);
    logInfo(`Created temporary shadow database ${name}`);
    const shadowUrl = withDatabase(url, name);
    let adapter;
    try {
      adapter = await connectTo(shadowUrl);
      await checkIsolated(adapter, shadowUrl);
    } catch (error) {
      await adapter?.dispose().catch(() => {});
      await dropTempShadow(name);
      throw error;
    }
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await dropTempShadow(name);
    };
    return adapter;
  };

  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(url),
    connectToShadowDb,
  });

  return {
    factory,
    /** Drop temporary shadow databases the engine did not dispose of. */
    async cleanup() {
      for (const name of [...tempShadows]) await dropTempShadow(name);
    },
  };
}
