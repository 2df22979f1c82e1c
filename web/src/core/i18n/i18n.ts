import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';

export const locales: readonly Locale[] = ['nb', 'nn', 'en'];
/** Each language is named in itself, so that someone who cannot read the current one still finds theirs. */
export const localeNames: Record<Locale, string> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', en: 'English' };

const STORAGE_KEY = 'elevlos.locale';

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (locales as readonly string[]).includes(v);

/** The language chosen on this device, if any (private browsing may forbid storage). */
export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this device; the server copy (PUT /api/me/locale) still applies after login.
  }
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/**
 * Load the texts and pick the language; before the first render. The texts come from app/ (core's
 * dictionaries and every feature's), so the instance is created here but started there.
 */
export function startI18n(resources: Resource): void {
  void i18n.use(initReactI18next).init({
    resources,
    lng: storedLocale() ?? 'nb',
    fallbackLng: 'nb',
    supportedLngs: [...locales],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'nb';
}

/** Switch the UI language and remember it on this device. */
export async function applyLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
