import { env } from '../env';
import { log } from '../observability/log';
import { recordVarnishPurge } from '../observability/metrics.mjs';
import { onShutdown } from '../observability/runtime.mjs';

// Purging the Varnish nodes in front of Attest (deploy/varnish/attest.vcl) by
// cache tag. Public responses list the tags they depend on in their xkey
// header; after a commit that changes public content, expirePublicTags
// (lib/actions/revalidate.ts) sends the same tags it expires in Next to every
// node in ATTEST_VARNISH_URLS as `PURGE /` with `xkey: tag1 tag2`.
//
// The write is already committed when this runs: a purge that fails is
// retried, logged and counted, and never reaches the caller. If every try
// fails, the page's s-maxage bounds how long Varnish serves the old version.

export type VarnishPurgeStats = {
  /** Purges (one node, one set of tags) that a node confirmed. */
  succeeded: number;
  /** Tries that failed (unreachable node, timeout, non-2xx answer), retried or not. */
  failedAttempts: number;
  /** Purges given up after their last try: that node serves the old pages until their s-maxage. */
  abandoned: number;
  /** Objects the nodes reported as removed. */
  objectsPurged: number;
};

// On globalThis: Next may load this module once per route bundle, and the
// metrics route must see the counts the server actions made.
const STATS_KEY = Symbol.for('attest.varnishPurgeStats');
const PENDING_KEY = Symbol.for('attest.varnishPurgesPending');
type Shared = Record<symbol, unknown>;

function sharedStats(): VarnishPurgeStats {
  const shared = globalThis as Shared;
  shared[STATS_KEY] ??= { succeeded: 0, failedAttempts: 0, abandoned: 0, objectsPurged: 0 } satisfies VarnishPurgeStats;
  return shared[STATS_KEY] as VarnishPurgeStats;
}

function pendingPurges(): Set<Promise<void>> {
  const shared = globalThis as Shared;
  shared[PENDING_KEY] ??= new Set<Promise<void>>();
  return shared[PENDING_KEY] as Set<Promise<void>>;
}

/** This process's purge counters since it started (read them, do not write them): for /api/metrics. */
export const varnishPurgeStats: Readonly<VarnishPurgeStats> = sharedStats();

export type VarnishPurgeFailure = {
  node: string;
  tags: readonly string[];
  attempt: number;
  attempts: number;
  error: string;
  willRetry: boolean;
};

/** One log line per failed try: a warning while it will be retried, an error when it is given up. */
function logPurgeFailure(failure: VarnishPurgeFailure): void {
  if (failure.willRetry) log.warn(failure, 'varnish purge failed, will retry');
  else log.error(failure, 'varnish purge failed');
}

export type VarnishPurgeOptions = {
  /** Tries per node and tag chunk (default 3). */
  attempts?: number;
  /** Wait before the second try; each later wait is 4× longer (default 500 ms: tries at 0, 0.5 and 2.5 s). */
  backoffMs?: number;
  /** Per try (default 2 s). */
  timeoutMs?: number;
  log?: (failure: VarnishPurgeFailure) => void;
};

export type NodePurgeResult =
  | { node: string; tags: string[]; ok: true; purged: number; attempts: number }
  | { node: string; tags: string[]; ok: false; error: string; attempts: number };

// A tag travels in a header where spaces and commas separate tags (the xkey
// vmod's syntax): a tag holding one, or a control character, cannot be purged.
const PURGEABLE_TAG = /^[\x21-\x2b\x2d-\x7e]+$/;
// Varnish refuses request headers over 8 KiB (http_req_hdr_len): many tags are sent in several purges.
const MAX_XKEY_HEADER = 4096;

function tagChunks(tags: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const tag of tags) {
    if (current.length > 0 && length + 1 + tag.length > MAX_XKEY_HEADER) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(tag);
    length += (length ? 1 : 0) + tag.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function purgeOnce(node: string, tags: readonly string[], timeoutMs: number): Promise<number> {
  const response = await fetch(new URL('/', node), {
    method: 'PURGE',
    headers: { xkey: tags.join(' ') },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} ${body.slice(0, 200)}`.trim());
  // attest.vcl answers {"purged":N}; another front may say less.
  const purged = (() => {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null && 'purged' in parsed && typeof parsed.purged === 'number' ? parsed.purged : 0;
    } catch {
      return 0;
    }
  })();
  return purged;
}

async function purgeNode(node: string, tags: string[], options: Required<VarnishPurgeOptions>): Promise<NodePurgeResult> {
  const stats = sharedStats();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const purged = await purgeOnce(node, tags, options.timeoutMs);
      stats.succeeded += 1;
      stats.objectsPurged += purged;
      recordVarnishPurge('ok');
      return { node, tags, ok: true, purged, attempts: attempt };
    } catch (error) {
      const message = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
      const willRetry = attempt < options.attempts;
      stats.failedAttempts += 1;
      if (!willRetry) stats.abandoned += 1;
      recordVarnishPurge(willRetry ? 'retried' : 'abandoned');
      try {
        options.log({ node, tags, attempt, attempts: options.attempts, error: message, willRetry });
      } catch {
        // A broken logger must not turn a lost purge into a lost write.
      }
      if (!willRetry) return { node, tags, ok: false, error: message, attempts: attempt };
      await sleep(options.backoffMs * 4 ** (attempt - 1));
    }
  }
}

/**
 * Purges `tags` on every node, in parallel, with retries. Resolves to one
 * result per node and chunk of tags; never rejects.
 */
export async function purgeVarnishNodes(nodes: readonly string[], tags: Iterable<string>, options: VarnishPurgeOptions = {}): Promise<NodePurgeResult[]> {
  const resolved: Required<VarnishPurgeOptions> = {
    attempts: Math.max(1, options.attempts ?? 3),
    backoffMs: options.backoffMs ?? 500,
    timeoutMs: options.timeoutMs ?? 2_000,
    log: options.log ?? logPurgeFailure,
  };
  const unique = [...new Set(tags)];
  const purgeable = unique.filter((tag) => PURGEABLE_TAG.test(tag));
  const unpurgeable = unique.filter((tag) => !PURGEABLE_TAG.test(tag));
  if (unpurgeable.length > 0) {
    for (const node of nodes) {
      resolved.log({ node, tags: unpurgeable, attempt: 0, attempts: 0, error: 'tag holds a space, a comma or a control character', willRetry: false });
    }
  }
  if (purgeable.length === 0) return [];
  const work = nodes.flatMap((node) => tagChunks(purgeable).map((chunk) => purgeNode(node, chunk, resolved)));
  return Promise.all(work);
}

export type PurgeAfterCommitOptions = VarnishPurgeOptions & {
  /** The nodes; default ATTEST_VARNISH_URLS. */
  nodes?: readonly string[];
  /**
   * A second purge this long after the first (default 2 s; null for none).
   * A page a node was fetching when the first purge arrived (rendered from
   * data read before the commit) is stored after that purge; the second one
   * removes it.
   */
  repurgeAfterMs?: number | null;
};

function configuredNodes(): readonly string[] {
  return env().ATTEST_VARNISH_URLS;
}

/**
 * The write path's purge: starts at once, returns a promise that always
 * resolves (await it or not), and never throws. settleVarnishPurges() waits
 * for every purge started this way, its retries and its second pass.
 */
export function purgeVarnishAfterCommit(tags: Iterable<string>, options: PurgeAfterCommitOptions = {}): Promise<void> {
  const run = async () => {
    let nodes: readonly string[];
    const tagList = [...new Set(tags)];
    try {
      nodes = options.nodes ?? configuredNodes();
    } catch (error) {
      sharedStats().abandoned += 1;
      const message = error instanceof Error ? error.message : String(error);
      recordVarnishPurge('abandoned');
      log.error({ tags: tagList, error: message }, 'varnish purge skipped: the environment is unusable');
      return;
    }
    if (nodes.length === 0 || tagList.length === 0) return;
    await purgeVarnishNodes(nodes, tagList, options);
    const repurgeAfterMs = options.repurgeAfterMs === undefined ? 2_000 : options.repurgeAfterMs;
    if (repurgeAfterMs === null) return;
    await sleep(repurgeAfterMs);
    await purgeVarnishNodes(nodes, tagList, options);
  };
  const pending = pendingPurges();
  const tracked: Promise<void> = run()
    .catch((error: unknown) => log.error({ error: String(error) }, 'varnish purge crashed'))
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
  return tracked;
}

/** Resolves once every purge started by purgeVarnishAfterCommit has finished (for a graceful shutdown, and tests). */
export async function settleVarnishPurges(): Promise<void> {
  const pending = pendingPurges();
  while (pending.size > 0) await Promise.all([...pending]);
}

// A stopping instance finishes its purges first (within the shutdown's time
// limit): a purge lost here leaves Varnish serving the old page until its s-maxage.
onShutdown('varnish purges', settleVarnishPurges);
