import { z } from 'zod';

/**
 * ATTEST_VARNISH_URLS: the Varnish nodes in front of the app, base URLs
 * separated by commas or spaces (`http://127.0.0.1:6081, http://10.0.0.5:6081`),
 * each purged after every public change (lib/cache/varnish.ts). Unset or
 * empty: no Varnish, nothing to purge.
 */
export const varnishUrlsSchema = z
  .string()
  .optional()
  .transform((raw, context) => {
    const origins = new Set<string>();
    for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        context.addIssue({ code: 'custom', message: `"${entry}" is not a URL; list Varnish base URLs such as http://127.0.0.1:6081` });
        continue;
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
        context.addIssue({ code: 'custom', message: `"${entry}" must be a plain http:// or https:// base URL (no path, query or credentials), such as http://127.0.0.1:6081` });
        continue;
      }
      origins.add(url.origin);
    }
    return [...origins];
  });

// process.env is parsed once, on first use, so that `next build` and tools
// that never touch the database do not need every variable.
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set. `npm start` sets it for the embedded database; otherwise point it at PostgreSQL.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Empty counts as unset, as a shell's `REDIS_URL=` means.
  REDIS_URL: z
    .union([z.literal(''), z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')])
    .optional()
    .transform((value) => value || undefined),
  // /api/metrics answers only with this bearer token; unset, it answers 404.
  ATTEST_METRICS_TOKEN: z
    .union([z.literal(''), z.string().min(16, 'ATTEST_METRICS_TOKEN must be at least 16 characters (a random secret)')])
    .optional()
    .transform((value) => value || undefined),
  ATTEST_VARNISH_URLS: varnishUrlsSchema,
  // Streaming replicas for public reads (lib/db/public-read.ts), comma-separated.
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each of DATABASE_REPLICA_URLS must be a postgres:// or postgresql:// URL'))),
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
