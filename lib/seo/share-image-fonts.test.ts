import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderableText, shareImageFonts } from './share-image-fonts';

// The share image draws only what its shipped fonts have: a missing glyph
// would make next/og download a font at run time.

describe('the share image’s text', () => {
  test('French accents, « » and the narrow no-break space are drawn, from the fonts in node_modules', async () => {
    const { fonts, coverage } = await shareImageFonts();
    assert.equal(fonts.length, 6);
    const french = 'Le Kremlin qualifie de «\u00a0fausses nouvelles\u00a0» la présence nord-coréenne — déjà à Koursk\u202f? Œuvre, ça, où, ï, €, ’';
    assert.equal(renderableText(french, coverage), french.replace('\u202f', '\u00a0'));
    assert.equal(renderableText('Сергей Лавров, Łódź, Ștefan', coverage), 'Сергей Лавров, Łódź, Ștefan');
  });

  test('what the fonts lack is replaced, a run of it by one ellipsis, never left for next/og to fetch', async () => {
    const { coverage } = await shareImageFonts();
    assert.equal(renderableText('Kim Jong Un (김정은) 🙂 dit', coverage), 'Kim Jong Un (…) … dit');
    assert.equal(renderableText('日本語', coverage), '…');
    // Decomposed accents are composed first (NFC), so that the font's é is used.
    assert.equal(renderableText('Corée', coverage), 'Corée');
  });
});
