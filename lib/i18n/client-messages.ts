import type { AbstractIntlMessages } from 'next-intl';

/**
 * The part of a catalogue that the client components under a provider use:
 * everything else stays on the server, out of the pages' JavaScript.
 * `paths` are dotted namespaces, e.g. 'site.languageSwitch'.
 */
export function pickMessages(messages: AbstractIntlMessages, paths: string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const parts = path.split('.');
    let source: AbstractIntlMessages | string | undefined = messages;
    let target = picked;
    for (const [index, part] of parts.entries()) {
      if (typeof source !== 'object' || source === null) break;
      source = source[part];
      if (source === undefined) break;
      if (index === parts.length - 1) target[part] = source;
      else target = (target[part] ??= {}) as AbstractIntlMessages;
    }
  }
  return picked;
}
