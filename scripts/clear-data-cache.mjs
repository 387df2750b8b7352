// Next.js keeps unstable_cache entries in .next/cache/fetch-cache across
// restarts. Attest's public reads are cached there, so a server starting on a
// database that changed while it was down (re-seeded, restored, a test clone)
// would serve the old rows until they expire. The cache is only an
// optimization: clear it before every start and let it warm up again.
import fs from 'node:fs';
import path from 'node:path';

export function clearNextDataCache(root) {
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
}
