// Auth.js needs a secret; a fresh one per start would log everyone out on
// every restart, and the instances of a cluster must share one (a session
// made on one instance is read on the others). So it is generated once and
// kept (git-ignored) in .data/auth-secret, for `npm start` and `npm run cluster`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Sets process.env.AUTH_SECRET from .data/auth-secret under root (made if missing), unless it is already set. */
export function ensureAuthSecret(root, say) {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, '.data', 'auth-secret');
  let secret = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (!secret) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    say('Generated AUTH_SECRET (kept in .data/auth-secret)');
  }
  process.env.AUTH_SECRET = secret;
}
