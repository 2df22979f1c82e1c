/** Server texts of measures. Same keys in nb, nn and en. */
const nb = {
  'measures.evaluateBeforeStart': 'Evalueringsdatoen kan ikke være før startdatoen.',
  'measures.ownerNotAtSchool': 'Den som har ansvaret, må være ansatt ved elevens skole.',
  'measures.unknownMeeting': 'Klasseteammøtet har ikke eleven på oppfølgingslista.',
  'measures.nextEvaluationNeeded': 'Når tiltaket videreføres, må det ha en ny evalueringsdato.',
  'measures.unknownCase': 'Saken finnes ikke for denne eleven, eller du har ikke tilgang til den.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'measures.evaluateBeforeStart': 'Evalueringsdatoen kan ikkje vere før startdatoen.',
  'measures.ownerNotAtSchool': 'Den som har ansvaret, må vere tilsett ved skulen til eleven.',
  'measures.unknownMeeting': 'Klasseteammøtet har ikkje eleven på oppfølgingslista.',
  'measures.nextEvaluationNeeded': 'Når tiltaket held fram, må det ha ein ny evalueringsdato.',
  'measures.unknownCase': 'Saka finst ikkje for denne eleven, eller du har ikkje tilgang til ho.',
};
const en: Record<Keys, string> = {
  'measures.evaluateBeforeStart': 'The evaluation date cannot be before the start date.',
  'measures.ownerNotAtSchool': "The owner must be a staff member at the student's school.",
  'measures.unknownMeeting': 'The class-team meeting does not have the student on its follow-up list.',
  'measures.nextEvaluationNeeded': 'A measure that continues needs a new evaluation date.',
  'measures.unknownCase': 'The case does not exist for this student, or you cannot read it.',
};
export const measuresMessages = { nb, nn, en };
