import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedRatings } from '../../seed/data/ratings';
import { contrastRatio, contrastWithWhiteText, MIN_RATING_CONTRAST, relativeLuminance, roundedRatio } from './contrast';

describe('rating colours against the badge’s white text', () => {
  test('the WCAG formula gives the known ratios', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#777777', '#777777'), 1);
    // The two badges the issue found failing, as it measured them.
    assert.equal(roundedRatio(contrastWithWhiteText('#b08800') ?? 0), 3.29);
    assert.equal(roundedRatio(contrastWithWhiteText('#4d9a2a') ?? 0), 3.51);
    assert.equal(relativeLuminance('b08800'), null);
    assert.equal(relativeLuminance('#b0880'), null);
    assert.equal(contrastWithWhiteText('red'), null);
  });

  test(`every seeded rating colour has at least ${MIN_RATING_CONTRAST}:1`, () => {
    const failing = seedRatings
      .map((rating) => ({ key: rating.key, colour: rating.colour, ratio: contrastWithWhiteText(rating.colour) }))
      .filter((rating) => rating.ratio === null || rating.ratio < MIN_RATING_CONTRAST);
    assert.deepEqual(failing, []);
  });
});
