import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { message } from '../i18n/message';
import { catalogueKeysUsed, parse, plainMessages, typeScriptFiles } from './message-scan';
import { catalogueEntries, inEnglish, inFrench, translatorFor } from './messages';

// lib/ writes what it says to the user as catalogue messages, translated
// where the action answers the form. These checks read the source and the
// catalogues, so that a key missing from one language, a message that does
// not format, or a sentence still written in English fails here.

const catalogues = { en: catalogueEntries('en'), fr: catalogueEntries('fr') };

/** The folders whose user-facing text this branch moved into the catalogues. */
const CONVERTED = [
  'lib/validation',
  'lib/mutations',
  'lib/actions',
  'lib/permissions.ts',
  'lib/claims',
  'lib/claimants',
  'lib/appearances',
  'lib/relations',
  'lib/verdicts/schema.ts',
  'lib/verdicts/mutations.ts',
  'lib/verdicts/review-mutations.ts',
  'lib/verdicts/shared-mutations.ts',
  'lib/verdicts/evidence.ts',
  'lib/verdicts/labels.ts',
  'lib/verdicts/actions.ts',
  'lib/markdown',
  'lib/quotes',
];
const isTest = (file: string) => file.endsWith('.test.ts');
const convertedFiles = CONVERTED.flatMap((entry) => (entry.endsWith('.ts') ? [entry] : typeScriptFiles(entry))).filter((file) => !isTest(file));

/** The namespaces lib/ writes into (the others belong to pages). */
const LIB_NAMESPACES = ['errors', 'validation', 'actionMessages', 'labels'];

/** A sample value for each ICU argument, by its name. */
function sampleValue(name: string): string | number | Date {
  if (name === 'at') return new Date('2026-12-01T09:30:00Z');
  if (['count', 'max', 'min'].includes(name)) return 2000;
  if (name === 'what') return 'claim';
  if (name === 'tagsSaved') return 'yes';
  return `⟨${name}⟩`;
}

/** The argument names of an ICU message: {name}, {name, plural, …}, {name, date, …}. */
function argumentsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((match) => match[1] ?? ''))].sort();
}

describe('lib/ speaks through the catalogues', () => {
  test('every catalogue key lib/ names exists in both languages', () => {
    // Tests are left out: some name keys that do not exist, on purpose.
    const used = typeScriptFiles('lib').filter((file) => !isTest(file)).flatMap((file) => catalogueKeysUsed(parse(file)));
    assert.ok(used.length > 100, `only ${used.length} keys found: is the scan still reading message(…) calls?`);
    const missing = used.flatMap(({ key, at }) =>
      (['en', 'fr'] as const).filter((locale) => !catalogues[locale].has(key)).map((locale) => `${at}: ${key} (${locale}.json)`),
    );
    assert.deepEqual(missing, []);
  });

  test('every message of lib/’s namespaces formats in both languages, with the same arguments', () => {
    const problems: string[] = [];
    for (const [key, english] of catalogues.en) {
      if (!LIB_NAMESPACES.includes(key.split('.')[0] ?? '')) continue;
      const french = catalogues.fr.get(key) ?? '';
      if (argumentsOf(english).join() !== argumentsOf(french).join()) problems.push(`${key}: ${argumentsOf(english).join()} in English, ${argumentsOf(french).join()} in French`);
      const values = Object.fromEntries(argumentsOf(english).map((name) => [name, sampleValue(name)]));
      for (const locale of ['en', 'fr'] as const) {
        try {
          translatorFor(locale)(key, values);
        } catch (error) {
          problems.push(`${key} (${locale}): ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('no plain sentence is left as a refusal, a zod message or a field builder’s message', () => {
    assert.ok(convertedFiles.length > 40, `only ${convertedFiles.length} files scanned`);
    assert.deepEqual(convertedFiles.flatMap((file) => plainMessages(parse(file))), []);
  });

  test('the scan finds each kind of plain sentence', () => {
    const sample = parse(
      'sample.ts',
      `
      new MutationError('INVALID_STATE', 'This claim is archived.', { claimant: ['Choose another one.'] });
      new MutationError('NOT_FOUND', \`No claim is called \${name}.\`);
      class QuoteError extends MutationError { constructor() { super('INVALID_STATE', 'Check the quote.'); } }
      z.string({ error: 'Enter a summary.' }).min(1, 'Enter a summary.').regex(/x/, 'Not a code.');
      ctx.addIssue({ code: 'custom', message: 'Too deep.' });
      singleLineText({ max: 10, required: 'Enter the name.', tooLong: 'Too long.' });
      idField('This claim no longer exists.');
      export function slugField(refusal = 'This address does not name a claim.') {}
      const NOT_IN_SOURCE = 'This quote is not in the source text';
      function appearsMessage(count: number) { return \`This quote appears \${count} times.\`; }
      new MutationError('INVALID_STATE', NOT_IN_SOURCE, { quote: [appearsMessage(3)] });
      // Catalogue messages pass:
      new MutationError('INVALID_STATE', message('errors.claim.archived'), { claimant: [message('errors.claimant.gone')] });
      const REQUIRED = message('validation.claim.summaryRequired');
      z.string({ error: message('validation.claim.summaryRequired') }).min(1, REQUIRED).max(5);
      `,
    );
    assert.equal(plainMessages(sample).length, 14, plainMessages(sample).join('\n'));
  });
});

describe('the test helpers', () => {
  test('translate a catalogue message, and keep a plain string', () => {
    assert.equal(inEnglish(message('errors.quote.ambiguous', { count: 3 })), 'This quote appears 3 times in the source: choose which one.');
    assert.equal(inFrench(message('errors.quote.ambiguous', { count: 3 })), 'Cette citation apparaît 3 fois dans la source\u00a0: choisissez laquelle.');
    assert.equal(inEnglish('Already in words.'), 'Already in words.');
  });

  test('fail on a key that no catalogue has, rather than show it', () => {
    assert.throws(() => inEnglish(message('errors.noSuchMessage')), /errors\.noSuchMessage/);
  });
});
