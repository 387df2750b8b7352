import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { messagesInEnglish } from '../testing/messages';
import { createClaimant, updateClaimant } from './mutations';
import { findClaimantForEdit } from './queries';
import { createClaimantSchema, updateClaimantSchema } from './schema';

// A claimant's "Same as" links (ClaimReview's author.sameAs): one http(s)
// address per line, saved, audited like every other field, read back by the form.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

describe('claimant sameAs', () => {
  test('the seed identifies only claimants whose identifiers were checked', async () => {
    const rows = await db.sql<{ slug: string; same_as: string[] }[]>`SELECT slug, same_as FROM claimants WHERE cardinality(same_as) > 0 ORDER BY slug`;
    assert.deepEqual(
      rows.map((row) => [row.slug, row.same_as[0]]),
      [
        ['kim-jong-un', 'https://www.wikidata.org/wiki/Q56226'],
        ['mark-rutte', 'https://www.wikidata.org/wiki/Q57792'],
        ['otan', 'https://www.wikidata.org/wiki/Q7184'],
        ['volodymyr-zelensky', 'https://www.wikidata.org/wiki/Q3874799'],
      ],
    );
  });

  test('the form reads one address per line, normalised, without blanks or repeats', () => {
    const parsed = createClaimantSchema.parse({
      name: 'Kim Yo-jong',
      kind: 'PERSON',
      sameAs: '  https://WWW.Example.org/who/kim-yo-jong \r\n\nhttps://www.example.org/who/kim-yo-jong\nhttps://encyclopedia.example.net/Kim_Yo-jong#career\n',
    });
    assert.deepEqual(parsed.sameAs, ['https://www.example.org/who/kim-yo-jong', 'https://encyclopedia.example.net/Kim_Yo-jong']);
    assert.deepEqual(createClaimantSchema.parse({ name: 'X', kind: 'PERSON' }).sameAs, [], 'absent: none');
    assert.deepEqual(createClaimantSchema.parse({ name: 'X', kind: 'PERSON', sameAs: ' \n ' }).sameAs, [], 'blank: none');
  });

  test('a line that is not an http(s) address is refused next to the field, naming the line', () => {
    for (const line of ['wikidata Q56226', 'javascript:alert(1)', 'ftp://example.org/x', 'www.example.org']) {
      const result = createClaimantSchema.safeParse({ name: 'X', kind: 'PERSON', sameAs: `https://example.org/ok\n${line}` });
      assert.equal(result.success, false, line);
      assert.deepEqual(messagesInEnglish(result.error?.flatten().fieldErrors.sameAs), [
        `“${line}” is not a web address: each line must start with http:// or https://.`,
      ]);
    }
    const many = Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`).join('\n');
    assert.deepEqual(messagesInEnglish(createClaimantSchema.safeParse({ name: 'X', kind: 'PERSON', sameAs: many }).error?.flatten().fieldErrors.sameAs), [
      'Give at most 20 addresses.',
    ]);
    const control = createClaimantSchema.safeParse({ name: 'X', kind: 'PERSON', sameAs: 'https://example.org/\u0000' });
    assert.equal(control.success, false, 'control characters are refused');
  });

  test('create and update save the links with an audit row holding them before and after', async () => {
    const { editor } = db.actors;
    const created = await createClaimant(editor, createClaimantSchema.parse({ name: 'Kim Yo-jong', kind: 'PERSON', country: 'KP', sameAs: 'https://www.example.org/who/kim-yo-jong' }));
    const saved = await findClaimantForEdit(editor, created.id);
    assert.deepEqual(saved?.sameAs, ['https://www.example.org/who/kim-yo-jong']);

    await updateClaimant(
      editor,
      updateClaimantSchema.parse({ id: created.id, version: String(saved?.version), name: 'Kim Yo-jong', kind: 'PERSON', country: 'KP', sameAs: 'https://encyclopedia.example.net/Kim_Yo-jong' }),
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Claimant', entityId: created.id, action: 'claimant.update' } });
    assert.deepEqual((audit.before as { sameAs: string[] }).sameAs, ['https://www.example.org/who/kim-yo-jong']);
    assert.deepEqual((audit.after as { sameAs: string[] }).sameAs, ['https://encyclopedia.example.net/Kim_Yo-jong']);
  });
});
