import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/** A dashboard page the actor's role may not see: says so instead of showing data. */
export async function NotAllowed() {
  const t = await getTranslations('states.notAllowed');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
    </>
  );
}

const listOf = {
  claim: '/dashboard/claims',
  claimant: '/dashboard/claimants',
  source: '/dashboard/sources',
  verdict: '/dashboard/claims',
  review: '/dashboard/review',
  revision: '/dashboard/review',
  user: '/dashboard/users',
} as const;

export type RecordKind = keyof typeof listOf;

/** A dashboard page whose record does not exist (any more), with the way back to its list. */
export async function RecordNotFound({ kind }: { kind: RecordKind }) {
  const t = await getTranslations(`states.recordNotFound.${kind}`);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {t('body')} <Link href={listOf[kind]}>{t('back')}</Link>.
      </p>
    </>
  );
}
