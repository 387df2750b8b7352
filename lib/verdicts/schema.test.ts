import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validationFailure } from '../actions/result';
import { fieldErrorsInEnglish, inEnglish } from '../testing/messages';
import {
  explanationPreviewSchema,
  fieldErrorsByPath,
  latestTodayIso,
  readVerdictForm,
  verdictDraftSchema,
  verdictSubmissionSchema,
} from './schema';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const base: [string, string][] = [
  ['claimId', 'claim-1'],
  ['ratingId', 'rating-1'],
  ['headline', 'Un titre.'],
  ['explanation', 'Une explication.'],
  ['asOf', '2024-12-05'],
];

describe('the verdict form', () => {
  test('indexed evidence fields are rebuilt into rows, in index order, whatever order they arrive in', () => {
    const values = readVerdictForm(
      form([...base, ['evidence.10.sourceId', 's10'], ['evidence.10.stance', 'CONTEXT'], ['evidence.2.sourceId', 's2'], ['evidence.2.stance', 'REFUTES'], ['evidence.2.quote', 'citation']]),
    );
    const parsed = verdictDraftSchema.parse(values);
    assert.deepEqual(
      parsed.evidence.map((row) => [row.sourceId, row.stance, row.quote]),
      [['s2', 'REFUTES', 'citation'], ['s10', 'CONTEXT', null]],
    );
  });

  test('errors are keyed by the full field name, so each shows next to its own row', () => {
    const result = verdictDraftSchema.safeParse(readVerdictForm(form([...base, ['evidence.0.sourceId', ''], ['evidence.0.stance', 'CONTEXT']])));
    assert.ok(!result.success);
    assert.deepEqual(fieldErrorsInEnglish(fieldErrorsByPath(result.error))['evidence.0.sourceId'], ['Choose the source of this evidence.']);
  });

  test('submitting needs evidence; a draft does not', () => {
    assert.ok(verdictDraftSchema.safeParse(readVerdictForm(form(base))).success);
    const result = verdictSubmissionSchema.safeParse(readVerdictForm(form(base)));
    assert.ok(!result.success);
    assert.deepEqual(fieldErrorsInEnglish(fieldErrorsByPath(result.error)).evidence, ['Add at least one piece of evidence before submitting.']);
  });

  test('the headline is one line of at most 280 characters; the as-of date is real and not in the future', () => {
    const errors = (entries: [string, string][]) => {
      const result = verdictDraftSchema.safeParse(readVerdictForm(form(entries)));
      return result.success ? {} : fieldErrorsInEnglish(fieldErrorsByPath(result.error));
    };
    const withField = (key: string, value: string) => base.map(([k, v]): [string, string] => [k, k === key ? value : v]);
    assert.match(errors(withField('headline', 'Une phrase.\nEt une autre.')).headline?.[0] ?? '', /one line/);
    assert.match(errors(withField('headline', 'x'.repeat(281))).headline?.[0] ?? '', /280 characters or fewer/);
    assert.match(errors(withField('asOf', '2024-02-30')).asOf?.[0] ?? '', /does not exist/);
    assert.match(errors(withField('asOf', '2999-01-01')).asOf?.[0] ?? '', /cannot be in the future/);
    assert.deepEqual(errors(withField('asOf', latestTodayIso())), {});
    assert.deepEqual(errors(withField('explanation', 'x'.repeat(20_001))).explanation, ['Explanation must be 20,000 characters or fewer.']);
  });
});

describe('an explanation nested deeper than the renderer takes', () => {
  const hostile = `${'>'.repeat(2000)} Ce que montrent les sources.`;
  const tooDeep = 'Explanation nests quotes or lists more than 20 levels deep: remove some of the “>” or list markers.';

  test('is refused on save, next to the Explanation field', () => {
    const result = verdictDraftSchema.safeParse(readVerdictForm(form([...base.filter(([key]) => key !== 'explanation'), ['explanation', hostile]])));
    assert.ok(!result.success);
    assert.deepEqual(fieldErrorsInEnglish(fieldErrorsByPath(result.error)).explanation, [tooDeep]);
  });

  test('makes the live preview say why instead of failing', () => {
    const result = explanationPreviewSchema.safeParse({ markdown: hostile });
    assert.ok(!result.success);
    // The preview shows the action's message (lib/verdicts/actions.ts previewExplanation).
    assert.equal(inEnglish(validationFailure(result.error).message), tooDeep);
    assert.ok(explanationPreviewSchema.safeParse({ markdown: '> une citation\n\n- un point' }).success);
  });
});
