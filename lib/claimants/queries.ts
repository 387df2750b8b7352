import { prisma, Prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import type { ClaimantKindValue, ClaimantOption } from './schema';

// Dashboard reads of claimants. Every one checks the actor's right to read the
// dashboard itself: the page's check only decides what to show.

export type ClaimantListItem = {
  id: string;
  slug: string;
  name: string;
  kind: ClaimantKindValue;
  country: string | null;
  aliases: string[];
  claimCount: number;
  updatedAt: string;
};

/** Every claimant, by name, with how many claims they made. */
export async function listClaimants(actor: Actor): Promise<ClaimantListItem[]> {
  assertCan(actor, 'dashboard.read');
  const rows = await prisma.claimant.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      country: true,
      aliases: true,
      updatedAt: true,
      _count: { select: { claims: true } },
    },
  });
  return rows.map(({ _count, updatedAt, ...row }) => ({ ...row, claimCount: _count.claims, updatedAt: updatedAt.toISOString() }));
}

export type ClaimantForEdit = {
  id: string;
  slug: string;
  name: string;
  kind: ClaimantKindValue;
  aliases: string[];
  country: string | null;
  description: string | null;
  sameAs: string[];
  version: number;
  claimCount: number;
};

export async function findClaimantForEdit(actor: Actor, id: string): Promise<ClaimantForEdit | null> {
  assertCan(actor, 'dashboard.read');
  const row = await prisma.claimant.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      aliases: true,
      country: true,
      description: true,
      sameAs: true,
      version: true,
      _count: { select: { claims: true } },
    },
  });
  if (!row) return null;
  const { _count, ...claimant } = row;
  return { ...claimant, claimCount: _count.claims };
}

/** Claimants for a select (the speaker of an appearance, the claims-list filter), by name. */
export async function listClaimantOptions(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, 'dashboard.read');
  return prisma.claimant.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}

const MATCH_LIMIT = 20;

/**
 * Search-as-you-type for the claimant picker: name or alias, accents and case
 * folded ("serguei" finds "Sergueï Lavrov"), names that start with the text first.
 */
export async function findClaimantMatches(actor: Actor, text: string, limit = MATCH_LIMIT): Promise<ClaimantOption[]> {
  assertCan(actor, 'dashboard.read');
  const query = text.trim();
  if (query === '') {
    return prisma.claimant.findMany({
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true, name: true, kind: true, country: true, aliases: true },
    });
  }
  const contains = `%${escapeLike(query)}%`;
  const startsWith = `${escapeLike(query)}%`;
  const rows = await prisma.$queryRaw<{ id: string; name: string; kind: ClaimantKindValue; country: string | null; aliases: string[] }[]>(Prisma.sql`
    SELECT c."id", c."name", c."kind"::text AS "kind", c."country", c."aliases"
    FROM "claimants" c
    WHERE unaccent(lower(c."name")) LIKE unaccent(lower(${contains}))
       OR c."slug" LIKE lower(${startsWith})
       OR EXISTS (SELECT 1 FROM unnest(c."aliases") AS alias WHERE unaccent(lower(alias)) LIKE unaccent(lower(${contains})))
    ORDER BY (unaccent(lower(c."name")) LIKE unaccent(lower(${startsWith}))) DESC, c."name", c."id"
    LIMIT ${limit}`);
  return rows;
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
