/**
 * Server texts of accommodation needs.
 * Same keys in nb, nn and en.
 */
const nb = {
  'accommodationNeed.ended': 'Behovet er avsluttet og kan ikke endres.',
  'accommodationNeed.nothingToConfirm': 'Eleven har ingen registrerte behov å bekrefte.',
  'accommodationNeed.notInClass': 'Eleven er ikke i klassen eller har ingen registrerte behov.',
};
const nn: Record<keyof typeof nb, string> = {
  'accommodationNeed.ended': 'Behovet er avslutta og kan ikkje endrast.',
  'accommodationNeed.nothingToConfirm': 'Eleven har ingen registrerte behov å stadfeste.',
  'accommodationNeed.notInClass': 'Eleven er ikkje i klassen eller har ingen registrerte behov.',
};
const en: Record<keyof typeof nb, string> = {
  'accommodationNeed.ended': 'The need has ended and cannot be changed.',
  'accommodationNeed.nothingToConfirm': 'The student has no registered needs to confirm.',
  'accommodationNeed.notInClass': 'The student is not in the class or has no registered needs.',
};
export const accommodationNeedMessages = { nb, nn, en };
