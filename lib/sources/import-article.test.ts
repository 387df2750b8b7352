import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sha256OfText } from './hash';
import {
  cleanArticleText,
  detectLanguage,
  extractByline,
  extractPublishedDate,
  findWeekdayDate,
  importArticle,
  normaliseLines,
  parseBylineLine,
  parseDatelineLine,
  type ImportedArticle,
} from './import-article';
import {
  INLINE_TEASER_PATTERN,
  TEASER_LABEL_PATTERN,
  isAlwaysFurniture,
  matchKey,
} from './import-article-rules';

const ARTICLES_DIR = fileURLToPath(new URL('../../seed/articles/', import.meta.url));
/** Fixed so the year picked for "mercredi 4 décembre" does not depend on the clock. */
const RETRIEVED_AT = new Date('2025-01-15T10:00:00Z');

function readArticle(prefix: string): string {
  const file = readdirSync(ARTICLES_DIR).find((name) => name.startsWith(`${prefix}_`) && name.endsWith('.txt'));
  assert.ok(file, `seed article ${prefix} not found`);
  return readFileSync(join(ARTICLES_DIR, file), 'utf8');
}

const ARTICLE_IDS = ['000', '001', '002', '003', '004'] as const;
type ArticleId = (typeof ARTICLE_IDS)[number];
const raw = Object.fromEntries(ARTICLE_IDS.map((id) => [id, readArticle(id)])) as Record<ArticleId, string>;
const imported = Object.fromEntries(
  ARTICLE_IDS.map((id) => [id, importArticle(raw[id], { retrievedAt: RETRIEVED_AT })]),
) as Record<ArticleId, ImportedArticle>;

function textLines(article: ImportedArticle): string[] {
  return article.text.split('\n');
}

function isoDay(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

/** Would any rule drop this line on its own? Used to check nothing slipped through. */
function isFurnitureLine(line: string): boolean {
  const key = matchKey(line);
  return (
    isAlwaysFurniture(line) ||
    TEASER_LABEL_PATTERN.test(key) ||
    INLINE_TEASER_PATTERN.test(key) ||
    parseBylineLine(line) !== null ||
    parseDatelineLine(line) !== null
  );
}

/** Key sentences from each article that must survive verbatim. */
const KEY_SENTENCES: Record<ArticleId, string[]> = {
  '000': [
    'Les deux pays se sont considérablement rapprochées depuis que Vladimir Poutine s’est lancé à l’assaut de l’Ukraine en février 2022.',
    'Pyongyang et la Moscou témoignent à nouveau de leur rapprochement.',
    // No-break spaces inside « » and before the comma are kept as in the source.
    '«\u00A0alors le nombre de troupes nord-coréennes à nos frontières va croître\u00A0»,\u00A0a-t-il estimé.',
  ],
  '001': [
    'Photo de Choe Sun-hui ministre nord coréenne des Affaires étrangères.',
    'Lavrov a salué cette alliance renforcée entre Moscou et Pyongyang comme « un niveau de camaraderie militaire sans précédent ».',
    'Le Kremlin a également qualifié ces informations de fausses nouvelles.',
  ],
  '002': [
    'La Corée du Nord sera aux côtés de la Russie jusqu’à “sa victoire” en Ukraine',
    'Nous réaffirmons que nous serons toujours fermement aux côtés de nos camarades russes jusqu’au Jour de la Victoire », a déclaré la ministre Choe Son Hui',
    'la vôtre», s’est félicité le ministre russe Sergueï Lavrov. .',
    '“Nous n’avons pas encore vu ces troupes (nord-coréennes) se déployer pour combattre les forces ukrainiennes, mais nous nous attendons à ce que cela se produise dans les prochains jours”, a ajouté Antony Blinken.',
  ],
  '003': [
    'Vladimir Poutine et Kim Jong Un à Pyongyang, en Corée du Nord, le 19 juin 2024. ( POOL / VLADIMIR SMIRNOV )',
    'Le secrétaire général de l\'Otan, Mark Rutte, a avancé mercredi 4 décembre',
    'avant son retour à la Maison Blanche en janvier , de la nécessité',
    'Les deux alliés sont liés par un traité de défense mutuelle, ratifié récemment.',
  ],
  '004': [
    'Le leader nord-coréen Kim Jong Un a assuré un soutien indéfectible à la guerre de la Russie en Ukraine',
    'qualifiant cela de «\u00A0mesures anti-Russie\u00A0» de Washington',
    'Ce traité est considéré comme le plus grand accord de défense entre les deux pays depuis la fin de la guerre froide.',
  ],
};

describe('importArticle on the seed articles', () => {
  test('000: title is the first line, repeats (straight or typographic quotes) and furniture are dropped', () => {
    const article = imported['000'];
    const title =
      'La Corée du Nord assure à la Russie qu\'elle va "renforcer son arsenal nucléaire" et lui témoigne de son soutien jusqu\'à la "victoire" en Ukraine';
    assert.equal(article.title, title);
    assert.equal(article.author, null);
    assert.equal(article.publisher, null);
    assert.equal(isoDay(article.publishedAt), '2024-11-01');
    assert.equal(article.language, 'fr');

    const lines = textLines(article);
    assert.equal(lines[0], title);
    assert.equal(lines.filter((line) => line === title).length, 1);
    assert.ok(!article.text.includes('qu’elle va « renforcer son arsenal nucléaire » et lui témoigne'));
    for (const furniture of ['1 min de lecture', '01.11.2024', 'Laisser un commentaire', 'Your email address will not be published.', 'Dernières nouvelles']) {
      assert.ok(!lines.includes(furniture), furniture);
      assert.ok(article.removedLines.includes(furniture), furniture);
    }
    assert.ok(lines.includes('Des soldats nord-coréens en Russie'));
    assert.equal(article.removedLines.length, 7);
  });

  test('001: byline gives author and publisher, share widget and comment block are dropped', () => {
    const article = imported['001'];
    // The source has a no-break space before the colon (French typography); kept as is.
    assert.equal(
      article.title,
      'Opération militaire spéciale\u00A0: Pyongyang dit être aux côtés de Moscou jusqu’à sa victoire en Ukraine.',
    );
    assert.equal(article.author, 'Gaëlle Villeneuve');
    assert.equal(article.publisher, 'Afrique Première Tv');
    assert.equal(article.publishedAt, null, '"le 1er novembre" without a weekday does not date the article');
    assert.equal(article.language, 'fr');
    assert.deepEqual(article.removedLines, [
      'Spread the love',
      'Par\u00A0: Gaëlle Villeneuve / Afrique Première Tv',
      'Laisser un commentaire',
      'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
    ]);
    assert.ok(article.text.endsWith('Le Kremlin a également qualifié ces informations de fausses nouvelles.'));
  });

  test('002: no headline after "l’essentiel", teasers and their headlines are dropped', () => {
    const article = imported['002'];
    assert.equal(article.title, null);
    assert.equal(article.author, null);
    assert.equal(article.publisher, null);
    assert.equal(article.publishedAt, null);
    assert.equal(article.language, 'fr');
    assert.deepEqual(article.removedLines, [
      'l’essentiel',
      'A lire aussi :',
      'ENTRETIEN. Guerre en Ukraine : soutien de la population locale, désinformation, soldats nord-coréens… où est l’armée ukrainienne à Koursk ?',
      'A lire aussi :',
      'Guerre en Ukraine : les soldats nord-coréens “repartiront dans des sacs mortuaires” s’ils sont envoyés au front, préviennent les États-Unis',
      'A lire aussi :',
      'DÉCRYPTION. Guerre en Ukraine : renforts de troupes, pression sur la Corée du Sud… pourquoi la Russie fait appel à 10 000 soldats nord-coréens',
    ]);
    // Paragraphs were separated by single newlines in the source and still are.
    assert.ok(!article.text.includes('\n\n'));
    assert.ok(article.text.startsWith('La Corée du Nord sera aux côtés de la Russie'));
    assert.ok(textLines(article).includes('« Aide militaire immédiate » en cas d’agression'));
  });

  test('003: date from "mercredi 4 décembre", body paragraph starting like the title is kept, comment block dropped', () => {
    const article = imported['003'];
    const title =
      'La Corée du Nord a envoyé en Russie entre 10.000 et 12.000 hommes pour aider Moscou dans sa guerre contre l\'Ukraine, une "escalade majeure", selon les Occidentaux';
    assert.equal(article.title, title);
    assert.equal(article.author, null);
    assert.equal(article.publisher, null);
    assert.equal(isoDay(article.publishedAt), '2024-12-04');
    assert.equal(article.language, 'fr');
    assert.ok(article.text.includes(`\n${title}. La Chine est de son côté accusée`));
    assert.deepEqual(article.removedLines, [
      '12 commentaires',
      'Vous devez être membre pour ajouter un commentaire.',
      'Vous êtes déjà membre ? Connectez-vous',
      'Pas encore membre ? Devenez membre gratuitement',
      'Signaler le commentaire',
      'Fermer',
    ]);
    assert.ok(textLines(article).includes('"Escalade majeure"'));
  });

  test('004: breadcrumb, repeated titles, byline and topic tags are dropped; sub-headings kept', () => {
    const article = imported['004'];
    const title = 'Kim Jong Un soutient la Russie dans le conflit ukrainien';
    assert.equal(article.title, title);
    assert.equal(article.author, 'Sara');
    assert.equal(article.publisher, null);
    assert.equal(article.publishedAt, null);
    assert.equal(article.language, 'fr');
    assert.deepEqual(article.removedLines, [
      'Home ActualitéKim Jong Un soutient la Russie dans le conflit ukrainien',
      'by Sara',
      'Corée du Nord, Russie',
      title,
      'You may also like',
      'Leave a Comment',
    ]);
    const lines = textLines(article);
    assert.equal(lines[0], title);
    assert.equal(lines[1], '');
    assert.ok(lines[2]?.startsWith('Le leader nord-coréen'));
    for (const heading of ['Accusations contre les États-Unis', 'Inquiétudes internationales', 'Accord militaire entre Kim et Poutine']) {
      assert.ok(lines.includes(heading), heading);
    }
  });

  for (const id of ARTICLE_IDS) {
    describe(`article ${id}`, () => {
      const article = imported[id];

      test('returns the raw text untouched', () => {
        assert.equal(article.rawText, raw[id]);
      });

      test('keeps the key sentences verbatim', () => {
        for (const sentence of KEY_SENTENCES[id]) assert.ok(article.text.includes(sentence), sentence);
      });

      test('every non-blank source line is either kept verbatim or listed as removed', () => {
        const sourceLines = normaliseLines(raw[id]).filter((line) => line !== '');
        const keptLines = textLines(article).filter((line) => line !== '');
        assert.equal(keptLines.length + article.removedLines.length, sourceLines.length);
        const remainingRemoved = [...article.removedLines];
        const remainingKept = [...keptLines];
        for (const line of sourceLines) {
          if (remainingKept[0] === line) remainingKept.shift();
          else if (remainingRemoved[0] === line) remainingRemoved.shift();
          else assert.fail(`line neither kept nor removed in order: ${line}`);
        }
      });

      test('is idempotent', () => {
        const again = importArticle(article.text, { retrievedAt: RETRIEVED_AT });
        assert.equal(again.text, article.text);
        assert.deepEqual(again.removedLines, []);
      });

      test('leaves no furniture line and a normalised layout', () => {
        for (const line of textLines(article)) {
          assert.ok(!isFurnitureLine(line), `furniture left in text: ${line}`);
          assert.equal(line, line.trimEnd());
        }
        assert.ok(!article.text.includes('\n\n\n'));
        assert.ok(!article.text.startsWith('\n') && !article.text.endsWith('\n'));
        assert.equal(article.text, article.text.normalize('NFC'));
      });

      test('CRLF and CR line endings give the same result as LF', () => {
        const crlf = importArticle(raw[id].replace(/\n/g, '\r\n'), { retrievedAt: RETRIEVED_AT });
        const cr = importArticle(raw[id].replace(/\n/g, '\r'), { retrievedAt: RETRIEVED_AT });
        for (const variant of [crlf, cr]) {
          assert.equal(variant.text, article.text);
          assert.equal(variant.title, article.title);
          assert.deepEqual(variant.removedLines, article.removedLines);
        }
      });
    });
  }
});

describe('importArticle on pasted input', () => {
  test('handles an English article with "By Jane Doe", a dateline and a comment form', () => {
    const pasted = [
      'How a small town rebuilt its library',
      'By Jane Doe',
      'Wednesday, December 4, 2024',
      '3 min read',
      '',
      'The library reopened on Monday after two years of work, and the town council said it was the busiest day in its history.',
      '',
      'Volunteers carried the books back by hand. “We did it together,” said the head librarian.',
      '',
      '',
      '',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Cancel reply',
    ].join('\n');
    const article = importArticle(pasted, { retrievedAt: RETRIEVED_AT });
    assert.equal(article.title, 'How a small town rebuilt its library');
    assert.equal(article.author, 'Jane Doe');
    assert.equal(article.publisher, null);
    assert.equal(isoDay(article.publishedAt), '2024-12-04');
    assert.equal(article.language, 'en');
    assert.equal(
      article.text,
      [
        'How a small town rebuilt its library',
        '',
        'The library reopened on Monday after two years of work, and the town council said it was the busiest day in its history.',
        '',
        'Volunteers carried the books back by hand. “We did it together,” said the head librarian.',
      ].join('\n'),
    );
    assert.deepEqual(article.removedLines, [
      'By Jane Doe',
      'Wednesday, December 4, 2024',
      '3 min read',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Cancel reply',
    ]);
  });

  test('empty and whitespace-only input give an empty text and no metadata', () => {
    for (const input of ['', '   ', '\n\n\t\n', '\r\n \r\n']) {
      const article = importArticle(input);
      assert.equal(article.rawText, input);
      assert.equal(article.text, '');
      assert.equal(article.title, null);
      assert.equal(article.author, null);
      assert.equal(article.publisher, null);
      assert.equal(article.publishedAt, null);
      assert.equal(article.language, null);
      assert.deepEqual(article.removedLines, []);
    }
  });

  const longParagraph =
    'Le ministre a rappelé que la frontière resterait ouverte aux convois humanitaires pendant toute la durée des négociations, selon son entourage.';

  test('a lone "Fermer" inside the body is kept', () => {
    const pasted = ['Titre de l’article sur la frontière', '', longParagraph, 'Fermer', longParagraph.replace('Le ministre', 'Le porte-parole')].join('\n');
    const article = importArticle(pasted);
    assert.ok(textLines(article).includes('Fermer'));
    assert.deepEqual(article.removedLines, []);
  });

  test('"Fermer" is kept when a comment count is printed above the prose, dropped in the trailing footer', () => {
    const pasted = [
      'Titre de l’article sur la frontière',
      '3 commentaires',
      longParagraph,
      'Fermer',
      longParagraph.replace('Le ministre', 'Le porte-parole'),
      '',
      'Laisser un commentaire',
      'Fermer',
    ].join('\n');
    const article = importArticle(pasted);
    assert.deepEqual(article.removedLines, ['3 commentaires', 'Laisser un commentaire', 'Fermer']);
    assert.equal(textLines(article).filter((line) => line === 'Fermer').length, 1);
  });

  test('keeps every character inside lines: quotes, inner spaces, stray punctuation', () => {
    const line = 'Il a dit  « non »\u00A0; puis “oui” et ‘peut-être’ . .';
    const article = importArticle(`Un titre quelconque\n\n${line}   \n`);
    assert.equal(article.text, `Un titre quelconque\n\n${line}`);
  });

  test('comment-form notices are recognised with an ellipsis or extra text', () => {
    for (const line of [
      'Votre adresse e-mail ne sera pas publiée…',
      'Votre adresse email ne sera pas publiée.',
      'Your email address will not be published. Required fields are marked *',
    ]) {
      assert.ok(isAlwaysFurniture(line), line);
    }
  });

  test('normalises to NFC', () => {
    const decomposed = 'Cre\u0301dit et de\u0301bit';
    const article = importArticle(decomposed);
    assert.equal(article.text, 'Crédit et débit');
  });

  test('a long first line (a lede) is not taken as the title', () => {
    const lede = 'Un '.repeat(100).trim();
    assert.equal(importArticle(`${lede}\nSuite.`).title, null);
  });

  test('inline teaser and teaser whose next line is a sentence', () => {
    const article = importArticle(
      ['Un titre', 'À lire aussi : Un autre article sans rapport', 'Corps.', 'À LIRE AUSSI', 'Ceci est une vraie phrase du corps.'].join('\n'),
    );
    assert.deepEqual(article.removedLines, ['À lire aussi : Un autre article sans rapport', 'À LIRE AUSSI']);
    assert.ok(article.text.endsWith('Ceci est une vraie phrase du corps.'));
  });

  test('a topic line is only dropped directly after a byline', () => {
    const withByline = cleanArticleText('Un titre\nby Sara\nCorée du Nord, Russie\nCorps du texte.');
    assert.deepEqual(withByline.removedLines, ['by Sara', 'Corée du Nord, Russie']);
    assert.deepEqual(
      withByline.removals.map((removal) => removal.reason),
      ['byline', 'category'],
    );
    const withoutByline = cleanArticleText('Un titre\nCorée du Nord, Russie\nCorps du texte.');
    assert.deepEqual(withoutByline.removedLines, []);
  });
});

describe('parseBylineLine / extractByline', () => {
  test('recognises bylines', () => {
    assert.deepEqual(parseBylineLine('Par : Gaëlle Villeneuve / Afrique Première Tv'), {
      author: 'Gaëlle Villeneuve',
      publisher: 'Afrique Première Tv',
    });
    assert.deepEqual(parseBylineLine('Par Jean-Pierre de La Fontaine'), { author: 'Jean-Pierre de La Fontaine', publisher: null });
    assert.deepEqual(parseBylineLine('by Sara'), { author: 'Sara', publisher: null });
    assert.deepEqual(parseBylineLine('By Jane Doe | Reuters'), { author: 'Jane Doe', publisher: 'Reuters' });
    assert.deepEqual(extractByline('Titre\n\nBy Jane Doe and John Smith\nCorps.'), { author: 'Jane Doe and John Smith', publisher: null });
  });

  test('does not take prose for a byline', () => {
    assert.equal(parseBylineLine('Par ailleurs, le ministre a démenti.'), null);
    assert.equal(parseBylineLine('By December, troops had moved north.'), null);
    assert.equal(parseBylineLine('Par la voix de son ministre'), null);
    assert.equal(extractByline('Aucun auteur ici.'), null);
  });
});

describe('dates', () => {
  test('parses dateline lines', () => {
    assert.equal(isoDay(parseDatelineLine('01.11.2024')), '2024-11-01');
    assert.equal(isoDay(parseDatelineLine('01/11/2024')), '2024-11-01');
    assert.equal(isoDay(parseDatelineLine('1 novembre 2024')), '2024-11-01');
    assert.equal(isoDay(parseDatelineLine('1er novembre 2024')), '2024-11-01');
    assert.equal(isoDay(parseDatelineLine('Publié le vendredi 1er novembre 2024 à 10h30')), '2024-11-01');
    assert.equal(isoDay(parseDatelineLine('November 1, 2024')), '2024-11-01');
  });

  test('rejects impossible or inconsistent datelines and prose', () => {
    assert.equal(parseDatelineLine('31.02.2024'), null);
    assert.equal(parseDatelineLine('jeudi 1er novembre 2024'), null, '1 Nov 2024 is a Friday');
    assert.equal(parseDatelineLine('le 1er novembre 2024, la ministre a parlé'), null);
    assert.equal(parseDatelineLine('10.000'), null);
  });

  test('resolves "weekday day month" to the most recent consistent year', () => {
    assert.equal(isoDay(findWeekdayDate('a avancé mercredi 4 décembre que', { retrievedAt: RETRIEVED_AT })), '2024-12-04');
    assert.equal(isoDay(findWeekdayDate('a avancé mercredi 4 décembre que', { retrievedAt: new Date('2031-03-01') })), '2030-12-04');
    assert.equal(isoDay(findWeekdayDate('Vendredi 1er novembre 2024, à Moscou')), '2024-11-01');
    assert.equal(isoDay(findWeekdayDate('It happened on Wednesday, December 4.', { retrievedAt: RETRIEVED_AT })), '2024-12-04');
    assert.equal(isoDay(findWeekdayDate('It happened on Wednesday 4 December 2024.')), '2024-12-04');
  });

  test('a stated year with the wrong weekday is skipped for the next phrase', () => {
    const text = 'jeudi 1er novembre 2024 puis mercredi 4 décembre 2024';
    assert.equal(isoDay(findWeekdayDate(text)), '2024-12-04');
  });

  test('dates without a weekday do not count', () => {
    assert.equal(findWeekdayDate('a réitéré le 1er novembre son engagement'), null);
    assert.equal(extractPublishedDate(raw['001']), null);
  });

  test('defaults retrievedAt to now', () => {
    // Clock-independent: the latest Wednesday 4 December up to this year.
    for (const date of [extractPublishedDate(raw['003']), importArticle(raw['003']).publishedAt]) {
      assert.ok(date);
      assert.equal(date.toISOString().slice(5, 10), '12-04');
      assert.equal(date.getUTCDay(), 3);
      assert.ok(date.getUTCFullYear() >= 2024 && date.getUTCFullYear() <= new Date().getUTCFullYear());
    }
  });
});

describe('detectLanguage', () => {
  test('tells French from English', () => {
    assert.equal(detectLanguage('La Corée du Nord est aux côtés de la Russie dans cette guerre et le dit.'), 'fr');
    assert.equal(detectLanguage('The library reopened on Monday and the town said it was the busiest day.'), 'en');
  });

  test('is null when too short or unclear', () => {
    assert.equal(detectLanguage(''), null);
    assert.equal(detectLanguage('Kim Jong Un'), null);
    assert.equal(detectLanguage('le the la and'), null);
  });
});

describe('share and comment prompts', () => {
  const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
  const sample = (name: string) => importArticle(readFileSync(join(FIXTURES_DIR, name), 'utf8'), { retrievedAt: RETRIEVED_AT });

  test('the seed articles still import to the text they were archived with (quote offsets point into it)', () => {
    const archivedSha256: Record<ArticleId, string> = {
      '000': '18fa5c1479729fa3c9e08c241a561773d2e83327e1ace49e2e5656c90f321738',
      '001': '43a62c5e19cc265b46ce412234adc5b26feb521ef5c0bc6c956fe95e8040524f',
      '002': 'f28f1460cfd86ece507a8d7799c69f6abe62d2d868bc664c52819e87bb32873a',
      '003': 'ee11a0b5e0205f156aecd327b097d70a82c30243a94beaa388ba627be3dc69e0',
      '004': '32406678cad536c757c8c56085b376402227922af2b3b49dbd94f5103fc3b8a8',
    };
    for (const id of ARTICLE_IDS) assert.equal(sha256OfText(imported[id].text), archivedSha256[id], id);
  });

  test('a French article: "Partagez cet article", the share buttons and the comment prompts go, the prose stays', () => {
    const article = sample('share-and-comment-fr.txt');
    assert.deepEqual(article.removedLines, [
      'Accueil › Régions › Occitanie',
      'Partagez cet article',
      'Partager sur Facebook',
      'Partager sur X (ex-Twitter)',
      'Partager par e-mail',
      'Copier le lien',
      'Par Claire Dumas',
      'Publié le mardi 12 novembre 2024 à 08h30',
      'Laissez un commentaire',
      'Réagissez à cet article',
      'Voir les 14 commentaires',
      'Vous devez être connecté pour publier un commentaire.',
    ]);
    assert.equal(article.title, 'Sécheresse : les agriculteurs du Gers demandent des dérogations pour irriguer');
    // Prose that mentions sharing is prose: only whole lines of furniture go.
    assert.ok(article.text.includes('qui invite les habitants à partager cet article pour soutenir la profession.'));
    assert.ok(article.text.endsWith('elle rappelle que les nappes restent sous leur niveau de 2022.'));
    assert.equal(article.language, 'fr');
  });

  test('an English article: "Share this article", "Copy link", "Join the conversation" go, the prose stays', () => {
    const article = sample('share-and-comment-en.txt');
    assert.deepEqual(article.removedLines, [
      'Share this article',
      'Share on WhatsApp',
      'Share on Facebook',
      'Copy link',
      'By Tom Hargreaves',
      'Tuesday 12 November 2024',
      'Leave a comment',
      'Join the conversation',
      'View all 8 comments',
    ]);
    assert.ok(article.text.includes('"We cannot ask residents to leave a comment on a consultation and then ignore it,"'));
    assert.ok(article.text.endsWith('where farmland could hold back the water.'));
  });

  test('each prompt is furniture on a line of its own, in any letter case and spacing', () => {
    const prompts = [
      'Partagez cet article',
      'PARTAGER CET ARTICLE',
      'Partager l’article',
      'Partager :',
      'Partagez',
      'Partager sur WhatsApp',
      'Partagez sur LinkedIn',
      'Laissez un commentaire',
      'Laissez une réponse',
      'Ajoutez un commentaire',
      'Écrire un commentaire',
      'Réagir',
      'Commentez cet article',
      'Afficher les commentaires',
      'Commentaires',
      'Share',
      'Share this story',
      'Share on X (formerly Twitter)',
      'Add a comment',
      'Post a comment',
      'Join the discussion',
      'Show comments',
      'Lien copié',
    ];
    for (const prompt of prompts) assert.ok(isAlwaysFurniture(prompt), prompt);
    for (const prose of ['Partagez-vous cet avis ?', 'Il a refusé de commenter cet article.', 'Share prices fell on Monday.', 'Commentaires déplacés : la rédaction modère.']) {
      assert.ok(!isAlwaysFurniture(prose), prose);
    }
  });
});
