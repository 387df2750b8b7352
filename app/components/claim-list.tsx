import { useTranslations } from 'next-intl';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import type { PublicClaimPage } from '@/lib/claims/queries';
import { encodeClaimListCursor } from '@/lib/claims/schema';
import { defaultLocale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { claimantPath, tagPath } from '@/lib/public-pages/paths';
import styles from './claim-list.module.css';

// The one public list of fact checks: the home page, a claimant's page, a
// tag's and a rating's. Plain links only (it works without JavaScript); the
// pager's "Older" link carries the keyset cursor of lib/claims/queries.ts.

type ClaimListProps = {
  page: PublicClaimPage;
  /** The unprefixed path of the page the list is on, for its pager links. */
  pathname: string;
  /** Whether this page started from a cursor (then it links back to the newest). */
  continued: boolean;
  /** What to say when there is nothing to list. */
  empty: string;
  /** The items' heading level: 2 under the page's h1, 3 inside a section. */
  headingLevel?: 2 | 3;
  /** Off on a claimant's own page, where every claim is theirs. */
  showClaimant?: boolean;
};

export function ClaimList({ page, pathname, continued, empty, headingLevel = 2, showClaimant = true }: ClaimListProps) {
  const t = useTranslations('publicClaimList');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {page.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="plain-list claim-list">
          {page.items.map((claim) => (
            <li key={claim.slug}>
              <Heading className={styles.title} lang={claim.language}>
                <Link href={claim.path}>{claim.summary}</Link>
              </Heading>
              <p className={`small ${styles.meta}`}>
                {claim.rating && (
                  <>
                    <RatingBadge rating={claim.rating} />{' '}
                  </>
                )}
                {showClaimant && (
                  <>
                    <Link href={claimantPath(claim.claimant.slug)} lang={claim.language}>
                      {claim.claimant.name}
                    </Link>{' '}
                    ·{' '}
                  </>
                )}
                <span className="muted">{t.rich('published', { date: () => <FormattedDate value={claim.publishedAt} /> })}</span>
              </p>
              <TagLinks tags={claim.tags} />
            </li>
          ))}
        </ol>
      )}
      {(page.nextCursor || continued) && (
        <nav className="pager" aria-label={t('pager.label')}>
          {continued && <Link href={pathname}>{t('pager.newest')}</Link>}
          {page.nextCursor && (
            <Link href={{ pathname, query: { after: encodeClaimListCursor(page.nextCursor) } }}>{t('pager.older')}</Link>
          )}
        </nav>
      )}
    </>
  );
}

/**
 * A claim's tags, each a link to its page. Tags are the newsroom's own
 * vocabulary, so they carry its language, whatever the claim's.
 */
export function TagLinks({ tags }: { tags: string[] }) {
  const t = useTranslations('publicClaimList');
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label={t('tags')}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={tagPath(tag)} lang={defaultLocale}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
