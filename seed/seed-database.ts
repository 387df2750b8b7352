import bcrypt from 'bcryptjs';
import { locateQuote, type QuoteAnchor } from '../lib/quotes/anchor';
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import { importArticle } from '../lib/sources/import-article';
import { sha256OfText } from '../lib/sources/hash';
import { readSeedArticles } from './articles';
import { seedClaimants } from './data/claimants';
import { seedClaims, seedRelations, type SeedArticleKey, type SeedClaim, type SeedQuote } from './data/claims';
import { seedRatings } from './data/ratings';
import { seedDisputeRecords } from './seed-disputes';
import { DEMO_PASSWORD, demoUsers, seedNewsroomUsers } from './data/users';

type Tx = Prisma.TransactionClient;

export type SeedOptions = { demoUsers: boolean };
export type SeedReport = { created: Record<string, number> };

/**
 * Creates whatever of the seed corpus is missing, and never touches what
 * exists: a second run changes nothing, and content editors have changed since
 * the first run (or a published verdict) is left as they made it.
 * All-or-nothing: one transaction.
 */
export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedReport> {
  const created: Record<string, number> = {};
  const count = (what: string) => {
    created[what] = (created[what] ?? 0) + 1;
  };
  // Hashing is slow on purpose; do it before the transaction holds its locks.
  const demoPasswordHash = options.demoUsers ? await bcrypt.hash(DEMO_PASSWORD, 10) : null;

  await prisma.$transaction(
    async (tx) => {
      await seedRatingScale(tx, count);
      const newsroom = await seedUsers(tx, demoPasswordHash, count);
      const sourceIds = await seedSources(tx, count);
      const claimantIds = await seedClaimantRecords(tx, count);
      const ratingIds = new Map((await tx.rating.findMany({ select: { id: true, key: true } })).map((r) => [r.key, r.id]));
      const sourceTexts = new Map(
        (await tx.source.findMany({ where: { id: { in: [...sourceIds.values()] } }, select: { id: true, text: true } })).map(
          (s) => [s.id, s.text],
        ),
      );
      const context: ClaimSeedContext = { tx, newsroom, sourceIds, sourceTexts, claimantIds, ratingIds, count };
      for (const claim of seedClaims) await seedClaim(context, claim);
      await seedClaimRelations(tx, count);
      await seedDisputeRecords(tx, count);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { created };
}

async function audit(tx: Tx, action: string, entityType: string, entityId: string, after: Prisma.InputJsonValue) {
  await tx.auditEvent.create({ data: { actorId: null, action, entityType, entityId, after } });
}

async function seedRatingScale(tx: Tx, count: (what: string) => void) {
  const existing = new Set((await tx.rating.findMany({ select: { key: true } })).map((r) => r.key));
  for (const [position, rating] of seedRatings.entries()) {
    if (existing.has(rating.key)) continue;
    const row = await tx.rating.create({ data: { ...rating, position } });
    await audit(tx, 'seed.rating.create', 'Rating', row.id, { key: row.key });
    count('ratings');
  }
}

type NewsroomIds = { authorId: string; reviewerId: string };

async function seedUsers(tx: Tx, demoPasswordHash: string | null, count: (what: string) => void): Promise<NewsroomIds> {
  const accounts = [
    ...seedNewsroomUsers.map((user) => ({ ...user, passwordHash: null, active: false })),
    ...(demoPasswordHash ? demoUsers.map((user) => ({ ...user, passwordHash: demoPasswordHash, active: true })) : []),
  ];
  for (const account of accounts) {
    const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    const row = await tx.user.create({ data: account });
    await audit(tx, 'seed.user.create', 'User', row.id, { email: row.email, role: row.role });
    count('users');
  }
  const [author, reviewer] = await Promise.all(
    seedNewsroomUsers.map((user) => tx.user.findUniqueOrThrow({ where: { email: user.email }, select: { id: true } })),
  );
  if (!author || !reviewer) throw new Error('seed newsroom accounts are missing');
  return { authorId: author.id, reviewerId: reviewer.id };
}

async function seedSources(tx: Tx, count: (what: string) => void): Promise<Map<SeedArticleKey, string>> {
  const ids = new Map<SeedArticleKey, string>();
  const retrievedAt = new Date();
  for (const article of readSeedArticles()) {
    // Matched on the raw text, which never changes: if the importer's cleaning
    // improves later, the archived text already quoted stays as it was.
    const existing = await tx.source.findFirst({ where: { rawText: article.rawText }, select: { id: true } });
    if (existing) {
      ids.set(article.key, existing.id);
      continue;
    }
    const imported = importArticle(article.rawText, { retrievedAt });
    const row = await tx.source.create({
      data: {
        url: null, // the corpus came without addresses; never invent one
        title: imported.title,
        publisher: imported.publisher,
        author: imported.author,
        language: imported.language ?? 'und',
        publishedAt: imported.publishedAt,
        retrievedAt,
        rawText: imported.rawText,
        text: imported.text,
        sha256: sha256OfText(imported.text),
      },
    });
    await audit(tx, 'seed.source.create', 'Source', row.id, { file: article.fileName, sha256: row.sha256, title: row.title });
    ids.set(article.key, row.id);
    count('sources');
  }
  return ids;
}

async function seedClaimantRecords(tx: Tx, count: (what: string) => void): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const claimant of seedClaimants) {
    const existing = await tx.claimant.findUnique({ where: { slug: claimant.slug }, select: { id: true } });
    if (existing) {
      ids.set(claimant.slug, existing.id);
      continue;
    }
    const row = await tx.claimant.create({ data: { ...claimant, aliases: [...claimant.aliases] } });
    await audit(tx, 'seed.claimant.create', 'Claimant', row.id, { slug: row.slug, name: row.name });
    ids.set(claimant.slug, row.id);
    count('claimants');
  }
  return ids;
}

type ClaimSeedContext = {
  tx: Tx;
  newsroom: NewsroomIds;
  sourceIds: Map<SeedArticleKey, string>;
  sourceTexts: Map<string, string>;
  claimantIds: Map<string, string>;
  ratingIds: Map<string, string>;
  count: (what: string) => void;
};

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed data refers to unknown ${what} "${String(key)}"`);
  return value;
}

/** Anchors a curated quote in the archived text; refuses a missing or ambiguous one. */
function anchorSeedQuote(context: ClaimSeedContext, claimSlug: string, quote: SeedQuote): { sourceId: string; anchor: QuoteAnchor } {
  const sourceId = required(context.sourceIds, quote.article, 'article');
  const text = required(context.sourceTexts, sourceId, 'source');
  const anchors = locateQuote(text, quote.quote);
  const where = `claim "${claimSlug}", article ${quote.article}: "${quote.quote}"`;
  if (anchors.length === 0) throw new Error(`seed quote is not in the source text (${where})`);
  if (anchors.length > 1 && quote.occurrence === undefined) {
    throw new Error(`seed quote occurs ${anchors.length} times; give its occurrence (${where})`);
  }
  const anchor = anchors[quote.occurrence ?? 0];
  if (!anchor) throw new Error(`seed quote has no occurrence ${quote.occurrence} (${where})`);
  return { sourceId, anchor };
}

async function seedClaim(context: ClaimSeedContext, seed: SeedClaim) {
  const { tx, newsroom, count } = context;
  if (await tx.claim.findUnique({ where: { slug: seed.slug }, select: { id: true } })) return;

  const publishedVerdicts = seed.verdicts.filter((v) => v.state === 'PUBLISHED');
  const firstPublishedAt = publishedVerdicts[0]?.publishedAt;
  const claim = await tx.claim.create({
    data: {
      slug: seed.slug,
      text: seed.text,
      summary: seed.summary,
      language: 'fr',
      claimantId: required(context.claimantIds, seed.claimant, 'claimant'),
      claimedAt: seed.claimedAt ? new Date(seed.claimedAt) : null,
      tags: seed.tags,
      status: seed.status,
      publishedAt: firstPublishedAt ? new Date(firstPublishedAt) : null,
      createdById: newsroom.authorId,
      updatedById: newsroom.authorId,
    },
  });
  await audit(tx, 'seed.claim.create', 'Claim', claim.id, { slug: claim.slug, status: claim.status });
  count('claims');

  for (const appearance of seed.appearances) {
    const { sourceId, anchor } = anchorSeedQuote(context, seed.slug, appearance);
    const row = await tx.appearance.create({
      data: {
        claimId: claim.id,
        sourceId,
        speakerId: required(context.claimantIds, appearance.speaker, 'claimant'),
        stance: appearance.stance,
        ...anchor,
        createdById: newsroom.authorId,
      },
    });
    await audit(tx, 'seed.appearance.create', 'Appearance', row.id, { claimId: claim.id, sourceId, start: anchor.start, end: anchor.end });
    count('appearances');
  }

  let previousPublished: { id: string; ratingId: string } | null = null;
  for (const [index, verdict] of seed.verdicts.entries()) {
    const ratingId = required(context.ratingIds, verdict.rating, 'rating');
    // Drafted first: evidence can only be attached while a verdict is unpublished.
    const row: { id: string } = await tx.verdict.create({
      data: {
        claimId: claim.id,
        number: index + 1,
        ratingId,
        headline: verdict.headline,
        explanation: verdict.explanation,
        asOf: new Date(verdict.asOf),
        authorId: newsroom.authorId,
        state: 'DRAFT',
        supersedesId: verdict.state === 'PUBLISHED' ? previousPublished?.id : undefined,
        correctionNote: verdict.correctionNote,
      },
    });
    for (const [position, evidence] of verdict.evidence.entries()) {
      const sourceId = required(context.sourceIds, evidence.article, 'article');
      const anchor = evidence.quote ? anchorSeedQuote(context, seed.slug, { ...evidence, quote: evidence.quote }).anchor : null;
      await tx.evidence.create({
        data: { verdictId: row.id, sourceId, stance: evidence.stance, note: evidence.note, position, ...anchor },
      });
      count('evidence');
    }
    if (verdict.state === 'SUBMITTED') {
      await tx.verdict.update({ where: { id: row.id }, data: { state: 'SUBMITTED', submittedAt: dateOrNull(verdict.submittedAt) } });
    }
    if (verdict.state === 'PUBLISHED') {
      const publishedAt = dateOrNull(verdict.publishedAt) ?? new Date();
      if (previousPublished) {
        await tx.verdict.update({ where: { id: previousPublished.id }, data: { state: 'SUPERSEDED', supersededAt: publishedAt } });
        if (!verdict.correctionNote) throw new Error(`seed verdict ${index + 1} of "${seed.slug}" supersedes another without a correction note`);
        await tx.correction.create({
          data: {
            claimId: claim.id,
            fromVerdictId: previousPublished.id,
            toVerdictId: row.id,
            fromRatingId: previousPublished.ratingId,
            toRatingId: ratingId,
            note: verdict.correctionNote,
            authorId: newsroom.authorId,
            publishedAt,
          },
        });
        count('corrections');
      }
      await tx.verdictReview.create({
        data: { verdictId: row.id, reviewerId: newsroom.reviewerId, decision: 'APPROVED', createdAt: publishedAt },
      });
      await tx.verdict.update({
        where: { id: row.id },
        data: { state: 'PUBLISHED', submittedAt: dateOrNull(verdict.submittedAt), publishedAt, reviewerId: newsroom.reviewerId },
      });
      previousPublished = { id: row.id, ratingId };
    }
    await audit(tx, 'seed.verdict.create', 'Verdict', row.id, { claimId: claim.id, number: index + 1, state: verdict.state, rating: verdict.rating });
    count('verdicts');
  }
}

function dateOrNull(value: string | undefined): Date | null {
  return value ? new Date(value) : null;
}

async function seedClaimRelations(tx: Tx, count: (what: string) => void) {
  const slugs = [...new Set(seedRelations.flatMap((r) => [r.from, r.to]))];
  const ids = new Map((await tx.claim.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  for (const relation of seedRelations) {
    const fromClaimId = required(ids, relation.from, 'claim');
    const toClaimId = required(ids, relation.to, 'claim');
    const existing = await tx.claimRelation.findUnique({
      where: { fromClaimId_toClaimId_type: { fromClaimId, toClaimId, type: relation.type } },
      select: { id: true },
    });
    if (existing) continue;
    const row = await tx.claimRelation.create({ data: { fromClaimId, toClaimId, type: relation.type, note: relation.note } });
    await audit(tx, 'seed.relation.create', 'ClaimRelation', row.id, { from: relation.from, to: relation.to, type: relation.type });
    count('relations');
  }
}
