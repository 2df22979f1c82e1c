/**
 * Counts in server texts follow the language's plural rules (Intl.PluralRules), written in ICU's way:
 * `{minutes, plural, one {# minutt} other {# minutter}}` — `#` is the number. "Prøv igjen om 1 minutter"
 * is what a plain `{minutes} minutter` gives.
 */
import type { Locale } from './locale.js';

const rules = new Map<Locale, Intl.PluralRules>();
const ruleFor = (locale: Locale) => rules.get(locale) ?? rules.set(locale, new Intl.PluralRules(locale)).get(locale)!;

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|\w+)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|\w+)\s*\{([^{}]*)\}/g;

/** Picks each plural block's form for its number; a missing number leaves the `other` form with an empty `#`. */
export function pluralize(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(PLURAL, (_, name: string, body: string) => {
    const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1]!, m[2]!]));
    const value = params[name];
    const n = typeof value === 'number' ? value : value === undefined || value === '' ? NaN : Number(value);
    const form = Number.isFinite(n) ? forms.get(`=${n}`) ?? forms.get(ruleFor(locale).select(n)) ?? forms.get('other') : forms.get('other');
    return (form ?? '').replace(/#/g, Number.isFinite(n) ? String(value) : '');
  });
}
