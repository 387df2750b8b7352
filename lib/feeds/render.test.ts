import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderFeed } from './render';

const channel = {
  scope: { kind: 'claimant', slug: 'kremlin' } as const,
  locale: 'en' as const,
  title: 'Kremlin — fact checks',
  description: 'Claims by the Kremlin, rated.',
  pageUrl: 'http://localhost:3000/en/claimants/kremlin',
};
const entries = [
  {
    id: 'http://localhost:3000/en/claims/a',
    title: 'A claim with <markup> & “quotes”',
    link: 'http://localhost:3000/en/claims/a',
    description: 'Mostly false: what the sources show.',
    date: new Date('2024-12-06T10:00:00Z'),
    categories: ['Corée du Nord'],
  },
];

describe('renderFeed', () => {
  test('RSS 2.0 names the channel, escapes the entry and links the feed itself', () => {
    const xml = renderFeed('rss', channel, entries);
    assert.match(xml, /<rss version="2.0"/);
    assert.match(xml, /<title><!\[CDATA\[A claim with <markup> & “quotes”\]\]><\/title>|<title>A claim with &lt;markup&gt; &amp; “quotes”<\/title>/);
    assert.match(xml, /<atom:link href="http:\/\/localhost:3000\/en\/feeds\/claimants\/kremlin\/rss" rel="self"/);
    assert.doesNotMatch(xml, /<generator>/);
  });

  test('Atom carries the entry id and date; JSON Feed parses and links the same page', () => {
    const atom = renderFeed('atom', channel, entries);
    assert.match(atom, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(atom, /<updated>2024-12-06T10:00:00.000Z<\/updated>/);
    const json = JSON.parse(renderFeed('json', channel, entries));
    assert.equal(json.home_page_url, channel.pageUrl);
    assert.equal(json.items[0].url, entries[0]?.link);
    assert.deepEqual(json.items[0].tags, ['Corée du Nord']);
  });

  test('a plain-text description is escaped into the HTML that every format carries', () => {
    const hostile = [{ ...entries[0]!, description: 'Note: <img src=x onerror=alert(1)> & more' }];
    const json = JSON.parse(renderFeed('json', channel, hostile));
    assert.equal(json.items[0].content_html, '<p>Note: &lt;img src=x onerror=alert(1)&gt; &amp; more</p>');
    assert.doesNotMatch(renderFeed('rss', channel, hostile), /<img/);
    assert.doesNotMatch(renderFeed('atom', channel, hostile), /<img/);
  });
});

test('an Atom entry’s category has the term Atom requires', () => {
  assert.match(renderFeed('atom', channel, entries), /<category label="Corée du Nord" term="Corée du Nord"\/>/);
});
