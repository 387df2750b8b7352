import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { z } from 'zod';
import { validationFailure, type ActionFailure } from '../actions/result';
import { createClaimant, updateClaimant } from '../claimants/mutations';
import { createClaimantSchema, updateClaimantSchema } from '../claimants/schema';
import { createClaim } from '../claims/mutations';
import { createClaimSchema } from '../claims/schema';
import { addRelation } from '../relations/mutations';
import { addRelationSchema } from '../relations/schema';
import { createSource } from '../sources/mutations';
import { sourceFormSchema } from '../sources/schema';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { messagesInEnglish } from '../testing/messages';
import { saveVerdictDraft } from '../verdicts/mutations';
import { fieldErrorsByPath, readVerdictForm, verdictDraftSchema } from '../verdicts/schema';

// What the form shows next to the field, in English.
const CONTROL_CHARACTERS = 'Remove the invisible control characters from this field.';

// A NUL byte typed or pasted into any field reached PostgreSQL, which refuses
// it ("invalid byte sequence for encoding UTF8: 0x00"): the editor got a 500
// and an empty form. Each form here goes the way its server action goes
// (parse with the domain's schema; on failure answer with field errors and
// what was typed; else run the mutation), against a clone of the seeded
// database. The same form without the NUL is saved, so the refusal is the
// NUL's.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

const NUL = '\u0000';

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** parse → failure with the typed values, or the mutation's result: the first half of every action. */
async function submit<Input, Output>(
  schema: z.ZodType<Input>,
  fields: Record<string, string>,
  mutation: (input: Input) => Promise<Output>,
): Promise<ActionFailure | { ok: true; value: Output }> {
  const parsed = await schema.safeParseAsync(fields);
  if (!parsed.success) return validationFailure(parsed.error, formData(fields));
  return { ok: true, value: await mutation(parsed.data) };
}

/** Rows in every table a form here can write, to show that a refusal wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.sql<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM claimants) AS claimants,
           (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM verdicts) AS verdicts,
           (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM claim_relations) AS relations,
           (SELECT count(*)::int FROM audit_events) AS audit`;
  assert.ok(row);
  return row;
}

async function assertRefusedThenSaved<Input, Output>(
  schema: z.ZodType<Input>,
  fields: Record<string, string>,
  field: string,
  mutation: (input: Input) => Promise<Output>,
): Promise<void> {
  const hostile = { ...fields, [field]: `${fields[field] ?? ''}${NUL}caché` };
  const before = await rowCounts();
  const refused = await submit(schema, hostile, mutation);
  assert.equal(refused.ok, false, `a NUL in ${field} must be refused`);
  if (refused.ok) return;
  assert.equal(refused.code, 'VALIDATION');
  assert.deepEqual(messagesInEnglish(refused.fieldErrors?.[field]), [CONTROL_CHARACTERS], `the message is next to ${field}`);
  assert.equal(refused.values?.[field], hostile[field], 'what was typed comes back to the form');
  assert.deepEqual(await rowCounts(), before, 'nothing written');

  const saved = await submit(schema, fields, mutation);
  assert.equal(saved.ok, true, `the same form without the NUL is saved: ${JSON.stringify(saved)}`);
}

describe('a NUL byte in a form is a field error, and nothing is written', () => {
  test('claims', async () => {
    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    const fields = { text: 'Aucun soldat étranger ne combat ici.', summary: 'Lavrov : aucun soldat étranger', claimantId: lavrov.id, tags: 'Russie' };
    // A text of its own for each: the same text by the same claimant would be a near duplicate, which asks for a confirmation.
    const texts: Record<string, string> = { text: fields.text, summary: 'Les munitions ont été livrées la veille.', tags: 'Personne ne parle de Koursk à Moscou.' };
    for (const field of ['text', 'summary', 'tags']) {
      const claim = { ...fields, text: texts[field] ?? fields.text, summary: `${fields.summary} (${field})` };
      await assertRefusedThenSaved(createClaimSchema, claim, field, (input) => createClaim(db.actors.editor, input));
    }
  });

  test('claimants, created and edited', async () => {
    await assertRefusedThenSaved(createClaimantSchema, { name: 'Porte-parole de la Douma', kind: 'PERSON', country: 'RU' }, 'name', (input) =>
      createClaimant(db.actors.editor, input),
    );
    await assertRefusedThenSaved(createClaimantSchema, { name: 'Agence officielle', kind: 'MEDIA', description: 'Une agence' }, 'description', (input) =>
      createClaimant(db.actors.editor, input),
    );
    const kcna = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'kcna' } });
    await assertRefusedThenSaved(
      updateClaimantSchema,
      { id: kcna.id, version: String(kcna.version), name: kcna.name, kind: kcna.kind, aliases: 'Agence centrale de presse coréenne' },
      'aliases',
      (input) => updateClaimant(db.actors.editor, input),
    );
  });

  test('sources, pasted', async () => {
    const article = 'La ministre a annoncé hier un plan pour les agriculteurs de la région, sans en préciser le coût.';
    for (const field of ['text', 'title', 'publisher', 'author']) {
      const fields = { intent: 'save', text: `${article} (${field})`, title: 'Un plan agricole', publisher: 'Le Quotidien', author: 'Camille Martin' };
      await assertRefusedThenSaved(sourceFormSchema, fields, field, (form) => createSource(db.actors.editor, form.input));
    }
  });

  test('relations', async () => {
    const [from, to] = await db.prisma.claim.findMany({ orderBy: { slug: 'asc' }, take: 2, select: { id: true, slug: true } });
    assert.ok(from && to);
    await assertRefusedThenSaved(addRelationSchema, { claimId: from.id, target: to.slug, type: 'CONTRADICTS', note: 'Voir aussi' }, 'note', (input) =>
      addRelation(db.actors.editor, input),
    );
    // An address may spell the NUL as %00.
    const spelled = addRelationSchema.safeParse({ claimId: from.id, target: `https://attest.example/claims/${to.slug}%00`, type: 'SUPPORTS' });
    assert.deepEqual(messagesInEnglish(spelled.error?.flatten().fieldErrors.target), [CONTROL_CHARACTERS]);
  });

  test('verdicts, in the explanation and in an evidence row', async () => {
    const claim = await db.prisma.claim.findFirstOrThrow({ where: { status: 'DRAFT', verdicts: { none: {} } }, select: { id: true } });
    const rating = await db.prisma.rating.findFirstOrThrow({ select: { id: true } });
    const source = await db.prisma.source.findFirstOrThrow({ select: { id: true } });
    const fields = {
      claimId: claim.id,
      ratingId: rating.id,
      headline: 'Un titre.',
      explanation: 'Ce que montrent les sources.',
      asOf: '2024-12-05',
      'evidence.0.sourceId': source.id,
      'evidence.0.stance': 'CONTEXT',
      'evidence.0.note': 'Le contexte.',
    };
    const before = await rowCounts();
    for (const field of ['headline', 'explanation', 'evidence.0.note']) {
      const parsed = verdictDraftSchema.safeParse(readVerdictForm(formData({ ...fields, [field]: `${fields[field as keyof typeof fields]}${NUL}` })));
      assert.ok(!parsed.success, `a NUL in ${field} must be refused`);
      assert.deepEqual(messagesInEnglish(fieldErrorsByPath(parsed.error)[field]), [CONTROL_CHARACTERS]);
    }
    assert.deepEqual(await rowCounts(), before, 'nothing written');
    const saved = await saveVerdictDraft(db.actors.editor, verdictDraftSchema.parse(readVerdictForm(formData(fields))));
    assert.ok(saved.verdictId, 'the same verdict without the NUL is saved');
  });
});

describe('numbers past an int4 column', () => {
  test('version=2147483648 is a validation failure, not a database error', async () => {
    const kcna = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'kcna' } });
    const before = await rowCounts();
    const refused = await submit(updateClaimantSchema, { id: kcna.id, version: '2147483648', name: kcna.name, kind: kcna.kind }, (input) =>
      updateClaimant(db.actors.editor, input),
    );
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.code, 'VALIDATION');
    assert.deepEqual(messagesInEnglish(refused.fieldErrors?.version), ['Reload the page and try again.']);
    assert.deepEqual(await rowCounts(), before);
  });
});
