import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LABELLED_ARTICLES } from '../../seed/fixtures/quote-suggestions/labels';
import { readSeedArticles } from '../../seed/articles';
import { codePointLength, locateQuote, sliceCodePoints } from '../quotes/anchor';
import { importArticle } from '../sources/import-article';
import { type QuoteSuggestion, suggestQuotes } from './detect';
import { onlySuggestion } from './testing';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function assertContract(text: string, suggestions: readonly QuoteSuggestion[]): void {
  let previousEnd = 0;
  for (const suggestion of suggestions) {
    assert.equal(sliceCodePoints(text, suggestion.start, suggestion.end), suggestion.quote);
    assert.ok(suggestion.start >= previousEnd, `overlap or disorder at ${suggestion.quote}`);
    assert.ok(suggestion.contextStart <= suggestion.start && suggestion.end <= suggestion.contextEnd);
    assert.ok(suggestion.contextEnd <= codePointLength(text));
    assert.equal(suggestion.quote, suggestion.quote.trim());
    previousEnd = suggestion.end;
  }
}

describe('suggestQuotes: quoted speech', () => {
  test('guillemets with French no-break spaces: the words only, spaces and marks excluded', () => {
    const text = `«${NBSP}Nous ne reculerons pas devant la menace${NBSP}», a déclaré la ministre Anne Morel.`;
    const suggestion = onlySuggestion(text);
    assert.equal(suggestion.kind, 'DIRECT');
    assert.equal(suggestion.quote, 'Nous ne reculerons pas devant la menace');
    assert.equal(suggestion.speaker, 'Anne Morel');
    assert.equal(suggestion.cue, 'a déclaré');
    assert.equal(suggestion.stance, 'ASSERTS');
    const narrow = onlySuggestion(`«${NNBSP}Le budget sera voté en mars${NNBSP}», a assuré Paul Henri.`);
    assert.equal(narrow.quote, 'Le budget sera voté en mars');
  });

  test('nested quotes stay inside the outer quote', () => {
    const french = onlySuggestion(`«${NBSP}Quand un habitant m’écrit “je ne peux plus payer”, je l’écoute${NBSP}», a lancé Karim Benali.`);
    assert.equal(french.quote, 'Quand un habitant m’écrit “je ne peux plus payer”, je l’écoute');
    const guillemetsInGuillemets = onlySuggestion('« Le ministre nous a dit : « Vous aurez vos postes. » Nous attendons », a raconté Léa Martin.');
    assert.equal(guillemetsInGuillemets.quote, 'Le ministre nous a dit : « Vous aurez vos postes. » Nous attendons');
    const english = onlySuggestion('“When residents tell me ‘I no longer feel safe,’ I listen,” said Greg O’Malley.', 'en');
    assert.equal(english.quote, 'When residents tell me ‘I no longer feel safe,’ I listen');
    assert.equal(english.speaker, 'Greg O’Malley');
  });

  test('a quote over several paragraphs (no closing mark, reopened at the next paragraph) is attributed at its end', () => {
    const text =
      '“We have cut waiting lists in every region of the country, and we will keep going.\n\n' +
      '“Nobody should wait a year for an operation,” said Health Minister Wes Streeting.';
    const suggestions = suggestQuotes(text, 'en');
    assert.deepEqual(
      suggestions.map((s) => [s.quote, s.speaker]),
      [
        ['We have cut waiting lists in every region of the country, and we will keep going.', 'Wes Streeting'],
        ['Nobody should wait a year for an operation', 'Wes Streeting'],
      ],
    );
    assertContract(text, suggestions);
  });

  test('straight quotes pair up; inch marks and unclosed marks do not make quotes', () => {
    const suggestion = onlySuggestion('Il a ajouté : "Ces développements peuvent menacer la région", selon Mark Rutte.');
    assert.equal(suggestion.quote, 'Ces développements peuvent menacer la région');
    assert.deepEqual(suggestQuotes('Un écran de 27" et un autre de 32" ont été livrés hier matin à la mairie.', 'fr'), []);
    assert.deepEqual(suggestQuotes('Il a déclaré « sans jamais fermer la marque ouverte avant la fin', 'fr'), []);
  });

  test('one- and two-word quotes are scare quotes, not suggestions', () => {
    assert.deepEqual(suggestQuotes('Le pays soutient la Russie jusqu’à la « victoire » dans sa « guerre sainte ».', 'fr'), []);
  });

  test('the speaker after an inverted verb, a pronoun or a role refers back to the person named before', () => {
    const text =
      'La maire de Montbrison, Hélène Dufresne, a défendu la hausse. « Sans elle, nous ne pourrons rien réparer », a-t-elle déclaré. ' +
      '« Les tuyaux datent de 1950 et fuient partout », a ajouté la maire.';
    const [first, second] = suggestQuotes(text, 'fr');
    assert.equal(first?.speaker, 'Hélène Dufresne');
    assert.equal(first?.cue, 'a-t-elle déclaré');
    assert.equal(second?.speaker, 'Hélène Dufresne');
  });

  test('a capitalised "Son" or "La" inside a name is part of it ("Choe Son Hui", "Paul de La Tour")', () => {
    assert.equal(onlySuggestion('« Nous serons aux côtés de nos camarades », a déclaré la ministre Choe Son Hui.').speaker, 'Choe Son Hui');
    assert.equal(onlySuggestion('« Nous respectons la loi », a déclaré le ministre de la Santé, Julien Morel.').speaker, 'Julien Morel');
  });

  test('a spokesperson speaks for the institution named after it', () => {
    assert.equal(onlySuggestion('“We have never signed anything,” a spokesperson for the company told reporters.', 'en').speaker, 'the company');
    assert.equal(onlySuggestion('« Nous respectons la loi », a précisé un porte-parole du ministère de la Santé.').speaker, 'ministère de la Santé');
    assert.equal(onlySuggestion('« Nous respectons la loi », a précisé un porte-parole.').speaker, null);
  });

  test('a capitalised French role is a title too; "a réagi"; "selon nos informations" is the newspaper itself', () => {
    assert.equal(onlySuggestion("« Il n'y aura pas de hausse d'impôts », a promis le Premier ministre, François Bayrou, dimanche.").speaker, 'François Bayrou');
    assert.equal(onlySuggestion('« C’est un mensonge éhonté », a réagi le porte-parole du gouvernement, Gabriel Attal.').speaker, 'Gabriel Attal');
    assert.equal(onlySuggestion('Selon nos informations, le projet de loi sera présenté en conseil des ministres le 15 mars.').speaker, null);
  });

  test('titles are not part of the speaker: "le président russe Vladimir Poutine" → "Vladimir Poutine"', () => {
    const suggestion = onlySuggestion('Le président russe Vladimir Poutine a déclaré que « la Russie ne cédera jamais sur ce point ».');
    assert.equal(suggestion.speaker, 'Vladimir Poutine');
    const institution = onlySuggestion('Le Kremlin a affirmé que les sanctions occidentales avaient échoué.');
    assert.equal(institution.speaker, 'Le Kremlin');
  });
});

describe('suggestQuotes: indirect speech', () => {
  test('verb of saying + que: the clause, up to the end of the sentence', () => {
    const suggestion = onlySuggestion('Le secrétaire d’Etat américain Antony Blinken a déclaré que 10 000 soldats nord-coréens seraient entrés en Russie.');
    assert.equal(suggestion.kind, 'INDIRECT');
    assert.equal(suggestion.quote, '10 000 soldats nord-coréens seraient entrés en Russie');
    assert.equal(suggestion.speaker, 'Antony Blinken');
    assert.equal(suggestion.cue, 'a déclaré');
  });

  test("qu' before a vowel, words between the verb and que", () => {
    const suggestion = onlySuggestion('Mark Rutte a avancé mercredi 4 décembre qu’en échange de soldats, la Russie apportait son aide.');
    assert.equal(suggestion.quote, 'en échange de soldats, la Russie apportait son aide');
    assert.equal(suggestion.speaker, 'Mark Rutte');
  });

  test('a clause around a quote wins when it has words of its own, otherwise the quote does', () => {
    const clause = onlySuggestion('Choe Son Hui a déclaré que son pays allait « renforcer son arsenal nucléaire ».');
    assert.equal(clause.kind, 'INDIRECT');
    assert.equal(clause.quote, 'son pays allait « renforcer son arsenal nucléaire »');
    const quote = onlySuggestion('Paul de La Tour a assuré que la commune « n’avait reçu aucune subvention depuis trois ans ».');
    assert.equal(quote.kind, 'DIRECT');
    assert.equal(quote.quote, 'n’avait reçu aucune subvention depuis trois ans');
    assert.equal(quote.speaker, 'Paul de La Tour');
  });

  test('selon X, and a sentence-final ", selon X"', () => {
    const leading = onlySuggestion('Selon la chambre régionale des comptes, le budget de l’eau était excédentaire en 2023.');
    assert.equal(leading.quote, 'le budget de l’eau était excédentaire en 2023');
    assert.equal(leading.speaker, 'la chambre régionale des comptes');
    assert.equal(leading.cue, 'Selon');
    const trailing = onlySuggestion('La Corée du Nord a envoyé 12 000 hommes en Russie pour aider Moscou, selon les Occidentaux.');
    assert.equal(trailing.quote, 'La Corée du Nord a envoyé 12 000 hommes en Russie pour aider Moscou');
    assert.equal(trailing.speaker, 'les Occidentaux');
    const dapres = onlySuggestion("D'après l'Insee, le nombre de médecins a baissé de 11 % en dix ans.");
    assert.equal(dapres.speaker, "l'Insee");
  });

  test('replies are statements: "a répliqué", "a renchéri"', () => {
    assert.equal(onlySuggestion('« La direction a supprimé 3 000 postes en cinq ans », a répliqué Sophie Garnier.').speaker, 'Sophie Garnier');
  });

  test('set phrases of saying: "a fait savoir que", "a mis en garde"', () => {
    const suggestion = onlySuggestion("L'Elysée a fait savoir que le président ne se rendrait pas à Moscou.");
    assert.equal(suggestion.quote, 'le président ne se rendrait pas à Moscou');
    assert.equal(suggestion.cue, 'a fait savoir');
    assert.equal(suggestion.speaker, "L'Elysée");
  });

  test('"Pour X, …" attributes like selon when X is a person or a body, not "Pour la première fois"', () => {
    assert.equal(onlySuggestion('Pour le ministre Julien Morel, « la situation est sous contrôle depuis hier ».').speaker, 'Julien Morel');
    assert.equal(onlySuggestion('Pour les syndicats, cette réforme est une provocation.').speaker, 'les syndicats');
    assert.deepEqual(suggestQuotes('Pour la première fois, le gouvernement a publié les chiffres.', 'fr'), []);
    assert.deepEqual(suggestQuotes("Pour l'instant, le gouvernement a publié les chiffres.", 'fr'), []);
  });

  test('accusations: the accused and what they are accused of', () => {
    const active = onlySuggestion('Jeudi, la Corée du Sud, grand rival de Pyongyang, a accusé son voisin d’avoir livré des munitions à la Russie.');
    assert.equal(active.quote, 'son voisin d’avoir livré des munitions à la Russie');
    assert.equal(active.speaker, 'la Corée du Sud');
    const passive = onlySuggestion('Pyongyang est accusé par l’Occident de fournir des obus à l’armée russe.');
    assert.equal(passive.quote, 'de fournir des obus à l’armée russe');
    assert.equal(passive.speaker, 'l’Occident');
  });
});

describe('suggestQuotes: denials', () => {
  const denials: [string, string, string][] = [
    ['Le ministre russe Sergueï Lavrov a nié ces accusations, les qualifiant de trompeuses.', 'Sergueï Lavrov', 'a nié'],
    ['L’agence de l’eau Loire-Bretagne a démenti cette affirmation.', 'L’agence de l’eau Loire-Bretagne', 'a démenti'],
    ['Le ministère dément ce chiffre.', 'Le ministère', 'dément'],
    ['Le laboratoire Veridis rejette ces accusations.', 'Veridis', 'rejette'],
    ['Le Kremlin a qualifié ces informations de « fausses nouvelles ».', 'Le Kremlin', 'a qualifié'],
    ['Moscou a qualifié le rapport de pure propagande.', 'Moscou', 'a qualifié'],
    ['La directrice Claire Van der Berg qualifie la campagne de mensonge organisé.', 'Claire Van der Berg', 'qualifie'],
    ['Le porte-parole du Kremlin, Dmitri Peskov, a qualifié ces informations de « pure fiction ».', 'Dmitri Peskov', 'a qualifié'],
  ];
  for (const [text, speaker, cue] of denials) {
    test(`${cue}: the sentence, stance DENIES`, () => {
      const suggestion = onlySuggestion(text);
      assert.equal(suggestion.stance, 'DENIES');
      assert.equal(suggestion.kind, 'INDIRECT');
      assert.equal(suggestion.quote, text.replace(/\.$/u, ''));
      assert.equal(suggestion.speaker, speaker);
      assert.equal(suggestion.cue, cue);
    });
  }

  test('passive denial: the agent is the speaker', () => {
    const suggestion = onlySuggestion('Ces affirmations ont été démenties par la Corée du Nord, qui les a qualifiées de rumeurs sans fondement.');
    assert.equal(suggestion.stance, 'DENIES');
    assert.equal(suggestion.speaker, 'la Corée du Nord');
  });

  test('a characterisation that is not a denial stays ASSERTS and is not suggested on its own', () => {
    assert.deepEqual(suggestQuotes('La Corée du Nord a soutenu l’invasion, la qualifiant de réponse défensive.', 'fr'), []);
  });

  test('a denial sentence keeps what is said after it; a quote attributed by a participle of a denial denies', () => {
    const sentence = onlySuggestion('Harbourline called the allegations “baseless” and said the papers were early drafts.', 'en');
    assert.equal(sentence.quote, 'Harbourline called the allegations “baseless” and said the papers were early drafts');
    assert.equal(sentence.stance, 'DENIES');
    const participle = onlySuggestion('La direction a démenti ce chiffre, évoquant « moins de 1 200 départs non remplacés ».');
    assert.equal(participle.quote, 'moins de 1 200 départs non remplacés');
    assert.equal(participle.stance, 'DENIES');
    const claims = onlySuggestion('A spokesman for the mayor’s office rejected claims that City Hall had pressured planners.', 'en');
    assert.equal(claims.quote, 'City Hall had pressured planners');
    assert.equal(claims.stance, 'DENIES');
    assert.equal(claims.speaker, 'the mayor’s office');
  });

  test('English: denied that, dismissed … as “…”, rejected', () => {
    const denied = onlySuggestion('The mayor, Dana Whitfield, on Monday denied that the new bus lanes had made roads more dangerous.', 'en');
    assert.equal(denied.quote, 'the new bus lanes had made roads more dangerous');
    assert.equal(denied.stance, 'DENIES');
    assert.equal(denied.speaker, 'Dana Whitfield');
    const dismissed = onlySuggestion('Councillor Greg O’Malley, who opposes the scheme, dismissed the figures as “a statistical trick that ignores side streets.”', 'en');
    assert.equal(dismissed.kind, 'DIRECT');
    assert.equal(dismissed.stance, 'DENIES');
    assert.equal(dismissed.speaker, 'Greg O’Malley');
    const rejected = onlySuggestion('The county ambulance service rejected the claim outright.', 'en');
    assert.equal(rejected.stance, 'DENIES');
    assert.equal(rejected.speaker, 'The county ambulance service');
  });
});

describe('suggestQuotes: English attribution', () => {
  test('“…,” she said / said X / X said / according to / said without "that"', () => {
    const text =
      'The police chief, Maria Gonzalez-Reyes, spoke on Monday. “Speed remains the main cause of deaths on our roads,” she said. ' +
      '“We will not give up on this,” said Tom Ashdown. ' +
      'According to the transport department, two of those deaths happened before the lanes opened. ' +
      'Whitfield said the council would publish the full crash data next month.';
    const suggestions = suggestQuotes(text, 'en');
    assert.deepEqual(
      suggestions.map((s) => [s.kind, s.quote, s.speaker, s.cue]),
      [
        ['DIRECT', 'Speed remains the main cause of deaths on our roads', 'Maria Gonzalez-Reyes', 'said'],
        ['DIRECT', 'We will not give up on this', 'Tom Ashdown', 'said'],
        ['INDIRECT', 'two of those deaths happened before the lanes opened', 'the transport department', 'According to'],
        ['INDIRECT', 'the council would publish the full crash data next month', 'Whitfield', 'said'],
      ],
    );
  });

  test('"said season-ticket holder Margaret Ellis": a role without determiner before the name', () => {
    assert.equal(onlySuggestion('“I have been coming here for forty years,” said season-ticket holder Margaret Ellis, 71.', 'en').speaker, 'Margaret Ellis');
  });

  test('English titles and offices are not the speaker ("Secretary of State Antony Blinken", "President Joe Biden")', () => {
    assert.equal(onlySuggestion('“This is a dangerous escalation,” Secretary of State Antony Blinken said in a statement.', 'en').speaker, 'Antony Blinken');
    assert.equal(onlySuggestion('Health Minister Wes Streeting said the plan would cut waiting lists.', 'en').speaker, 'Wes Streeting');
    assert.equal(onlySuggestion('President Joe Biden said the attack was “unacceptable and outrageous”.', 'en').speaker, 'Joe Biden');
  });

  test('the language tag may carry a region', () => {
    assert.equal(onlySuggestion('“We will not give up on this,” said Tom Ashdown.', 'en-GB').speaker, 'Tom Ashdown');
    assert.equal(onlySuggestion('« Nous ne céderons rien du tout », a déclaré Anne Morel.', 'fr-FR').speaker, 'Anne Morel');
  });
});

describe('suggestQuotes: offsets', () => {
  test('offsets count code points, not UTF-16 units, after astral characters', () => {
    const text = '🇰🇵 Pyongyang 🚀 dément. « Nous resterons aux côtés de nos camarades russes », a déclaré Choe Son Hui.';
    const direct = suggestQuotes(text, 'fr').find((s) => s.kind === 'DIRECT');
    assert.ok(direct);
    assert.equal(sliceCodePoints(text, direct.start, direct.end), direct.quote);
    assert.equal(direct.quote, 'Nous resterons aux côtés de nos camarades russes');
    assert.notEqual(direct.start, text.indexOf(direct.quote), 'UTF-16 index and code-point offset differ here');
    assert.equal(direct.start, Array.from(text.slice(0, text.indexOf(direct.quote))).length);
    const [anchor] = locateQuote(text, direct.quote);
    assert.equal(anchor?.start, direct.start);
    assertContract(text, suggestQuotes(text, 'fr'));
  });

  test('empty and blank texts give nothing', () => {
    assert.deepEqual(suggestQuotes('', 'fr'), []);
    assert.deepEqual(suggestQuotes(' \n\n ', 'en'), []);
  });

  test('the context is the sentence around the quote', () => {
    const text = 'Premier point. « Nous ne céderons rien du tout », a déclaré Anne Morel. Dernier point.';
    const suggestion = onlySuggestion(text);
    assert.equal(sliceCodePoints(text, suggestion.contextStart, suggestion.contextEnd), '« Nous ne céderons rien du tout », a déclaré Anne Morel.');
  });
});

describe('suggestQuotes on the archived seed and fixture articles: the contract the UI relies on', () => {
  for (const article of readSeedArticles()) {
    test(`seed article ${article.key}: in order, no overlaps, quote = sliceCodePoints, locateQuote finds it at start`, () => {
      const imported = importArticle(article.rawText);
      const suggestions = suggestQuotes(imported.text, imported.language ?? 'und');
      assert.ok(suggestions.length > 0);
      assertContract(imported.text, suggestions);
      for (const suggestion of suggestions) {
        const anchors = locateQuote(imported.text, suggestion.quote);
        assert.ok(
          anchors.some((anchor) => anchor.start === suggestion.start && anchor.end === suggestion.end),
          `locateQuote does not find "${suggestion.quote}" at ${suggestion.start}`,
        );
      }
    });
  }

  test('every fixture article keeps the contract too', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    for (const article of LABELLED_ARTICLES) {
      const text = importArticle(readFileSync(join(root, article.file), 'utf8')).text;
      assertContract(text, suggestQuotes(text, article.language));
    }
  });
});

describe('suggestQuotes: performance and pathological input', () => {
  test('a 2 MB article: measured and printed, not timed', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const corpus = LABELLED_ARTICLES.map((article) => importArticle(readFileSync(join(root, article.file), 'utf8')).text).join('\n\n');
    const copies = Math.ceil((2 * 1024 * 1024) / corpus.length);
    const text = Array.from({ length: copies }, () => corpus).join('\n\n');
    // Three runs: the first pays for the JIT warming up, the others are what a running server sees. CPU time is
    // printed next to wall time because the test machine is shared: wall time grows with the load, CPU time not.
    const timings: string[] = [];
    let suggestions: QuoteSuggestion[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      suggestions = suggestQuotes(text, 'fr');
      const used = process.cpuUsage(cpu);
      timings.push(`${(performance.now() - started).toFixed(0)} ms wall / ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
    }
    console.log(
      `suggestQuotes on ${(text.length / 1024 / 1024).toFixed(1)} MB (${copies} copies of the fixture): ` +
        `${suggestions.length} suggestions in ${timings.join(', ')} (cold, then warm)`,
    );
    assert.ok(suggestions.length > copies * 50);
  });

  test('no quadratic path: three 1-2 MB shapes that once took 8 s or more each, measured in CPU time', () => {
    // Each shape hit one loop that walked a whole list for every item: the denials of a document against all its
    // candidates, the cues before every participle of one long sentence, the 8,000 characters before every
    // one-word speaker. Linear work takes well under a second of CPU on any of them; the budget is generous so
    // that only a quadratic path exceeds it, whatever the load of the machine (CPU time, not wall time). Before the
    // fixes they took 10.3 s, 15.9 s and 10.6 s of CPU; after, 0.7 s, 0.4 s and 1.0 s. The text of denials is 2 MB
    // because at 1 MB its quadratic loop stayed under the budget (about a quarter of 10 s).
    const budgetMs = 4000;
    const inputs = [
      'Le Kremlin a démenti les faits et a dit que la chose est faite. '.repeat(Math.ceil((2 * 1024 * 1024) / 64)),
      `Il nie ${'« un deux trois » disant '.repeat(Math.ceil((1024 * 1024) / 25))}.`,
      '« un deux trois », a déclaré Paul. '.repeat(30_000),
    ];
    const overBudget: string[] = [];
    for (const input of inputs) {
      const cpu = process.cpuUsage();
      const suggestions = suggestQuotes(input, 'fr');
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      console.log(`pathological input of ${(input.length / 1024 / 1024).toFixed(1)} MB ("${input.slice(0, 24)}…"): ` +
        `${suggestions.length} suggestions in ${cpuMs.toFixed(0)} ms CPU`);
      if (cpuMs > budgetMs) overBudget.push(`${cpuMs.toFixed(0)} ms CPU > ${budgetMs} ms on "${input.slice(0, 24)}…"`);
    }
    assert.equal(overBudget.join('\n'), '');
  });

  test('finishes on 100,000 quote marks without spaces, and on other degenerate inputs', () => {
    const inputs = [
      '"'.repeat(100_000),
      '«'.repeat(50_000) + '»'.repeat(50_000),
      '«a»'.repeat(33_000),
      '“'.repeat(50_000) + '»'.repeat(50_000),
      '"a'.repeat(50_000),
      `« ${'mot '.repeat(30_000)}»`,
      `${'a déclaré que '.repeat(10_000)}.`,
      `${'selon '.repeat(20_000)},`,
      'x'.repeat(200_000),
      `${'Il a dit. '.repeat(20_000)}`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      const suggestions = suggestQuotes(input, 'fr');
      const elapsed = performance.now() - started;
      assert.ok(Array.isArray(suggestions));
      console.log(`degenerate input of ${input.length} chars ("${input.slice(0, 12)}…"): ${elapsed.toFixed(0)} ms`);
    }
  });
});
