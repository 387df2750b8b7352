'use client';

import { useTranslations } from 'next-intl';
import { appearanceStanceOptionLabelKey } from '@/lib/appearances/labels';
import { appearanceStances } from '@/lib/appearances/schema';

// The <option>s of an appearance's speaker and stance, shared by the
// appearance form and the quote a new claim is saved with.

/** Every claimant, by name. */
export function SpeakerOptions({ speakers }: { speakers: { id: string; name: string }[] }) {
  return speakers.map((speaker) => (
    <option key={speaker.id} value={speaker.id}>
      {speaker.name}
    </option>
  ));
}

/** Asserts, reports, denies — in the interface's language. */
export function StanceOptions() {
  const labels = useTranslations();
  return appearanceStances.map((stance) => (
    <option key={stance} value={stance}>
      {labels(appearanceStanceOptionLabelKey(stance))}
    </option>
  ));
}
