import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isLocale } from '../i18n/locales';
import { createClaim, updateClaim } from '../claims/mutations';
import { createClaimSchema, updateClaimSchema } from '../claims/schema';
import { findActiveActor } from '../users/queries';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { translatorFor } from '../testing/messages';
import { type ActionFailure, failureFrom, validationFailure } from './result';
import { translateFailureWith } from './translate';

// A French-speaking editor's failed action comes back in French. runAction
// hands every failure to translateFailure, which translates it with
// next-intl's translator for the request (the editor's language setting,
// lib/i18n/request.ts). Outside a request there is no next-intl scope, so
// this test builds the same translator from the catalogue, in the language
// of the editor's account, and translates real refusals with the function
// translateFailure uses. (e2e/action-messages.spec.ts posts a real action.)

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** The failure runAction makes of the mutation's refusal, with what was typed. */
async function failureOf(mutation: Promise<unknown>, typed: Record<string, string>): Promise<ActionFailure> {
  try {
    await mutation;
  } catch (error) {
    return failureFrom(error, form(typed));
  }
  return assert.fail('the mutation should have been refused');
}

/** The reviewer, whose account says French. */
async function frenchEditor() {
  await db.prisma.user.update({ where: { id: db.actors.reviewer.id }, data: { locale: 'fr' } });
  const actor = await findActiveActor(db.actors.reviewer.id);
  assert.ok(actor && isLocale(actor.locale));
  return { actor, t: translatorFor(actor.locale) };
}

describe('a French-speaking editor', () => {
  test('reads the conflict of a stale save in French, with who and when in French', async () => {
    const { actor, t } = await frenchEditor();
    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    const fields = { text: 'Avant', summary: 'Conflit en français', claimantId: lavrov.id };
    const created = await createClaim(db.actors.editor, createClaimSchema.parse(fields));
    const edited = { ...fields, id: created.id, version: '1', text: 'Version d’Elise' };
    await updateClaim(db.actors.editor, updateClaimSchema.parse(edited));

    const typed = { ...edited, text: 'Version du relecteur' };
    const failure = translateFailureWith(t, await failureOf(updateClaim(actor, updateClaimSchema.parse(typed)), typed));
    assert.equal(failure.code, 'CONFLICT');
    assert.match(
      failure.message,
      new RegExp(`^Cette affirmation a été modifiée par ${db.actors.editor.name} le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2} UTC — rechargez la page pour voir ses modifications\\. Ce que vous avez saisi est toujours dans le formulaire\\.$`, 'u'),
    );
    assert.equal(failure.values?.text, 'Version du relecteur', 'what they typed comes back');
  });

  test('reads field errors in French, next to their fields', async () => {
    const { t } = await frenchEditor();
    const typed = { text: ' ', summary: 'x'.repeat(76), claimant: '' };
    const parsed = createClaimSchema.safeParse(typed);
    assert.ok(!parsed.success);
    const failure = translateFailureWith(t, validationFailure(parsed.error, form(typed)));
    assert.equal(failure.message, 'Certains champs demandent votre attention.');
    assert.deepEqual(failure.fieldErrors?.text, ['Saisissez l’affirmation telle qu’elle a été faite.']);
    assert.deepEqual(failure.fieldErrors?.summary, ['Ce champ ne doit pas dépasser 75 caractères.']);
    assert.deepEqual(failure.fieldErrors?.claimant, ['Choisissez un auteur, ou créez-en un avec «\u00a0Nouvel auteur\u00a0».']);
  });

  test('reads a refusal’s message and its field errors in French, what they carry besides kept', async () => {
    const { actor, t } = await frenchEditor();
    const typed = { text: 'Texte', summary: 'Auteur inconnu', claimant: 'Personne Inconnue' };
    const refusal: ActionFailure & { occurrences: number[] } = { ...(await failureOf(createClaim(actor, createClaimSchema.parse(typed)), typed)), occurrences: [1, 2] };
    const failure = translateFailureWith(t, refusal);
    assert.equal(failure.message, 'Vérifiez l’auteur.');
    assert.deepEqual(failure.fieldErrors?.claimant, [
      'Aucun auteur ne s’appelle «\u00a0Personne Inconnue\u00a0». Choisissez-en un parmi les suggestions, ou créez-le avec «\u00a0Nouvel auteur\u00a0».',
    ]);
    assert.deepEqual(failure.occurrences, [1, 2]);
  });
});
