import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { siteSettings } from '../site/settings';
import { initials, verdictCredits } from './credits';

describe('initials', () => {
  test('one initial per name, each followed by a full stop', () => {
    assert.equal(initials('Camille Durand'), 'C. D.');
    assert.equal(initials('Anne Marie Le Pen'), 'A. M. L. P.');
  });

  test('hyphenated names keep their hyphen', () => {
    assert.equal(initials('Jean-Pierre Léaud'), 'J.-P. L.');
    assert.equal(initials('Marie Dupont-Aignan'), 'M. D.-A.');
  });

  test('lower-case particles and elisions are not initials', () => {
    assert.equal(initials('Charles de Gaulle'), 'C. G.');
    assert.equal(initials('Valéry Giscard d’Estaing'), 'V. G. E.');
    assert.equal(initials("Ludwig van Beethoven"), 'L. B.');
    assert.equal(initials('Seán O’Brien'), 'S. O.');
  });

  test('accents, other scripts, odd spacing and punctuation', () => {
    assert.equal(initials('  Émilie   Ørsted '), 'É. Ø.');
    assert.equal(initials('camille durand'), 'C. D.');
    assert.equal(initials('Attest newsroom (seed author)'), 'A.');
    assert.equal(initials('Ким Чен Ын'), 'К. Ч. Ы.');
    assert.equal(initials('007'), '007');
  });
});

describe('verdict credits, as ATTEST_VERDICT_CREDITS chooses', () => {
  const people = { author: 'Camille Durand', approver: 'Jean-Pierre Léaud' };

  test('names (the default): display names', () => {
    assert.deepEqual(verdictCredits(people, siteSettings({})), { mode: 'names', author: 'Camille Durand', approver: 'Jean-Pierre Léaud' });
  });

  test('initials', () => {
    assert.deepEqual(verdictCredits(people, siteSettings({ ATTEST_VERDICT_CREDITS: 'initials' })), { mode: 'initials', author: 'C. D.', approver: 'J.-P. L.' });
  });

  test('team: ATTEST_VERDICT_TEAM, else the publisher, and no person at all', () => {
    assert.deepEqual(verdictCredits(people, siteSettings({ ATTEST_VERDICT_CREDITS: 'team', ATTEST_VERDICT_TEAM: 'La cellule vérification' })), {
      mode: 'team',
      team: 'La cellule vérification',
    });
    assert.deepEqual(verdictCredits(people, siteSettings({ ATTEST_VERDICT_CREDITS: 'team', ATTEST_PUBLISHER_NAME: 'Le Quotidien' })), { mode: 'team', team: 'Le Quotidien' });
  });
});
