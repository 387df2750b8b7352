'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';

type RenderAction = (previous: unknown, formData: FormData) => Promise<ActionResult<{ html: string }>>;

const DEBOUNCE_MS = 350;

/**
 * A live preview of Markdown, rendered on the server by `render` (the same
 * sanitizing renderer the public pages use). The browser never turns the
 * Markdown into HTML itself: it only shows what the server sanitized.
 * Its own words come from the `verdictEditor.preview` messages.
 */
export function MarkdownPreview({
  markdown,
  render,
  id,
  label,
  lang,
}: {
  markdown: string;
  render: RenderAction;
  id: string;
  label: string;
  lang?: string;
}) {
  const t = useTranslations('verdictEditor.preview');
  const [html, setHtml] = useState<string | null>(null);
  const unavailable = t('unavailable');
  const [problem, setProblem] = useState<string | null>(null);
  const latestRequest = useRef(0);

  useEffect(() => {
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const formData = new FormData();
      formData.set('markdown', markdown);
      try {
        const result = await render(null, formData);
        // A slower answer to an older keystroke must not replace a newer preview.
        if (request !== latestRequest.current) return;
        if (result.ok) {
          setHtml(result.data.html);
          setProblem(null);
        } else {
          setProblem(result.message);
        }
      } catch {
        if (request === latestRequest.current) setProblem(unavailable);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [markdown, render, unavailable]);

  return (
    // Not a live region: announcing the whole text on every pause in typing would drown the editor.
    <section id={id} className="verdict" aria-label={label}>
      {problem && <p className="field-error">{problem}</p>}
      {html === null && !problem && <p className="muted small">{t('rendering')}</p>}
      {html !== null && html.trim() === '' && <p className="muted small">{t('empty')}</p>}
      {html !== null && <div lang={lang} dangerouslySetInnerHTML={{ __html: html }} />}
    </section>
  );
}
