// Helpers for the engine's tests, kept out of the *.test.ts files so that each can import them without running
// another file's tests.

import assert from 'node:assert/strict';
import { type QuoteSuggestion, suggestQuotes } from './detect';

/** The one suggestion a test text is written to give; fails the test when there are none or several. */
export function onlySuggestion(text: string, language = 'fr'): QuoteSuggestion {
  const suggestions = suggestQuotes(text, language);
  assert.equal(suggestions.length, 1, `expected one suggestion, got ${JSON.stringify(suggestions.map((s) => s.quote))}`);
  const [suggestion] = suggestions;
  assert.ok(suggestion);
  return suggestion;
}
