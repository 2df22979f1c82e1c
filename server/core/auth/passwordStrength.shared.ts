/**
 * The minimum-strength rule for every new local password (a change, a reset, the first admin):
 * at least 10 characters, and zxcvbn-ts must estimate at least 10^8 guesses (score 3 of 4).
 *
 * Why zxcvbn rather than NIST 800-63B's length + breached-list rule alone: the breached list would
 * mean either shipping a corpus of hundreds of megabytes or sending hash prefixes of guardians'
 * passwords to a third party from a school system; zxcvbn-ts works offline with a common-password
 * list and also catches what people here actually choose — their own name or username, the school,
 * a year, a keyboard row, "Sommer2024!" — while accepting long passphrases of plain words, which is
 * what NIST's rule is after. The 10-character floor keeps short-but-random strings out too.
 *
 * It answers with a reason code; the caller turns it into a message in the person's language.
 *
 * The server and the browser's strength meter run this same module (the web imports it lazily, in its
 * own chunk), so it imports nothing but @zxcvbn-ts: no node:*, nothing of the server's.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn looks at no more than this; longer is strong anyway, and argon2 takes any length */
export const PASSWORD_MAX_LENGTH = 256;
const MIN_SCORE = 3;

export const weakReasons = ['tooShort', 'tooLong', 'common', 'personal', 'dates', 'keyboard', 'repeats', 'names', 'guessable'] as const;
export type WeakReason = (typeof weakReasons)[number];
export type StrengthResult = { ok: true } | { ok: false; reason: WeakReason };
export interface Strength {
  /** 0–4, zxcvbn's scale; MIN_SCORE is the floor */
  score: number;
  reason: WeakReason | null;
}

/**
 * Words Norwegians put in passwords that the library's (English-leaning) lists do not know: the word
 * for password itself, seasons, months, days, places, clubs, school words and the app's own name.
 */
const NORWEGIAN = [
  'passord', 'hemmelig', 'hemmeleg', 'elevlos', 'skole', 'skule', 'elev', 'lærer', 'larer', 'lærar', 'rektor', 'klasse',
  'sommer', 'sommar', 'vinter', 'høst', 'haust', 'vår', 'vaar', 'jul', 'julaften', 'påske', 'paske', 'snø', 'sol',
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'måndag', 'tysdag', 'laurdag', 'sundag',
  'norge', 'noreg', 'norsk', 'oslo', 'bergen', 'trondheim', 'stavanger', 'tromsø', 'tromso', 'kristiansand', 'drammen',
  'fredrikstad', 'bodø', 'ålesund', 'lofoten', 'finnmark', 'vestland', 'rogaland', 'viken', 'innlandet', 'trøndelag',
  'rosenborg', 'brann', 'vålerenga', 'valerenga', 'molde', 'viking', 'lillestrøm', 'fotball', 'håndball', 'ski',
  'mamma', 'pappa', 'familie', 'kjæreste', 'kjareste', 'jegelskerdeg', 'egelskardeg', 'elsker', 'hjerte', 'venner',
  'hund', 'katt', 'hest', 'fisk', 'hytte', 'fjell', 'fjord', 'troll', 'brunost', 'sjokolade', 'velkommen', 'heisann',
];

let factory: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries take a few tens of milliseconds to rank. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, norwegian: NORWEGIAN },
    graphs: adjacencyGraphs,
    useLevenshteinDistance: true,
    maxLength: PASSWORD_MAX_LENGTH,
  });
  return factory;
}

/** The person's own words (names, username, e-mail, school), split the way people glue them together. */
function personalWords(inputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    const lower = input.toLowerCase().trim();
    if (!lower) continue;
    words.add(lower);
    words.add(lower.replace(/[\s._@-]+/g, ''));
    for (const part of lower.split(/[\s._@-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * The person's own words with a year or a few symbols around them ("TirilAlbertsen2009!"): zxcvbn's
 * estimate for a password of three short parts can reach its score 3 by counting the ways to combine
 * them, but anyone who knows the person tries exactly those first.
 */
function madeOfPersonalWords(result: ZxcvbnResult): boolean {
  const parts = result.sequence;
  const personal = parts.filter((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  const filler = (m: (typeof parts)[number]) =>
    ['regex', 'date', 'repeat', 'sequence', 'separator'].includes(m.pattern) || (m.pattern === 'bruteforce' && /^[\d\p{P}\p{S}]{1,6}$/u.test(m.token));
  return personal.length > 0 && parts.every((m) => personal.includes(m) || filler(m));
}

function reasonOf(result: ZxcvbnResult): WeakReason {
  switch (result.feedback.warning) {
    case 'topTen': case 'topHundred': case 'common': case 'similarToCommon': case 'pwned':
      return 'common';
    case 'userInputs':
      return 'personal';
    case 'dates': case 'recentYears':
      return 'dates';
    case 'straightRow': case 'keyPattern':
      return 'keyboard';
    case 'simpleRepeat': case 'extendedRepeat': case 'sequences':
      return 'repeats';
    case 'namesByThemselves': case 'commonNames':
      return 'names';
    default:
      return 'guessable';
  }
}

/**
 * How strong `password` looks (for the meter while typing) and, when it falls short of the rule, why.
 * `personal` are the person's own words (given and family name, username, e-mail, school): a password
 * built from them is refused as personal.
 */
export function estimateStrength(password: string, personal: readonly string[] = []): Strength {
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) return { score: 4, reason: 'tooLong' };
  const inputs = personalWords(personal);
  // "Kari Nordmann 1985" is as weak as "karinordmann1985": the separators add next to nothing
  const squeezed = password.replace(/[\s._-]+/g, '');
  const results = [estimator().check(password, inputs)];
  if (squeezed !== password && squeezed.length > 0) results.push(estimator().check(squeezed, inputs));
  const worst = results.reduce((a, b) => (b.guessesLog10 < a.guessesLog10 ? b : a));
  if (length < PASSWORD_MIN_LENGTH) return { score: Math.min(worst.score, 1), reason: 'tooShort' };
  if (results.some(madeOfPersonalWords)) return { score: Math.min(worst.score, 1), reason: 'personal' };
  return { score: worst.score, reason: worst.score >= MIN_SCORE ? null : reasonOf(worst) };
}

/** Whether `password` may be set: the server's verdict, from the same estimate the meter shows. */
export function checkPasswordStrength(password: string, personal: readonly string[] = []): StrengthResult {
  const { reason } = estimateStrength(password, personal);
  return reason === null ? { ok: true } : { ok: false, reason };
}
