import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { claimPath } from '@/lib/claims/queries';
import { Link } from '@/lib/i18n/navigation';
import type { QuoteCheckExample } from '@/lib/methodology/queries';
import { nodeQuoteCheck, shellQuoteCheck } from '@/lib/methodology/reader-check';
import { CONTEXT_LENGTH } from '@/lib/quotes/anchor';

const code = (chunks: ReactNode) => <code>{chunks}</code>;

/** How a quote is anchored, and the commands that check one against the read API, shown on a real quote. */
export function QuoteCheck({ example, origin }: { example: QuoteCheckExample | null; origin: string }) {
  const t = useTranslations('methodology.quotes');
  const check = example && { sourceUrl: `${origin}/api/sources/${encodeURIComponent(example.sourceId)}`, start: example.start, end: example.end };
  return (
    <>
      <p>{t.rich('archive', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>
        {t.rich('anchor', {
          strong: (chunks) => <strong>{chunks}</strong>,
          context: CONTEXT_LENGTH,
          codePoints: () => <code>{"Array.from(text).slice(start, end).join('')"}</code>,
          utf16: () => <code>text.slice(start, end)</code>,
        })}
      </p>
      <h3 id="check-a-quote">{t('checkHeading')}</h3>
      <p>
        {t.rich('checkIntro', {
          code,
          sourceApi: () => <code>GET /api/sources/{'{id}'}</code>,
          claimApi: () => <code>GET /api/claims/{'{slug}'}</code>,
        })}
      </p>
      {example && check ? (
        <>
          <p>
            {t.rich('example', {
              claim: (chunks) => (
                <Link href={claimPath(example.claim.slug)} lang={example.claim.language}>
                  {chunks}
                </Link>
              ),
              summary: example.claim.summary,
              start: example.start,
              end: example.end,
              code,
            })}
          </p>
          <figure className="command">
            <figcaption>{t('shell')}</figcaption>
            <pre>
              <code>{shellQuoteCheck(check)}</code>
            </pre>
          </figure>
          <figure className="command">
            <figcaption>{t('node')}</figcaption>
            <pre>
              <code>{nodeQuoteCheck(check)}</code>
            </pre>
          </figure>
          <p>{t('expected')}</p>
          <blockquote className="claim-text" lang={example.claim.language}>
            {example.exact}
          </blockquote>
          <p>{t('keep')}</p>
        </>
      ) : (
        <p>{t('noExample')}</p>
      )}
    </>
  );
}
