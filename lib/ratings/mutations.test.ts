import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { decodeMessage } from '../i18n/message';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWithMutationError } from '../testing/mutation-error';
import { contrastWithWhiteText, MIN_RATING_CONTRAST } from './contrast';
import { createRating, deleteRating, moveRating, updateRating } from './mutations';
import { listRatingScale } from './queries';
import { createRatingSchema, deleteRatingSchema, moveRatingSchema, updateRatingSchema } from './schema';

let db: SeededDatabase;
let editor: Actor;
let admin: Actor;
let moderator: Actor;

before(async () => {
  db = await openSeededDatabase();
  ({ editor, admin, moderator } = db.actors);
});
after(() => closeSeededDatabase(db));

let counter = 0;
function newRatingForm(overrides: Record<string, string> = {}) {
  counter += 1;
  return {
    key: `test-rating-${counter}`,
    labelFr: `Note d’essai ${counter}`,
    labelEn: `Test rating ${counter}`,
    descriptionFr: 'Une note pour les tests.',
    descriptionEn: 'A rating for tests.',
    value: '',
    colour: '#1A7F37',
    active: 'on',
    ...overrides,
  };
}

function editForm(rating: { id: string; version: number; labelFr: string; labelEn: string; descriptionFr: string; descriptionEn: string; colour: string }, overrides: Record<string, string> = {}) {
  return {
    id: rating.id,
    version: String(rating.version),
    labelFr: rating.labelFr,
    labelEn: rating.labelEn,
    descriptionFr: rating.descriptionFr,
    descriptionEn: rating.descriptionEn,
    value: '',
    colour: rating.colour,
    active: 'on',
    ...overrides,
  };
}

/** The catalogue key a field error is written as. */
function errorKeys(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string): string[] {
  return (result.error?.issues ?? []).filter((issue) => issue.path[0] === field).map((issue) => decodeMessage(issue.message)?.key ?? issue.message);
}

describe('the rating scale', () => {
  test('the colour must be #rrggbb with at least 4.5:1 against white text; the refusal gives the ratio', () => {
    const mixedBefore = createRatingSchema.safeParse(newRatingForm({ colour: '#b08800' }));
    assert.deepEqual(errorKeys(mixedBefore, 'colour'), ['ratingsAdmin.errors.colourContrast']);
    const issue = mixedBefore.error?.issues.find((entry) => entry.path[0] === 'colour');
    assert.deepEqual(decodeMessage(issue?.message ?? '')?.values, { ratio: 3.29, min: 4.5 });
    assert.deepEqual(errorKeys(createRatingSchema.safeParse(newRatingForm({ colour: 'orange' })), 'colour'), ['ratingsAdmin.errors.colourFormat']);
    const accepted = createRatingSchema.parse(newRatingForm({ colour: ' #9A6700 ' }));
    assert.equal(accepted.colour, '#9a6700');
    assert.ok((contrastWithWhiteText(accepted.colour) ?? 0) >= MIN_RATING_CONTRAST);
  });

  test('the key, the value and the labels are checked', () => {
    assert.deepEqual(errorKeys(createRatingSchema.safeParse(newRatingForm({ key: 'Plutôt vrai' })), 'key'), ['ratingsAdmin.errors.keyFormat']);
    assert.deepEqual(errorKeys(createRatingSchema.safeParse(newRatingForm({ value: '7' })), 'value'), ['ratingsAdmin.errors.value']);
    assert.deepEqual(errorKeys(createRatingSchema.safeParse(newRatingForm({ labelEn: '  ' })), 'labelEn'), ['ratingsAdmin.errors.en.labelRequired']);
    const parsed = createRatingSchema.parse(newRatingForm({ value: '3', active: '' }));
    assert.equal(parsed.value, 3);
    assert.equal(parsed.active, false);
    const { active: _active, ...unticked } = newRatingForm();
    assert.equal(createRatingSchema.parse(unticked).active, false);
  });

  test('only admins manage the scale', async () => {
    for (const actor of [editor, moderator]) {
      await assert.rejects(createRating(actor, createRatingSchema.parse(newRatingForm())), ForbiddenError);
      await assert.rejects(listRatingScale(actor), ForbiddenError);
    }
  });

  test('create puts the rating last, audited; a key is taken once', async () => {
    const form = newRatingForm();
    const created = await createRating(admin, createRatingSchema.parse(form));
    const scale = await listRatingScale(admin);
    assert.equal(scale.at(-1)?.id, created.id);
    assert.equal(scale.at(-1)?.verdictCount, 0);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'Rating', entityId: created.id, action: 'rating.create' } }), 1);
    const taken = await rejectsWithMutationError(createRating(admin, createRatingSchema.parse(form)));
    assert.equal(decodeMessage(taken.fieldErrors?.key?.[0] ?? '')?.key, 'ratingsAdmin.errors.keyTaken');
  });

  test('update saves the labels and colour with a new version, audits both sides, names the public pages to refresh, and refuses a stale form', async () => {
    const mixed = await db.prisma.rating.findUniqueOrThrow({ where: { key: 'mixed' } });
    const saved = await updateRating(admin, updateRatingSchema.parse(editForm(mixed, { labelEn: 'Half true', value: '4' })));
    assert.equal(saved.version, mixed.version + 1);
    assert.ok(saved.publicTags.includes('claims'), 'every list shows the ratings of its claims');
    assert.ok(saved.publicTags.some((tag) => tag.startsWith('claim:')), 'the claims rated mixed show the new label');
    const row = await db.prisma.rating.findUniqueOrThrow({ where: { id: mixed.id } });
    assert.equal(row.labelEn, 'Half true');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Rating', entityId: mixed.id, action: 'rating.update' } });
    assert.equal((audit.before as { labelEn: string }).labelEn, 'Mixed');
    assert.equal((audit.after as { labelEn: string }).labelEn, 'Half true');

    const stale = await rejectsWithMutationError(updateRating(admin, updateRatingSchema.parse(editForm(mixed, { labelEn: 'Something else' }))));
    assert.equal(stale.code, 'CONFLICT');
    assert.match(stale.message, new RegExp(admin.name));
    assert.equal((await db.prisma.rating.findUniqueOrThrow({ where: { id: mixed.id } })).labelEn, 'Half true');
  });

  test('a rating no verdict uses can be deleted, audited; one in use cannot, only deactivated', async () => {
    const unused = await createRating(admin, createRatingSchema.parse(newRatingForm()));
    await deleteRating(admin, deleteRatingSchema.parse({ id: unused.id, version: String(unused.version) }));
    assert.equal(await db.prisma.rating.count({ where: { id: unused.id } }), 0);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'Rating', entityId: unused.id, action: 'rating.delete' } }), 1);

    const mostlyFalse = await db.prisma.rating.findUniqueOrThrow({ where: { key: 'mostly-false' } });
    assert.ok((await db.prisma.verdict.count({ where: { ratingId: mostlyFalse.id } })) > 0, 'the seed rates verdicts mostly false');
    const refused = await rejectsWithMutationError(deleteRating(admin, deleteRatingSchema.parse({ id: mostlyFalse.id, version: String(mostlyFalse.version) })));
    assert.equal(refused.code, 'INVALID_STATE');
    assert.equal(decodeMessage(refused.message)?.key, 'ratingsAdmin.errors.inUse');
    assert.equal(await db.prisma.rating.count({ where: { id: mostlyFalse.id } }), 1);

    await updateRating(admin, updateRatingSchema.parse(editForm(mostlyFalse, { active: '' })));
    assert.equal((await db.prisma.rating.findUniqueOrThrow({ where: { id: mostlyFalse.id } })).active, false);
  });

  test('a verdict saved with the rating while it is being deleted makes the delete refuse, not fail', async () => {
    const rating = await createRating(admin, createRatingSchema.parse(newRatingForm()));
    const verdict = await db.prisma.verdict.findFirstOrThrow({ where: { state: 'DRAFT' }, select: { id: true, ratingId: true } });
    // Another connection gives a verdict this rating and has not committed yet: the delete's count cannot see it.
    let commit = () => {};
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let updated = () => {};
    const holdingLock = new Promise<void>((resolve) => (updated = resolve));
    const otherEditor = db.sql.begin(async (sql) => {
      await sql`UPDATE verdicts SET rating_id = ${rating.id} WHERE id = ${verdict.id}`;
      updated();
      await committed;
    });
    await holdingLock;
    const deleting = deleteRating(admin, deleteRatingSchema.parse({ id: rating.id, version: String(rating.version) }));
    // Handled now: it may be refused as soon as the other transaction commits, before the assertion below awaits it.
    deleting.catch(() => undefined);
    // The delete waits for the other transaction's lock on the rating row, then meets the foreign key.
    await waitForLockWait();
    commit();
    await otherEditor;
    const refused = await rejectsWithMutationError(deleting);
    assert.equal(refused.code, 'INVALID_STATE');
    assert.equal(decodeMessage(refused.message)?.key, 'ratingsAdmin.errors.inUse');
    assert.equal(await db.prisma.rating.count({ where: { id: rating.id } }), 1);
    await db.sql`UPDATE verdicts SET rating_id = ${verdict.ratingId} WHERE id = ${verdict.id}`;
  });

  test('moving swaps a rating with its neighbour, renumbering the scale, each change audited', async () => {
    const before = await listRatingScale(admin);
    const second = before[1];
    const first = before[0];
    assert.ok(first && second);
    const moved = await moveRating(admin, moveRatingSchema.parse({ id: second.id, version: String(second.version), direction: 'up' }));
    const afterMove = await listRatingScale(admin);
    assert.deepEqual(afterMove.slice(0, 2).map((rating) => rating.id), [second.id, first.id]);
    assert.deepEqual(afterMove.map((rating) => rating.position), afterMove.map((_, index) => index));
    assert.equal(moved.version, second.version + 1);
    assert.ok((await db.prisma.auditEvent.count({ where: { entityType: 'Rating', action: 'rating.move' } })) >= 2);

    const top = await rejectsWithMutationError(moveRating(admin, moveRatingSchema.parse({ id: second.id, version: String(moved.version), direction: 'up' })));
    assert.equal(decodeMessage(top.message)?.key, 'ratingsAdmin.errors.alreadyFirst');
    const stale = await rejectsWithMutationError(moveRating(admin, moveRatingSchema.parse({ id: second.id, version: String(second.version), direction: 'down' })));
    assert.equal(stale.code, 'CONFLICT');
  });

  test('the migration recolours the two failing badges of an existing database, audited, and keeps a colour chosen since', async () => {
    await db.sql`UPDATE ratings SET colour = '#4d9a2a' WHERE key = 'mostly-true'`;
    await db.sql`UPDATE ratings SET colour = '#B08800' WHERE key = 'mixed'`;
    await db.sql`UPDATE ratings SET colour = '#123456' WHERE key = 'misleading'`;
    const [mostlyTrue] = await db.sql<{ version: number }[]>`SELECT version FROM ratings WHERE key = 'mostly-true'`;
    const migration = readFileSync(new URL('../../prisma/migrations/20261201100400_rating_scale/migration.sql', import.meta.url), 'utf8');
    await db.sql.unsafe(migration);
    const rows = await db.sql<{ key: string; colour: string; version: number }[]>`SELECT key, colour, version FROM ratings WHERE key IN ('mostly-true', 'mixed', 'misleading') ORDER BY key`;
    assert.deepEqual(
      rows.map(({ key, colour }) => ({ key, colour })),
      [
        { key: 'misleading', colour: '#123456' },
        { key: 'mixed', colour: '#9a6700' },
        { key: 'mostly-true', colour: '#4a7d17' },
      ],
    );
    assert.equal(rows.find((row) => row.key === 'mostly-true')?.version, (mostlyTrue?.version ?? 0) + 1);
    const audits = await db.sql`SELECT after FROM audit_events WHERE action = 'migration.rating.update' AND actor_id IS NULL`;
    assert.equal(audits.length, 2);
  });
});

/** Until a query of this database waits for a lock (the delete, behind the uncommitted update). */
async function waitForLockWait(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [row] = await db.sql<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the delete never waited for the other transaction');
}
