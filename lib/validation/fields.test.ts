import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
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

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('text builders', () => {
  const name = singleLineText({ label: 'The name', max: 10, required: 'Enter the name.' });
  const notes = multiLineText({ label: 'The note', max: 20 });

  test('refuse NUL and the other invisible control characters, with one message', () => {
    for (const character of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F']) {
      assert.deepEqual(messages(name, `Ki${character}m`), [CONTROL_CHARACTERS_MESSAGE], `U+${character.charCodeAt(0).toString(16)}`);
      assert.deepEqual(messages(notes, `a${character}b`), [CONTROL_CHARACTERS_MESSAGE]);
    }
  });

  test('keep tabs and line breaks in multi-line text, and refuse line breaks on one line', () => {
    assert.equal(notes.parse(' un\ttab\r\ndeux \n'), 'un\ttab\r\ndeux');
    assert.deepEqual(messages(name, 'Kim\nJong'), ['The name must be on one line.']);
    assert.equal(name.parse('\tKim Jong '), 'Kim Jong');
  });

  test('count length in code points, as PostgreSQL does, and say the limit', () => {
    assert.equal(name.parse('🙂'.repeat(10)), '🙂'.repeat(10));
    assert.deepEqual(messages(name, 'x'.repeat(11)), ['The name must be 10 characters or fewer.']);
    assert.deepEqual(messages(multiLineText({ label: 'Text', max: 2000 }), 'x'.repeat(2001)), ['Text must be 2,000 characters or fewer.']);
    assert.deepEqual(messages(singleLineText({ label: 'Code', max: 9, min: 3 }), 'ab'), ['Code must be at least 3 characters.']);
  });

  test('a required field is refused blank or missing, with its own message', () => {
    assert.deepEqual(messages(name, '   '), ['Enter the name.']);
    assert.deepEqual(messages(name, undefined), ['Enter the name.']);
  });

  test('optional text is null when empty, and checked otherwise', () => {
    const description = optionalText(multiLineText({ label: 'The description', max: 5 }));
    assert.equal(description.parse(undefined), null);
    assert.equal(description.parse('  '), null);
    assert.equal(description.parse(' ok '), 'ok');
    assert.deepEqual(messages(description, 'a\u0000'), [CONTROL_CHARACTERS_MESSAGE]);
  });

  test('whitespace can be kept, for quotes that must match their source', () => {
    assert.equal(multiLineText({ label: 'The quote', max: 20, keepWhitespace: true }).parse(' « oui » '), ' « oui » ');
  });

  test('Markdown is refused when it nests deeper than the renderer takes', () => {
    const explanation = markdownText({ label: 'Explanation', max: 20_000 });
    assert.equal(explanation.parse('> une citation\n>> dans une citation\n\n- a\n  - b'), '> une citation\n>> dans une citation\n\n- a\n  - b');
    assert.deepEqual(messages(explanation, `${'>'.repeat(2000)} x`), [
      'Explanation nests quotes or lists more than 20 levels deep: remove some of the “>” or list markers.',
    ]);
  });
});

describe('ids and slugs', () => {
  test('a control character, a blank or an overlong value is the field’s one message', () => {
    const id = idField('This claim no longer exists.');
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
    const version = intField({ min: 1, message: 'Reload the page and try again.' });
    assert.equal(version.parse('2147483647'), INT4_MAX);
    for (const value of ['2147483648', '99999999999999999999', '0', '-1', '1.5', 'abc', '1e400']) {
      assert.deepEqual(messages(version, value), ['Reload the page and try again.'], value);
    }
  });

  test('name the value in generated messages', () => {
    const limit = intField({ label: 'limit', min: 1, max: 100 });
    assert.deepEqual(messages(limit, '101'), ['limit must be at most 100']);
    assert.deepEqual(messages(limit, '0'), ['limit must be at least 1']);
    assert.deepEqual(messages(limit, '2.5'), ['limit must be a whole number']);
    assert.deepEqual(messages(limit, 'many'), ['limit must be a number']);
  });

  test('optional numbers are null when blank', () => {
    const offset = optionalIntField({ min: 0, message: 'Select the passage again.' });
    assert.equal(offset.parse(undefined), null);
    assert.equal(offset.parse(' '), null);
    assert.equal(offset.parse('12'), 12);
    assert.deepEqual(messages(offset, '2147483648'), ['Select the passage again.']);
  });
});
