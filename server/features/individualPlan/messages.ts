/** Server texts of the IOP (R-51, R-75, L-40) and the adapted arrangement. Same keys in nb, nn and en. */
const nb = {
  'individualPlan.subjectNotTaken': 'Velg bare fag eleven har dette skoleåret.',
  'individualPlan.partHasText': 'Faget {subject} har allerede tekst i planen og kan ikke tas ut.',
  'individualPlan.noSchoolYear': 'Det finnes ikke noe skoleår for i dag.',
  'individualPlan.decidedInFuture': 'Vedtaksdatoen kan ikke være etter i dag.',
  'individualPlan.reportsMissing': 'Rapporten mangler for: {subjects}.',
  'individualPlan.summaryMissing': 'Skriv oversikten og vurderingen før du fullfører.',
  'individualPlan.periodNotUsed': 'Skolen skriver ikke rapporten for denne perioden. Velg en av periodene skolen har valgt.',
  'adaptedArrangement.endsBeforeAgreed': 'Sluttdatoen kan ikke være før datoen opplegget ble avtalt.',
  'adaptedArrangement.agreedInFuture': 'Datoen for avtalen kan ikke være etter i dag.',
  'adaptedArrangement.nobodyAgreed': 'Opplegget må være avtalt med eleven, de foresatte eller støttetjenestene.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'individualPlan.subjectNotTaken': 'Vel berre fag eleven har dette skuleåret.',
  'individualPlan.partHasText': 'Faget {subject} har allereie tekst i planen og kan ikkje takast ut.',
  'individualPlan.noSchoolYear': 'Det finst ikkje noko skuleår for i dag.',
  'individualPlan.decidedInFuture': 'Vedtaksdatoen kan ikkje vere etter i dag.',
  'individualPlan.reportsMissing': 'Rapporten manglar for: {subjects}.',
  'individualPlan.summaryMissing': 'Skriv oversikta og vurderinga før du fullfører.',
  'individualPlan.periodNotUsed': 'Skulen skriv ikkje rapporten for denne perioden. Vel ein av periodane skulen har valt.',
  'adaptedArrangement.endsBeforeAgreed': 'Sluttdatoen kan ikkje vere før datoen opplegget vart avtalt.',
  'adaptedArrangement.agreedInFuture': 'Datoen for avtalen kan ikkje vere etter i dag.',
  'adaptedArrangement.nobodyAgreed': 'Opplegget må vere avtalt med eleven, dei føresette eller støttetenestene.',
};
const en: Record<Keys, string> = {
  'individualPlan.subjectNotTaken': 'Choose only subjects the student takes this school year.',
  'individualPlan.partHasText': 'The subject {subject} already has text in the plan and cannot be taken out.',
  'individualPlan.noSchoolYear': 'There is no school year for today.',
  'individualPlan.decidedInFuture': 'The decision date cannot be after today.',
  'individualPlan.reportsMissing': 'The report is missing for: {subjects}.',
  'individualPlan.summaryMissing': 'Write the overview and assessment before you finalise.',
  'individualPlan.periodNotUsed': 'The school does not write the report for this period. Choose one of the periods the school has chosen.',
  'adaptedArrangement.endsBeforeAgreed': 'The end date cannot be before the day the arrangement was agreed.',
  'adaptedArrangement.agreedInFuture': 'The date of the agreement cannot be after today.',
  'adaptedArrangement.nobodyAgreed': 'The arrangement must be agreed with the student, the guardians or the support services.',
};
export const individualPlanMessages = { nb, nn, en };
