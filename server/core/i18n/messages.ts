import type { Locale } from './locale.js';
import { pluralize } from './plural.js';

export type Catalog = Record<string, string>;
/** One feature's server texts: the same keys in each language. */
export type MessageCatalogs = Record<Locale, Catalog>;

/**
 * Server-side texts: error messages and field errors. Core's own are here; each feature registers its own
 * (`features/<feature>/messages.ts`) through its description. The web app has its own catalogue.
 */
const nb: Catalog = {
  'error.noSchoolYear': 'Det finnes ikke noe skoleår for denne datoen.',
  'error.badRequest': 'Noe i forespørselen er ikke gyldig.',
  'error.notFound': 'Fant ikke det du ba om.',
  'error.forbidden': 'Du har ikke tilgang til dette.',
  'error.unauthenticated': 'Du må logge inn.',
  'error.csrf': 'Skjemaet er utløpt. Last siden på nytt og prøv igjen.',
  'error.loginFailed': 'Feil brukernavn eller passord.',
  'error.rateLimited': 'For mange innloggingsforsøk. Prøv igjen om {minutes, plural, one {# minutt} other {# minutter}}.',
  'error.conflict': 'Det du prøvde å lagre, krasjer med noe som allerede er lagret.',
  'error.internal': 'Noe gikk galt hos oss. Det du lagret tidligere, er ikke endret.',
  'error.oidcFailed': 'Innloggingen med {label} mislyktes. Prøv igjen.',
  'error.oidcUnknown': 'Brukeren fra {label} er ikke knyttet til noen person i Elevlos.',
  'field.required': 'Må fylles ut.',
  'field.invalidType': 'Har feil type (forventet {expected}).',
  'field.tooSmall': 'Er for kort eller for lite (minst {minimum}).',
  'field.tooBig': 'Er for langt eller for stort (høyst {maximum}).',
  'field.invalidFormat': 'Har feil format (forventet {format}).',
  'field.invalidValue': 'Må være en av: {values}.',
  'field.unknownKey': 'Feltet er ukjent.',
  'field.invalid': 'Er ikke gyldig.',
  'field.controlCharacter': 'Inneholder tegn som ikke kan lagres (kontrolltegn eller ufullstendige tegn).',
  'field.dateInFuture': 'Datoen kan ikke være fram i tid.',
};

const nn: Catalog = {
  'error.noSchoolYear': 'Det finst ikkje noko skuleår for denne datoen.',
  'error.badRequest': 'Noko i førespurnaden er ikkje gyldig.',
  'error.notFound': 'Fann ikkje det du bad om.',
  'error.forbidden': 'Du har ikkje tilgang til dette.',
  'error.unauthenticated': 'Du må logge inn.',
  'error.csrf': 'Skjemaet har gått ut. Last sida på nytt og prøv igjen.',
  'error.loginFailed': 'Feil brukarnamn eller passord.',
  'error.rateLimited': 'For mange innloggingsforsøk. Prøv igjen om {minutes, plural, one {# minutt} other {# minutt}}.',
  'error.conflict': 'Det du prøvde å lagre, krasjar med noko som alt er lagra.',
  'error.internal': 'Noko gjekk gale hos oss. Det du lagra tidlegare, er ikkje endra.',
  'error.oidcFailed': 'Innlogginga med {label} mislukkast. Prøv igjen.',
  'error.oidcUnknown': 'Brukaren frå {label} er ikkje knytt til nokon person i Elevlos.',
  'field.required': 'Må fyllast ut.',
  'field.invalidType': 'Har feil type (venta {expected}).',
  'field.tooSmall': 'Er for kort eller for lite (minst {minimum}).',
  'field.tooBig': 'Er for langt eller for stort (høgst {maximum}).',
  'field.invalidFormat': 'Har feil format (venta {format}).',
  'field.invalidValue': 'Må vere ein av: {values}.',
  'field.unknownKey': 'Feltet er ukjent.',
  'field.invalid': 'Er ikkje gyldig.',
  'field.controlCharacter': 'Inneheld teikn som ikkje kan lagrast (kontrollteikn eller ufullstendige teikn).',
  'field.dateInFuture': 'Datoen kan ikkje vere fram i tid.',
};

const en: Catalog = {
  'error.noSchoolYear': 'There is no school year for this date.',
  'error.badRequest': 'Something in the request is not valid.',
  'error.notFound': 'We could not find what you asked for.',
  'error.forbidden': 'You do not have access to this.',
  'error.unauthenticated': 'You need to log in.',
  'error.csrf': 'The form has expired. Reload the page and try again.',
  'error.loginFailed': 'Wrong username or password.',
  'error.rateLimited': 'Too many login attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'error.conflict': 'What you tried to save conflicts with something already saved.',
  'error.internal': 'Something went wrong on our side. What you saved before is unchanged.',
  'error.oidcFailed': 'Logging in with {label} failed. Try again.',
  'error.oidcUnknown': 'The {label} user is not linked to anyone in Elevlos.',
  'field.required': 'Is required.',
  'field.invalidType': 'Has the wrong type (expected {expected}).',
  'field.tooSmall': 'Is too short or too small (at least {minimum}).',
  'field.tooBig': 'Is too long or too big (at most {maximum}).',
  'field.invalidFormat': 'Has the wrong format (expected {format}).',
  'field.invalidValue': 'Must be one of: {values}.',
  'field.unknownKey': 'Is not a known field.',
  'field.invalid': 'Is not valid.',
  'field.controlCharacter': 'Contains characters that cannot be stored (control characters or incomplete characters).',
  'field.dateInFuture': 'The date cannot be in the future.',
};

const catalogs: MessageCatalogs = { nb: { ...nb }, nn: { ...nn }, en: { ...en } };

/** Adds a feature's texts; a key that two features define is a programming error. */
export function registerMessages(messages: MessageCatalogs): void {
  for (const locale of Object.keys(catalogs) as Locale[]) {
    for (const [key, text] of Object.entries(messages[locale])) {
      if (key in catalogs[locale]) throw new Error(`messages: ${key} is defined twice`);
      catalogs[locale][key] = text;
    }
  }
}

export type MessageKey = string;

/** `{name}` is replaced by the parameter; a count takes the language's plural form (plural.ts). */

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = pluralize(locale, catalogs[locale][key] ?? catalogs.nb[key] ?? key, params);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
