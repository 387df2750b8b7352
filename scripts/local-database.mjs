// The one guard that keeps the tests and scripts that create and drop
// databases on this machine. Plain JavaScript so that both scripts/test.mjs
// (plain node) and the TypeScript test helpers (tsx) import it;
// local-database.d.mts gives it its types.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** A host name on this machine, or a Unix socket directory (an absolute path). */
function isLocalHost(host) {
  return LOCAL_HOSTS.has(host) || host.startsWith('/');
}

/**
 * True when every server the URL can make a client connect to is local. A
 * `host` (or `hostaddr`) query parameter counts too: node-postgres lets it
 * override the URL's host name, so postgresql://127.0.0.1/x?host=db.example
 * connects to db.example. A URL with no host at all is refused: the client
 * would fall back to PGHOST, which may name any server.
 */
export function isLocalDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const hosts = [parsed.hostname, ...parsed.searchParams.getAll('host'), ...parsed.searchParams.getAll('hostaddr')].filter((host) => host !== '');
  return hosts.length > 0 && hosts.every(isLocalHost);
}

/** Throws, naming the server, unless the URL is local (see isLocalDatabaseUrl). */
export function assertLocalDatabaseUrl(url) {
  if (isLocalDatabaseUrl(url)) return;
  let where = 'an unparseable address';
  try {
    const parsed = new URL(url);
    where = [parsed.hostname, ...parsed.searchParams.getAll('host'), ...parsed.searchParams.getAll('hostaddr')].filter(Boolean).join(', ') || 'no host (PGHOST decides)';
  } catch {
    // keep the generic description: the URL may hold a password, never print it
  }
  throw new Error(`Refusing to run tests against ${where}: tests create and drop databases, so they only run on a local server.`);
}
