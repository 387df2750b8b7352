import { getFormatter, getTranslations } from 'next-intl/server';
import type { ScorecardRow } from '@/lib/claimants/public-queries';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { ratingPath } from '@/lib/public-pages/paths';
import styles from './scorecard.module.css';

/**
 * A claimant's published verdicts by rating, as a table: the rating (a link
 * to its page), the count, and the share of their fact checks, written out
 * and drawn as a bar in the rating's colour. The table is what screen
 * readers read; the bar is decoration (aria-hidden) and carries no text, so
 * its colour needs no contrast with any.
 */
export async function Scorecard({ rows, total, claimantName, locale }: { rows: ScorecardRow[]; total: number; claimantName: string; locale: Locale }) {
  const t = await getTranslations('claimantPage.scorecard');
  const format = await getFormatter();
  return (
    <table className={styles.table}>
      <caption>{t('caption', { name: claimantName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rating')}</th>
          <th scope="col" className={styles.count}>
            {t('count')}
          </th>
          <th scope="col" className={styles.share}>
            {t('share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const share = total === 0 ? 0 : row.count / total;
          return (
            <tr key={row.key}>
              <th scope="row" className={styles.rating}>
                <Link href={ratingPath(row.key)}>{row.labels[locale]}</Link>
              </th>
              <td className={styles.count}>{format.number(row.count)}</td>
              <td>
                <span className={styles.shareCell}>
                  <span className={styles.track} aria-hidden="true">
                    <span className={styles.bar} style={{ width: `${(share * 100).toFixed(1)}%`, backgroundColor: row.colour }} />
                  </span>
                  <span className={styles.percent}>{format.number(share, { style: 'percent', maximumFractionDigits: 0 })}</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
