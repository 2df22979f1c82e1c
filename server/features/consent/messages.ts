/** Server texts of consent (R-16, L-05): who gives it and to whom. Same keys in nb, nn and en. */
const nb = {
  'error.notAdult': 'Bare myndige elever (18 år eller eldre) gir samtykke selv.',
  'error.notGuardian': 'Personen er ikke foresatt for eleven.',
};

const nn = {
  'error.notAdult': 'Berre myndige elevar (18 år eller eldre) gir samtykke sjølve.',
  'error.notGuardian': 'Personen er ikkje føresett for eleven.',
};

const en = {
  'error.notAdult': 'Only adult students (18 or older) give consent themselves.',
  'error.notGuardian': 'That person is not a guardian of the student.',
};

export const consentMessages = { nb, nn, en };
