// Zod keeps its global settings in one object on globalThis
// (`__zod_globalConfig`, zod/v4/core/core.js), created by whichever copy of
// Zod loads first and shared by all. Setting `jitless` on that object, made
// here if Zod has not loaded yet, is what `config({ jitless: true })` does,
// without importing Zod: instrumentation-client.ts runs on every page, and
// importing zod/v4/core there put about 5 kB gzip of it into every page's
// first chunk, including pages that use no schema at all.
// lib/validation/zod-jitless.test.ts checks the contract against the
// installed Zod.

type ZodGlobal = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };

export function tellZodNotToProbeEval(): void {
  const global = globalThis as ZodGlobal;
  global.__zod_globalConfig ??= {};
  global.__zod_globalConfig.jitless = true;
}
