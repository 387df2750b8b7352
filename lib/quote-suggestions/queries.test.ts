import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addAppearance } from '../appearances/mutations';
import { addAppearanceSchema } from '../appearances/schema';
import { codePointLength, sliceCodePoints } from '../quotes/anchor';
import { createSource } from '../sources/mutations';
import { LABELLED_ARTICLES } from '../../seed/fixtures/quote-suggestions/labels';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { findLikelyClaimsOfSuggestions, listSourceQuoteSuggestions, matchSpeakersToClaimants, SPEAKER_MATCH_THRESHOLD, speakerNameForMatching } from './queries';

// Who said it: the speaker as an article writes it, matched against the
// claimants' names and aliases (pg_trgm on the folded names, through their
// index), and the suggestions of a source as the newsroom reads them.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

async function claimantName(speaker: string): Promise<string | null> {
  const matches = await matchSpeakersToClaimants(db.prisma, [speaker]);
  return matches.get(speaker)?.name ?? null;
}

describe('matching a speaker to a claimant', () => {
  test('the name, an alias, another spelling, accents and case folded', async () => {
    const expected: [string, string][] = [
      ['Antony Blinken', 'Antony Blinken'],
      ['Blinken', 'Antony Blinken'],
      ['ANTONY BLINKEN', 'Antony Blinken'],
      ['Antony J. Blinken', 'Antony Blinken'],
      ['Sergei Lavrov', 'Sergueï Lavrov'],
      ['Serguei Lavrov', 'Sergueï Lavrov'],
      ['Kim Jon-un', 'Kim Jong Un'],
      ['Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
      ['Zelenski', 'Volodymyr Zelensky'],
      ['NATO', 'OTAN'],
      ['Pyongyang', 'Gouvernement nord-coréen'],
      ['Séoul', 'Gouvernement sud-coréen'],
      ['seoul', 'Gouvernement sud-coréen'],
    ];
    for (const [speaker, name] of expected) assert.equal(await claimantName(speaker), name, speaker);
  });

  test('“le Kremlin”, “l’OTAN”, “la Corée du Sud”: the article is not part of the name', async () => {
    assert.equal(speakerNameForMatching('  le   Kremlin '), 'Kremlin');
    assert.equal(speakerNameForMatching('l’OTAN'), 'OTAN');
    assert.equal(await claimantName('le Kremlin'), 'Kremlin');
    assert.equal(await claimantName('the Kremlin'), 'Kremlin');
    assert.equal(await claimantName('l’OTAN'), 'OTAN');
    assert.equal(await claimantName('la Corée du Sud'), 'Gouvernement sud-coréen');
    // North and South are told apart, though they share most of their trigrams.
    assert.equal(await claimantName('la Corée du Nord'), 'Gouvernement nord-coréen');
  });

  test('someone who only shares part of a name is a new claimant, not a wrong match', async () => {
    for (const speaker of ['Kim Yo Jong', 'Sergueï Choïgou', 'Sergei Shoigu', 'Mark Carney', 'Dmitri Peskov', 'Vladimir Poutine', 'le président ukrainien', 'la ministre', 'John Kirby']) {
      assert.equal(await claimantName(speaker), null, speaker);
    }
  });

  test('the hand-labelled speakers of the seed articles: every name or alias of a claimant found, no wrong claimant', async () => {
    const speakers = [...new Set(LABELLED_ARTICLES.filter((article) => article.origin === 'seed').flatMap((article) => article.statements.flatMap((statement) => (statement.speaker ? [statement.speaker] : []))))];
    const matches = await matchSpeakersToClaimants(db.prisma, speakers);
    const found = Object.fromEntries(speakers.map((speaker) => [speaker, matches.get(speaker)?.name ?? null]));
    // Descriptions and people with no claimant are offered as new claimants. Three of them describe one
    // ("le président ukrainien" is Zelensky, "l’agence de presse d’État" KCNA, "services de renseignement
    // sud-coréens" scores 0.73): name matching does not guess from a description.
    const expected: Record<string, string | null> = {
      'La Corée du Nord': 'Gouvernement nord-coréen',
      'la Corée du Nord': 'Gouvernement nord-coréen',
      'la Corée du Sud': 'Gouvernement sud-coréen',
      'Choe Son-hui': 'Choe Son-hui',
      'Choe Son Hui': 'Choe Son-hui',
      'Antony Blinken': 'Antony Blinken',
      'Sergueï Lavrov': 'Sergueï Lavrov',
      'Volodymyr Zelensky': 'Volodymyr Zelensky',
      'Mark Rutte': 'Mark Rutte',
      'Le Kremlin': 'Kremlin',
      Kiev: 'Gouvernement ukrainien',
      'Kim Jong Un': 'Kim Jong Un',
      KCNA: 'KCNA',
      'l’OTAN': 'OTAN',
      'Shin Won-sik': 'Shin Won-sik',
    };
    for (const [speaker, name] of Object.entries(found)) {
      assert.equal(name, expected[speaker] ?? null, `${speaker} → ${name ?? 'new claimant'}`);
    }
    assert.ok(Object.values(found).filter((name) => name !== null).length >= 15, JSON.stringify(found));
  });

  test('one query for many names; the similarity is reported and at least the threshold', async () => {
    const matches = await matchSpeakersToClaimants(db.prisma, ['Blinken', 'Dmitri Peskov', 'Antony J. Blinken', 'Blinken', '   ']);
    assert.deepEqual([...matches.keys()].sort(), ['Antony J. Blinken', 'Blinken']);
    assert.equal(matches.get('Blinken')?.similarity, 1);
    assert.ok((matches.get('Antony J. Blinken')?.similarity ?? 0) >= SPEAKER_MATCH_THRESHOLD);
    assert.deepEqual(await matchSpeakersToClaimants(db.prisma, []), new Map());
  });
});

describe('the suggestions of a source', () => {
  const article = [
    'Moscou dément tout déploiement.',
    '',
    '« Il n’y a aucun soldat nord-coréen en Russie », a déclaré Antony Blinken mardi, avant de se reprendre.',
    '',
    'Le Kremlin a démenti ces informations, qu’il a qualifiées de « fausses nouvelles ».',
    '',
    '« Nous surveillons la situation de très près », a affirmé Dmitri Peskov, porte-parole du Kremlin.',
  ].join('\n');

  test('each suggestion has its quote, its sentence, its speaker matched or not, and what it is already logged as', async () => {
    const { id: sourceId } = await createSource(db.actors.editor, {
      rawText: article,
      title: 'Article de test des suggestions',
      url: null,
      publisher: 'Test',
      author: null,
      language: 'fr',
      publishedOn: null,
    });
    const { text } = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { text: true } });

    const before = await listSourceQuoteSuggestions(db.actors.editor, sourceId);
    assert.ok(before);
    assert.equal(before.language, 'fr');
    const blinken = before.suggestions.find((suggestion) => suggestion.quote.startsWith('Il n’y a aucun soldat'));
    assert.ok(blinken, JSON.stringify(before.suggestions.map((suggestion) => suggestion.quote)));
    assert.equal(blinken.id, `${blinken.start}-${blinken.end}`);
    assert.equal(sliceCodePoints(text, blinken.start, blinken.end), blinken.quote);
    assert.equal(blinken.speakerMatch?.name, 'Antony Blinken');
    assert.equal(blinken.loggedAs, null);
    assert.ok(blinken.context.after.includes('a déclaré Antony Blinken'), blinken.context.after);

    const peskov = before.suggestions.find((suggestion) => suggestion.quote.startsWith('Nous surveillons'));
    assert.ok(peskov);
    assert.equal(peskov.speaker, 'Dmitri Peskov');
    assert.equal(peskov.speakerMatch, null, 'Dmitri Peskov is not a claimant: the editor is offered a new one');

    // Logged: an appearance overlapping the passage names its claim.
    const blinkenId = (await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'antony-blinken' } })).id;
    const claim = await db.prisma.claim.create({
      data: { slug: 'blinken-aucun-soldat-test', text: 'Aucun soldat nord-coréen en Russie.', summary: 'Blinken : aucun soldat nord-coréen (test)', language: 'fr', claimantId: blinkenId, status: 'DRAFT' },
      select: { id: true, summary: true, claimantId: true },
    });
    const partOfTheQuote = 'aucun soldat nord-coréen';
    await addAppearance(
      db.actors.editor,
      addAppearanceSchema.parse({
        claimId: claim.id,
        sourceId,
        quote: partOfTheQuote,
        speakerId: claim.claimantId,
        stance: 'ASSERTS',
        selectionStart: String(codePointLength(text.slice(0, text.indexOf(partOfTheQuote)))),
      }),
    );
    const after = await listSourceQuoteSuggestions(db.actors.editor, sourceId);
    const logged = after?.suggestions.find((suggestion) => suggestion.id === blinken.id);
    assert.deepEqual(logged?.loggedAs, { claimId: claim.id, summary: claim.summary, language: 'fr' });
    assert.equal(after?.suggestions.find((suggestion) => suggestion.id === peskov.id)?.loggedAs, null);
  });

  test('a suggestion worded like a claim already logged names that claim; the others, and the logged ones, none', async () => {
    const { id: sourceId } = await createSource(db.actors.editor, {
      rawText: [
        'Soldats nord-coréens : ce que dit Washington',
        '',
        '« 10 000 soldats nord-coréens sont entrés en Russie », a déclaré Antony Blinken devant la presse.',
        '',
        '« Nous ouvrirons trois nouvelles écoles à la rentrée », a assuré la maire de la commune.',
      ].join('\n'),
      title: 'Article de test des claims probables',
      url: null,
      publisher: 'Test',
      author: null,
      language: 'fr',
      publishedOn: null,
    });
    const listed = await listSourceQuoteSuggestions(db.actors.editor, sourceId);
    assert.ok(listed);
    const likely = await findLikelyClaimsOfSuggestions(db.actors.editor, listed.suggestions);
    const soldiers = listed.suggestions.find((suggestion) => suggestion.quote.startsWith('10 000 soldats'));
    const schools = listed.suggestions.find((suggestion) => suggestion.quote.startsWith('Nous ouvrirons'));
    assert.ok(soldiers && schools, JSON.stringify(listed.suggestions.map((suggestion) => suggestion.quote)));
    assert.equal(likely.get(soldiers.id)?.slug, 'blinken-10-000-soldats-nord-coreens-en-russie');
    assert.equal(likely.has(schools.id), false, likely.get(schools.id)?.summary);
    const loggedOnly = listed.suggestions.map((suggestion) => ({ ...suggestion, loggedAs: { claimId: 'x', summary: 'x', language: 'fr' } }));
    assert.equal((await findLikelyClaimsOfSuggestions(db.actors.editor, loggedOnly)).size, 0);
  });

  test('null for a source that does not exist', async () => {
    assert.equal(await listSourceQuoteSuggestions(db.actors.moderator, 'no-such-source'), null);
  });
});
