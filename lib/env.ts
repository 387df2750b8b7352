import { z } from 'zod';

// process.env is parsed once, on first use, so that `next build` and tools
// that never touch the database do not need every variable.
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set. `npm start` sets it for the embedded database; otherwise point it at PostgreSQL.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Streaming replicas for public reads (lib/db/public-read.ts), comma-separated.
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each of DATABASE_REPLICA_URLS must be a postgres:// or postgresql:// URL'))),
  // Shared state of several instances: Next's cache (lib/cache/next-cache-handler.mjs), the last public write's position.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Isolates the Redis keys of one deployment (or test run) from another's.
  ATTEST_CACHE_PREFIX: z.string().min(1).default('attest:'),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Attest's environment is not usable:\n${problems}`);
  }
  parsed = result.data;
  return parsed;
}
