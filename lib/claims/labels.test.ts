import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translatorFor } from '../testing/messages';
import { claimRevisionStateLabelKey, claimStatusLabelKey, describeClaimChange, relationLabelKey, type RevisedClaimFieldKey } from './labels';

const english = translatorFor('en');
const french = translatorFor('fr');

describe('the change a revision makes, in one sentence', () => {
  const cases: [RevisedClaimFieldKey[], number, string, string][] = [
    [['summary'], 0, 'Summary changed.', 'Résumé modifié(s).'],
    [['summary', 'claimant'], 1, 'Summary and claimant changed; 1 quote added.', 'Résumé et auteur modifié(s)\u202f; 1 citation ajoutée.'],
    [['summary', 'text', 'claimedAt'], 0, 'Summary, statement and date of the claim changed.', 'Résumé, énoncé et date de l’affirmation modifié(s).'],
    [[], 3, '3 quotes added.', '3 citations ajoutées.'],
    [[], 0, 'No change.', 'Aucune modification.'],
  ];

  test('reads the same in English as it did before the catalogues', () => {
    for (const [fields, quotes, sentence] of cases) {
      assert.equal(describeClaimChange(english, fields, quotes), sentence);
      assert.equal(describeClaimChange(fields, quotes), sentence, 'the English path of the pages not yet translated agrees');
    }
  });

  test('is written in French for a French reader', () => {
    for (const [fields, quotes, , phrase] of cases) assert.equal(describeClaimChange(french, fields, quotes), phrase);
  });
});

describe('label keys', () => {
  test('name catalogue entries in both languages', () => {
    assert.equal(english(claimStatusLabelKey('IN_REVIEW')), 'In review');
    assert.equal(french(claimStatusLabelKey('IN_REVIEW')), 'En relecture');
    assert.equal(english(claimRevisionStateLabelKey('PROPOSED')), 'Waiting for review');
    assert.equal(english(relationLabelKey('SUPPORTS', 'incoming')), 'Supported by');
    assert.equal(english(relationLabelKey('SOMETHING_NEW', 'outgoing')), 'Related to');
  });
});
