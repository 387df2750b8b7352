import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareVerdicts, evidenceLine, type VerdictDiffLabels } from './diff';

// The labels a page passes: in the interface language (here French, as a
// French newsroom reads the comparison).
const french: VerdictDiffLabels = {
  rating: (rating) => rating.labelFr,
  stance: (stance) => ({ SUPPORTS: 'Confirme l’affirmation', REFUTES: 'Contredit l’affirmation', CONTEXT: 'Contexte' })[stance],
  untitledSource: 'Source sans titre',
};

describe('comparing two verdict versions', () => {
  const rating = { labelEn: 'Mostly false', labelFr: 'Plutôt faux' };
  const evidence = { stance: 'REFUTES' as const, sourceTitle: 'Article', note: null, quote: null };
  const older = { number: 1, rating, headline: 'Le Kremlin dément.', explanation: 'Ligne un.\nLigne deux.', asOf: '2024-11-01', evidence: [evidence] };

  test('shows the rating, headline words, explanation lines, date and evidence that changed', () => {
    const newer = {
      number: 2,
      rating: { labelEn: 'False', labelFr: 'Faux' },
      headline: 'Le Kremlin dément encore.',
      explanation: 'Ligne un.\nLigne trois.',
      asOf: '2024-12-01',
      evidence: [evidence, { ...evidence, stance: 'CONTEXT' as const, note: 'Nouveau' }],
    };
    const diff = compareVerdicts(older, newer, french);
    assert.deepEqual(diff.rating, { before: 'Plutôt faux', after: 'Faux', changed: true });
    assert.ok(diff.headline.parts.some((part) => part.change === 'added' && part.value.includes('encore')));
    assert.deepEqual(diff.explanation.lines, [
      { text: 'Ligne un.', change: 'same' },
      { text: 'Ligne deux.', change: 'removed' },
      { text: 'Ligne trois.', change: 'added' },
    ]);
    assert.equal(diff.asOf.changed, true);
    assert.deepEqual(diff.evidence.lines.map((line) => line.change), ['same', 'added']);
    assert.equal(diff.evidence.lines[1]?.text, 'Contexte — Article — Nouveau');
  });

  test('words evidence rows in the labels given, quotes in guillemets', () => {
    assert.equal(
      evidenceLine({ stance: 'SUPPORTS', sourceTitle: null, note: '  Même\norigine. ', quote: { exact: 'des missiles\nantiaériens' } }, french),
      'Confirme l’affirmation — Source sans titre — « des missiles antiaériens » — Même origine.',
    );
  });

  test('identical versions show no change; a first version is all new', () => {
    const same = compareVerdicts(older, older, french);
    assert.equal(same.rating.changed || same.headline.changed || same.explanation.changed || same.asOf.changed || same.evidence.changed, false);
    const first = compareVerdicts(null, older, french);
    assert.equal(first.rating.before, null);
    assert.ok(first.explanation.lines.every((line) => line.change === 'added'));
  });
});
