import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { message } from '../i18n/message';
import { inEnglish, inFrench } from '../testing/messages';
import {
  CONTROL_CHARACTERS_MESSAGE,
  INT4_MAX,
  idField,
  intField,
  markdownText,
  multiLineText,
  optionalIntField,
  optionalText,
  singleLineText,
  slugField,
} from './fields';

/** The messages a form shows for the value, in English. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => inEnglish(issue.message));
}

const CONTROL_CHARACTERS = inEnglish(CONTROL_CHARACTERS_MESSAGE);

describe('text builders', () => {
  const name = singleLineText({ max: 10, required: message('validation.claimant.nameRequired') });
  const notes = multiLineText({ max: 20 });

  test('refuse NUL and the other invisible control characters, with one message', () => {
    assert.equal(CONTROL_CHARACTERS, 'Remove the invisible control characters from this field.');
    for (const character of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F']) {
      assert.deepEqual(messages(name, `Ki${character}m`), [CONTROL_CHARACTERS], `U+${character.charCodeAt(0).toString(16)}`);
      assert.deepEqual(messages(notes, `a${character}b`), [CONTROL_CHARACTERS]);
    }
  });

  test('keep tabs and line breaks in multi-line text, and refuse line breaks on one line', () => {
    assert.equal(notes.parse(' un\ttab\r\ndeux \n'), 'un\ttab\r\ndeux');
    assert.deepEqual(messages(name, 'Kim\nJong'), ['Must be on one line.']);
    assert.equal(name.parse('\tKim Jong '), 'Kim Jong');
  });

  test('count length in code points, as PostgreSQL does, and say the limit in the reader’s number format', () => {
    assert.equal(name.parse('🙂'.repeat(10)), '🙂'.repeat(10));
    assert.deepEqual(messages(name, 'x'.repeat(11)), ['Must be 10 characters or fewer.']);
    const text = multiLineText({ max: 2000 }).safeParse('x'.repeat(2001));
    assert.deepEqual(text.error?.issues.map((issue) => inEnglish(issue.message)), ['Must be 2,000 characters or fewer.']);
    assert.deepEqual(text.error?.issues.map((issue) => inFrench(issue.message)), ['Ce champ ne doit pas dépasser 2\u202f000 caractères.']);
    assert.deepEqual(messages(singleLineText({ max: 9, min: 3 }), 'ab'), ['Must be at least 3 characters.']);
  });

  test('a field’s own length message gets the limit from its rules', () => {
    const quote = multiLineText({ max: 2000, tooLong: message('validation.evidence.quoteTooLong') });
    assert.deepEqual(messages(quote, 'x'.repeat(2001)), ['A quote must be 2,000 characters or fewer.']);
  });

  test('a required field is refused blank or missing, with its own message', () => {
    assert.deepEqual(messages(name, '   '), ['Enter the claimant’s name.']);
    assert.deepEqual(messages(name, undefined), ['Enter the claimant’s name.']);
  });

  test('optional text is null when empty, and checked otherwise', () => {
    const description = optionalText(multiLineText({ max: 5 }));
    assert.equal(description.parse(undefined), null);
    assert.equal(description.parse('  '), null);
    assert.equal(description.parse(' ok '), 'ok');
    assert.deepEqual(messages(description, 'a\u0000'), [CONTROL_CHARACTERS]);
  });

  test('whitespace can be kept, for quotes that must match their source', () => {
    assert.equal(multiLineText({ max: 20, keepWhitespace: true }).parse(' « oui » '), ' « oui » ');
  });

  test('Markdown is refused when it nests deeper than the renderer takes', () => {
    const explanation = markdownText({ max: 20_000, tooDeep: message('validation.verdict.explanationTooDeep') });
    assert.equal(explanation.parse('> une citation\n>> dans une citation\n\n- a\n  - b'), '> une citation\n>> dans une citation\n\n- a\n  - b');
    assert.deepEqual(messages(explanation, `${'>'.repeat(2000)} x`), [
      'Explanation nests quotes or lists more than 20 levels deep: remove some of the “>” or list markers.',
    ]);
    assert.deepEqual(messages(markdownText({ max: 100 }), `${'>'.repeat(30)} x`), [
      'Nests quotes or lists more than 20 levels deep: remove some of the “>” or list markers.',
    ]);
  });
});

describe('ids and slugs', () => {
  test('a control character, a blank or an overlong value is the field’s one message', () => {
    const id = idField(message('errors.claim.notFound'));
    assert.equal(id.parse(' cm0abc '), 'cm0abc');
    for (const value of ['', '  ', 'a\u0000b', 'x'.repeat(65), undefined]) {
      assert.deepEqual(messages(id, value), ['This claim no longer exists.'], JSON.stringify(value));
    }
    assert.equal(slugField().safeParse('le-kremlin-dement').success, true);
    assert.equal(slugField().safeParse('\u0000').success, false);
    assert.equal(slugField().safeParse('x'.repeat(201)).success, false);
  });
});

describe('whole numbers', () => {
  test('stop at the int4 column maximum', () => {
    const version = intField({ min: 1, message: message('validation.reload') });
    assert.equal(version.parse('2147483647'), INT4_MAX);
    for (const value of ['2147483648', '99999999999999999999', '0', '-1', '1.5', 'abc', '1e400']) {
      assert.deepEqual(messages(version, value), ['Reload the page and try again.'], value);
    }
  });

  test('say what is wrong without a message of their own', () => {
    const limit = intField({ min: 1, max: 100 });
    assert.deepEqual(messages(limit, '101'), ['Must be at most 100.']);
    assert.deepEqual(messages(limit, '0'), ['Must be at least 1.']);
    assert.deepEqual(messages(limit, '2.5'), ['Must be a whole number.']);
    assert.deepEqual(messages(limit, 'many'), ['Must be a number.']);
  });

  test('optional numbers are null when blank', () => {
    const offset = optionalIntField({ min: 0, message: message('validation.appearance.selectAgain') });
    assert.equal(offset.parse(undefined), null);
    assert.equal(offset.parse(' '), null);
    assert.equal(offset.parse('12'), 12);
    assert.deepEqual(messages(offset, '2147483648'), ['Select the passage again.']);
  });
});
