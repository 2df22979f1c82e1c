/** Server texts of forms. Same keys in nb, nn and en. */
const nb = {
  'form.unknownForm': 'Skjemaet finnes ikke for denne klassen.',
  'form.notInClass': 'Eleven er ikke i klassen.',
  'form.notForStudent': 'Skjemaet gjelder ikke denne eleven (et annet trinn).',
  'form.duplicate': 'Samme elev og skjema står flere ganger.',
  'form.levelMismatch': 'Trinnet finnes ikke ved skolen.',
};
const nn: Record<keyof typeof nb, string> = {
  'form.unknownForm': 'Skjemaet finst ikkje for denne klassen.',
  'form.notInClass': 'Eleven er ikkje i klassen.',
  'form.notForStudent': 'Skjemaet gjeld ikkje denne eleven (eit anna trinn).',
  'form.duplicate': 'Same elev og skjema står fleire gonger.',
  'form.levelMismatch': 'Trinnet finst ikkje ved skulen.',
};
const en: Record<keyof typeof nb, string> = {
  'form.unknownForm': 'The form does not exist for this class.',
  'form.notInClass': 'The student is not in the class.',
  'form.notForStudent': 'The form does not apply to this student (another level).',
  'form.duplicate': 'The same student and form appear more than once.',
  'form.levelMismatch': 'The level does not exist at the school.',
};
export const formMessages = { nb, nn, en };
