import bcrypt from 'bcryptjs';

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so that a wrong email
// takes as long as a wrong password and does not reveal which accounts exist.
const TIMING_DUMMY_HASH = '$2b$12$52boldq4R1hG.bNv6KaKuu.8jrySo4s8sb1DzrVHG6Cp/99JNvRcS';

export async function verifyPasswordOrDummy(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? TIMING_DUMMY_HASH);
  return hash !== null && ok;
}
