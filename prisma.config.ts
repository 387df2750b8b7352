import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The Prisma CLI would download a native schema-engine binary, which is not
// possible offline. Point it at our WebAssembly-backed stand-in instead. The
// config is loaded before the CLI resolves the engine, so this is early enough.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/prisma-schema-engine.mjs', import.meta.url),
);
// No update checks / telemetry (there is no internet).
process.env.CHECKPOINT_DISABLE ??= '1';

// This file does not load .env by itself; DATABASE_URL must be in the
// environment for commands that touch the database. `prisma generate` needs
// no URL, so an unset DATABASE_URL is fine there.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'node scripts/run-tsx.mjs seed/index.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL,
    // Only `migrate dev` and `migrate diff --from-migrations` use a shadow
    // database. Without this, a temporary one is created on the main server.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
