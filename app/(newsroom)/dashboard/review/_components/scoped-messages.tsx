import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages } from '@/lib/i18n/client-messages';

/** Gives the client components inside only the catalogue namespaces they use. */
export async function ScopedMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

/** What the verdict editor's client components (form, evidence rows, preview) read. */
export const VERDICT_EDITOR_NAMESPACES = ['verdictEditor.form', 'verdictEditor.evidence', 'verdictEditor.preview', 'labels.evidenceStance'];

/** What the review forms read. */
export const REVIEW_FORM_NAMESPACES = ['review.forms'];
