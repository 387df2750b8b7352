import { availableParallelism } from 'node:os';
import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// Passwords are hashed with argon2id by @node-rs/argon2, native code that runs
// on libuv's thread pool: a flood of sign-ins no longer stalls the event loop
// that serves every other page, as bcryptjs (pure JavaScript) did. bcrypt
// hashes stored before the switch still verify, and are replaced by an
// argon2id hash on the account's next successful sign-in (lib/auth/sign-in.ts).

// `Algorithm` is an ambient const enum, which isolatedModules cannot inline.
const ARGON2ID = 2 satisfies Algorithm;

/** OWASP's recommended minimum for argon2id: 19 MiB, 2 passes, 1 lane (~40 ms here). */
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// At most this many hashes run at once, however many sign-ins arrive; the
// others wait their turn here, in JavaScript, which costs nothing. Left to
// themselves, 20 parallel sign-ins would fill libuv's 4 threads, which also
// read the files and the data cache every page needs, and the cores the
// event loop runs on: a claim page then took 0.4 s instead of 11 ms
// (scripts/bench-sign-in-flood.ts). Half the cores, at least one.
const MAX_CONCURRENT_HASHES = Math.max(1, Math.floor(availableParallelism() / 2));
let hashesRunning = 0;
const waitingForHash: (() => void)[] = [];

async function oneHashAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waitingForHash.push(resolve));
  else hashesRunning++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waitingForHash.shift();
    if (next) next();
    else hashesRunning--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneHashAtATime(() => hash(password, PASSWORD_HASH_OPTIONS));
}

export type PasswordCheck = {
  matches: boolean;
  /** The password matched a hash made with another algorithm or weaker settings: store a new one. */
  needsRehash: boolean;
};

const isArgon2Hash = (stored: string) => stored.startsWith('$argon2');
const isBcryptHash = (stored: string) => /^\$2[aby]\$\d{2}\$/.test(stored);

function hasCurrentSettings(stored: string): boolean {
  const used = parseOptions(stored);
  return (
    used.algorithm === PASSWORD_HASH_OPTIONS.algorithm &&
    used.memoryCost >= PASSWORD_HASH_OPTIONS.memoryCost &&
    used.timeCost >= PASSWORD_HASH_OPTIONS.timeCost &&
    used.parallelism >= PASSWORD_HASH_OPTIONS.parallelism
  );
}

export async function checkPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (isArgon2Hash(stored)) {
    const matches = await oneHashAtATime(() => verify(stored, password));
    return { matches, needsRehash: matches && !hasCurrentSettings(stored) };
  }
  if (isBcryptHash(stored)) {
    // Legacy hashes only: bcryptjs runs on the event loop, once per account.
    const matches = await oneHashAtATime(() => bcrypt.compare(password, stored));
    return { matches, needsRehash: matches };
  }
  return { matches: false, needsRehash: false };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return (await checkPassword(password, stored)).matches;
}

// Checked when the account does not exist (or has no password), so that a
// wrong email takes as long as a wrong password and does not reveal which
// accounts exist. An argon2id hash of a random string nobody knows, with the
// current settings.
const TIMING_DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$d9qJAicOhbopJYX0Ha2yeA$a6STauNqYDYThuqGJEx/Po/+p/oL9Sh7YM56SrVLSYk';

export async function checkPasswordOrDummy(password: string, stored: string | null): Promise<PasswordCheck> {
  const check = await checkPassword(password, stored ?? TIMING_DUMMY_HASH);
  return stored === null ? { matches: false, needsRehash: false } : check;
}
