export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The web app sends its chosen language; browsers send their own list. nb is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'nb';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag === 'nn' || tag.startsWith('nn-')) return 'nn';
    if (tag === 'nb' || tag === 'no' || tag.startsWith('nb-') || tag.startsWith('no-')) return 'nb';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'nb';
}
