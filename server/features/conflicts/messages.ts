/** Server texts of conflicts between students. Same keys in nb, nn and en. */
const nb = {
  'conflict.noRelationship': 'Du må være kontaktlærer for minst én av elevene, eller leder ved skolen.',
  'conflict.unknownStudent': 'Finner ikke eleven ved skolen.',
  'conflict.duplicateStudent': 'Samme elev står flere ganger.',
  'conflict.otherSchool': 'Alle elevene må gå på samme skole.',
  'conflict.inFuture': 'Datoen kan ikke være fram i tid ({today}).',
  'conflict.resolvedOnRequired': 'Skriv når konflikten ble løst.',
  'conflict.resolvedOnNotAllowed': 'En åpen konflikt har ingen dato for når den ble løst.',
  'conflict.resolvedBeforeOccurred': 'Konflikten kan ikke være løst før den oppsto ({occurredOn}).',
  'conflict.notInvolved': 'Eleven er ikke med i konflikten.',
  'conflict.studentNotYours': 'Du kan bare føre steg og notater for elever du selv følger opp.',
};

type Keys = keyof typeof nb;

const nn: Record<Keys, string> = {
  'conflict.noRelationship': 'Du må vere kontaktlærar for minst éin av elevane, eller leiar ved skulen.',
  'conflict.unknownStudent': 'Finn ikkje eleven ved skulen.',
  'conflict.duplicateStudent': 'Same elev står fleire gonger.',
  'conflict.otherSchool': 'Alle elevane må gå på same skule.',
  'conflict.inFuture': 'Datoen kan ikkje vere fram i tid ({today}).',
  'conflict.resolvedOnRequired': 'Skriv når konflikten vart løyst.',
  'conflict.resolvedOnNotAllowed': 'Ein open konflikt har ingen dato for når han vart løyst.',
  'conflict.resolvedBeforeOccurred': 'Konflikten kan ikkje vere løyst før han oppstod ({occurredOn}).',
  'conflict.notInvolved': 'Eleven er ikkje med i konflikten.',
  'conflict.studentNotYours': 'Du kan berre føre steg og notat for elevar du sjølv følgjer opp.',
};

const en: Record<Keys, string> = {
  'conflict.noRelationship': 'You must be the contact teacher of at least one of the students, or a leader at the school.',
  'conflict.unknownStudent': 'The student was not found at the school.',
  'conflict.duplicateStudent': 'The same student is listed more than once.',
  'conflict.otherSchool': 'All the students must attend the same school.',
  'conflict.inFuture': 'The date cannot be in the future ({today}).',
  'conflict.resolvedOnRequired': 'Enter when the conflict was resolved.',
  'conflict.resolvedOnNotAllowed': 'An open conflict has no date of resolution.',
  'conflict.resolvedBeforeOccurred': 'The conflict cannot be resolved before it happened ({occurredOn}).',
  'conflict.notInvolved': 'The student is not involved in the conflict.',
  'conflict.studentNotYours': 'You can only record steps and notes for students you follow up yourself.',
};

export const conflictMessages = { nb, nn, en };
