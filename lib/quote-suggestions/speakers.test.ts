// Who speaks when the verb of saying or denial comes after its statement ("», a déclaré X"): the subject after
// the verb, past interposed days and addressees, the name in apposition after a role — and when a comma before
// the verb does not make it inverted at all.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suggestQuotes } from './detect';
import { onlySuggestion } from './testing';

describe('suggestQuotes: the speaker of an inverted verb', () => {
  test('the person named in apposition after a role speaks, not the institution the role belongs to', () => {
    const withName: [string, string, string][] = [
      ['« Ce sont des mensonges », a déclaré le porte-parole du Kremlin, Dmitri Peskov.', 'fr', 'Dmitri Peskov'],
      ['« Nous ne céderons pas », a affirmé la ministre des Affaires étrangères, Choe Son-hui, lors d’un forum.', 'fr', 'Choe Son-hui'],
      ['Le porte-parole du Kremlin, Dmitri Peskov, a démenti : « Ce sont des mensonges ».', 'fr', 'Dmitri Peskov'],
      ['"These are lies," said Kremlin spokesman Dmitry Peskov.', 'en', 'Dmitry Peskov'],
      ['"These are lies," said the Kremlin\'s spokesman, Dmitry Peskov.', 'en', 'Dmitry Peskov'],
      ['“These are lies,” said the Kremlin’s spokesman, Dmitry Peskov.', 'en', 'Dmitry Peskov'],
    ];
    for (const [text, language, speaker] of withName) {
      const quoted = suggestQuotes(text, language).find((suggestion) => suggestion.kind === 'DIRECT');
      assert.equal(quoted?.speaker, speaker, text);
    }
    // No name after the role, or a name that opens another clause: the institution it belongs to is the answer.
    assert.equal(onlySuggestion('« Ce sont des mensonges », a déclaré le porte-parole du Kremlin.').speaker, 'Kremlin');
    assert.equal(onlySuggestion('« Nous ne céderons pas », a déclaré le porte-parole du Kremlin, Moscou restant ferme.').speaker, 'Kremlin');
    const possessive = suggestQuotes('"These are lies," said the Kremlin\'s spokesman.', 'en').find((s) => s.kind === 'DIRECT');
    assert.equal(possessive?.speaker, 'Kremlin');
  });

  test('English: the words after an inverted "said" are its subject, not a clause without "that"', () => {
    for (const text of ['"These are lies," said the Kremlin spokesman.', '“These are lies,” said the Kremlin’s spokesman, Dmitry Peskov.']) {
      const suggestion = onlySuggestion(text, 'en');
      assert.equal(suggestion.kind, 'DIRECT', text);
    }
    // Not inverted: the clause without "that" is still offered.
    assert.equal(onlySuggestion('Whitfield said the council would review every contract signed since 2019.', 'en').kind, 'INDIRECT');
  });

  test('an inverted denial keeps its speaker, as an inverted verb of saying does', () => {
    const inverted: [string, string, string][] = [
      ['« Ce sont de fausses nouvelles », a démenti le Kremlin dans la soirée.', 'le Kremlin', 'a démenti'],
      ['« Ce sont de fausses nouvelles », a démenti Dmitri Peskov.', 'Dmitri Peskov', 'a démenti'],
      ['« Ce sont de fausses nouvelles », a nié le porte-parole Dmitri Peskov.', 'Dmitri Peskov', 'a nié'],
      ['« Ces accusations sont sans fondement », a rejeté le ministère.', 'le ministère', 'a rejeté'],
      ['« Il n’y a aucun soldat nord-coréen en Russie », dément le Kremlin.', 'le Kremlin', 'dément'],
    ];
    for (const [text, speaker, cue] of inverted) {
      const suggestion = onlySuggestion(text);
      assert.equal(suggestion.kind, 'DIRECT', text);
      assert.equal(suggestion.stance, 'DENIES', text);
      assert.equal(suggestion.speaker, speaker, text);
      assert.equal(suggestion.cue, cue, text);
    }
    // The same, the ", said X" order of English.
    const english = onlySuggestion('"That is false," denied the ministry.', 'en');
    assert.equal(english.stance, 'DENIES');
    assert.equal(english.speaker, 'the ministry');
    // Without quote marks the statement is the sentence (rule 4), and the speaker is still the one after the verb.
    const unquoted = onlySuggestion('Les soldats nord-coréens ne sont pas présents sur le sol russe, a démenti le Kremlin dans la soirée.');
    assert.equal(unquoted.stance, 'DENIES');
    assert.equal(unquoted.speaker, 'le Kremlin');
  });

  test('after "subject, incidental," the verb is not inverted: what follows it is its object, not its speaker', () => {
    const notInverted: [string, string][] = [
      ["Le maire, dans un communiqué, a salué la décision : « C'est une victoire pour tous les habitants du quartier ».", 'Le maire'],
      ["Le maire, qui était présent, a salué la décision : « C'est une victoire pour tous les habitants du quartier ».", 'Le maire'],
      ["La ministre, lors d'une conférence de presse, a annoncé la nouvelle : « Les écoles rouvriront lundi prochain ».", 'La ministre'],
    ];
    for (const [text, speaker] of notInverted) assert.equal(onlySuggestion(text).speaker, speaker, text);
    // A statement before the incidental still makes the verb after it inverted.
    const reported = onlySuggestion("Kim Jong Un a assuré un soutien indéfectible à la Russie dans cette guerre, lors d'une réunion à Moscou, a rapporté l'agence de presse d'État.");
    assert.equal(reported.kind, 'INDIRECT');
    assert.equal(reported.speaker, "l'agence de presse d'État");
  });

  test('a day, an adverb or an addressee between an inverted verb and its subject is not the subject', () => {
    const interposed: [string, string, string][] = [
      ['« Ce sont des mensonges », a déclaré mardi le Kremlin.', 'le Kremlin', 'a déclaré'],
      ['« Ce sont des mensonges », a démenti jeudi soir Dmitri Peskov.', 'Dmitri Peskov', 'a démenti'],
      ["« Aucune décision n'a été prise », a indiqué lundi à l'AFP le ministère.", 'le ministère', 'a indiqué'],
      ['« Ce sont des mensonges », a nié vendredi le porte-parole du Kremlin, Dmitri Peskov.', 'Dmitri Peskov', 'a nié'],
    ];
    for (const [text, speaker, cue] of interposed) {
      const suggestion = onlySuggestion(text);
      assert.equal(suggestion.cue, cue, text);
      assert.equal(suggestion.speaker, speaker, text);
    }
    // Without quote marks the statement is the sentence before the verb, with the same speaker.
    const unquoted = onlySuggestion('Les frappes contre les positions ennemies vont se poursuivre sans relâche, a déclaré mardi le ministre.');
    assert.equal(unquoted.kind, 'INDIRECT');
    assert.equal(unquoted.speaker, 'le ministre');
  });

  test('a denial after an incidental is not inverted: its object is not its speaker', () => {
    const incidental: [string, string, string][] = [
      ['Le Kremlin, dans un communiqué, a démenti les informations du Washington Post.', 'fr', 'Le Kremlin'],
      ['Le porte-parole du Kremlin, Dmitri Peskov, a nié les accusations.', 'fr', 'Dmitri Peskov'],
      ['Le Kremlin, interrogé mardi soir par des journalistes à Moscou, a démenti les informations.', 'fr', 'Le Kremlin'],
      ['The ministry, in a statement on Tuesday, denied the reports.', 'en', 'The ministry'],
    ];
    for (const [text, language, speaker] of incidental) {
      const suggestion = onlySuggestion(text, language);
      assert.equal(suggestion.stance, 'DENIES', text);
      assert.equal(suggestion.speaker, speaker, text);
    }
  });
});
