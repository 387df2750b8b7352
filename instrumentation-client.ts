import { tellZodNotToProbeEval } from '@/lib/validation/zod-jitless';

// Runs in the browser before any page code. Zod compiles each object schema
// into a faster parser with `new Function` when the page allows eval, and
// checks first with a `new Function('')` it catches. No Attest page allows
// eval (see lib/security/content-security-policy.ts), and the browser reports
// even that caught attempt as a CSP violation: tell Zod up front, before the
// first schema is built, not to try.
tellZodNotToProbeEval();
