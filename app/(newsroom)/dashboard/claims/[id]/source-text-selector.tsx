'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import type { SourceForQuoting } from '@/lib/claims/dashboard-queries';

export type TextSelection = { quote: string; start: number };

/**
 * A source's archived text in which the editor selects the quoted passage
 * with the mouse (or the keys, with caret browsing). The panel scrolls, so it
 * takes the focus: a keyboard user can scroll it too. It reports the selected string and
 * the code-point offset where it starts (so that the server can tell apart two
 * identical passages); the server still locates the quote itself.
 */
export function SourceTextSelector({ source, onSelect }: { source: SourceForQuoting; onSelect: (selection: TextSelection) => void }) {
  const t = useTranslations('claimEditor.sourceText');
  const container = useRef<HTMLDivElement>(null);

  function readSelection() {
    const root = container.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    const selected = range.toString();
    const quote = selected.trim();
    if (quote === '') return;
    // Offsets count code points, as the server and the database do.
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const leadingSpace = selected.slice(0, selected.length - selected.trimStart().length);
    onSelect({ quote, start: Array.from(before.toString()).length + Array.from(leadingSpace).length });
  }

  const details = [source.publisher, source.publishedAt].filter(Boolean).join(' · ');
  return (
    <section>
      <h3 id="source-text-heading">{source.title ?? t('untitled')}</h3>
      <p className="muted small" id="source-text-hint">
        {details ? t('hintWithDetails', { details }) : t('hint')}
      </p>
      <div
        ref={container}
        className="archived-text scroll-panel"
        lang={source.language}
        role="region"
        aria-label={t('regionLabel')}
        aria-describedby="source-text-hint"
        tabIndex={0}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
      >
        {source.text}
      </div>
    </section>
  );
}
