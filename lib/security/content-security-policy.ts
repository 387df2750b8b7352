// The two Content-Security-Policies Attest serves. next.config.ts sends the
// public one on every response; proxy.ts replaces it with the nonce one on
// the sign-in page and the dashboard, where sessions and write actions live.
//
// Why two: a nonce must be fresh on every response, so a page that carries one
// has to be rendered per request. The dashboard is (it reads the session); the
// public pages are meant to be held by a shared cache, so they get the
// strictest policy that an identical, cacheable response can carry.

/**
 * Which scripts may run.
 * - `nonce`: only scripts carrying this response's nonce, and the scripts they
 *   load ('strict-dynamic'). Next.js reads the nonce from the request's CSP
 *   header and puts it on its own script tags.
 * - `same-origin-and-inline`: script files from this origin, plus inline
 *   `<script>` elements. Next.js streams each page's React Server Component
 *   payload as inline `self.__next_f.push(…)` scripts whose text differs from
 *   page to page, so neither a hash fixed at build time nor `'self'` alone lets
 *   a page hydrate (tried: with `script-src 'self'` every payload script is
 *   refused and the page never becomes interactive).
 */
export type ScriptPolicy = { kind: 'nonce'; nonce: string } | { kind: 'same-origin-and-inline' };

export type PolicyOptions = {
  /**
   * `next dev` only: React rebuilds server error stacks with eval, and the dev
   * overlay injects <style> elements. Never true in a production build.
   */
  development?: boolean;
};

/** `script-src 'self' 'unsafe-inline'`: every page a shared cache may hold. */
export const PUBLIC_SCRIPT_POLICY: ScriptPolicy = { kind: 'same-origin-and-inline' };

export function contentSecurityPolicy(scripts: ScriptPolicy, { development = false }: PolicyOptions = {}): string {
  const scriptSources = scripts.kind === 'nonce' ? [`'nonce-${scripts.nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (development) scriptSources.push("'unsafe-eval'");

  const directives: [string, ...string[]][] = [
    // Images, fonts, fetches, frames, workers: this origin only.
    ['default-src', "'self'"],
    ['script-src', ...scriptSources],
    // Inline event handlers (onerror=, onclick=…) never run, under either
    // policy: React attaches its listeners from script, never as attributes.
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", ...(development ? ["'unsafe-inline'"] : [])],
    // React renders `style={…}` props as style attributes in the server HTML
    // (rating colours, a few layouts). Attributes cannot load anything or run
    // script; <style> elements stay limited to this origin's stylesheets.
    ['style-src-attr', "'unsafe-inline'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** 128 random bits, base64: the nonce of one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** A policy's directives by name, each with its sources: for checks and tests. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
