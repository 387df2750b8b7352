import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getPublicClaimantDirectory } from '@/lib/claimants/cache';
import { claimantDirectoryPage } from '@/lib/claimants/directory';
import { claimantKindLabelKey } from '@/lib/claimants/labels';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { claimantPath } from '@/lib/public-pages/paths';
import { singleParam } from '@/lib/public-pages/search-params';
import { publicPageMetadata } from '@/lib/seo/metadata';
import styles from './claimants.module.css';

// Every claimant with a public claim, in alphabetical order, grouped by
// initial, with their number of published fact checks. Paged by keyset
// (after=<slug>): see lib/claimants/directory.ts for why the sort happens there.

const PAGE_SIZE = 100;

/** The id of an initial's heading ("#", names not starting with a letter, cannot sit in a URL fragment as it is). */
const initialId = (initial: string) => (initial === '#' ? 'initial-other' : `initial-${initial}`);

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'claimantsIndex' });
  return publicPageMetadata({ locale, path: '/claimants', title: t('title'), description: t('metaDescription') });
}

export default async function ClaimantsIndexPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('claimantsIndex');
  const labels = await getTranslations();
  const after = singleParam((await searchParams).after);
  const directory = await getPublicClaimantDirectory();
  const page = claimantDirectoryPage(directory, { locale, after, limit: PAGE_SIZE });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {page.groups.length === 0 && <p>{t('empty')}</p>}
      {page.groups.length > 1 && (
        <nav aria-label={t('initials')}>
          <ul className={styles.initials}>
            {page.groups.map((group) => (
              <li key={group.initial}>
                <a href={`#${initialId(group.initial)}`}>{group.initial}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {page.groups.map((group) => (
        <section key={group.initial} aria-labelledby={initialId(group.initial)}>
          <h2 id={initialId(group.initial)}>{group.initial}</h2>
          <ul className={`plain-list ${styles.claimants}`}>
            {group.claimants.map((claimant) => (
              <li key={claimant.slug}>
                <Link href={claimantPath(claimant.slug)} lang={defaultLocale}>
                  {claimant.name}
                </Link>{' '}
                <span className="muted small">
                  {[labels(claimantKindLabelKey(claimant.kind)), claimant.country ? (regions.of(claimant.country) ?? claimant.country) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <br />
                <span className="small">{t('factChecks', { count: claimant.factCheckCount })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {(page.nextAfter || page.continued) && (
        <nav className="pager" aria-label={t('pager.label')}>
          {page.continued && <Link href="/claimants">{t('pager.first')}</Link>}
          {page.nextAfter && <Link href={{ pathname: '/claimants', query: { after: page.nextAfter } }}>{t('pager.next')}</Link>}
        </nav>
      )}
    </>
  );
}
