import type { ReactElement } from 'react';
import { SHARE_IMAGE_FONT_FAMILY } from '@/lib/seo/share-image-fonts';

// The share image's layout, drawn by satori (next/og): flexbox only, inline
// styles, 1200 × 630. Every string arrives already made drawable
// (renderableText in lib/seo/share-image-fonts.ts).

export type ShareCardProps = {
  publisher: string;
  kicker: string;
  claimBy: string;
  summary: string;
  verdictLabel: string;
  /** The rating in the page's language, on its colour (4.5:1 against white, lib/ratings/contrast.ts); null: no verdict yet. */
  rating: { label: string; colour: string } | null;
  noVerdict: string;
};

const INK = '#1f2328';
const MUTED = '#59636e';
const LINE = '#d1d9e0';

export function shareCard({ publisher, kicker, claimBy, summary, verdictLabel, rating, noVerdict }: ShareCardProps): ReactElement {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: SHARE_IMAGE_FONT_FAMILY, color: INK }}>
      <div style={{ height: 16, background: rating?.colour ?? LINE }} />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '48px 64px 56px' }}>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 30 }}>
          <span style={{ fontWeight: 700 }}>{publisher}</span>
          <span style={{ color: MUTED, margin: '0 16px' }}>·</span>
          <span style={{ color: MUTED }}>{kicker}</span>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 32, color: MUTED, marginBottom: 20 }}>{claimBy}</div>
          <div style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.15 }}>{summary}</div>
        </div>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 34 }}>
          {rating ? (
            <>
              <span style={{ color: MUTED, marginRight: 24 }}>{verdictLabel}</span>
              <span style={{ background: rating.colour, color: '#ffffff', fontWeight: 700, fontSize: 44, padding: '10px 28px', borderRadius: 12 }}>{rating.label}</span>
            </>
          ) : (
            <span style={{ color: MUTED }}>{noVerdict}</span>
          )}
        </div>
      </div>
    </div>
  );
}
