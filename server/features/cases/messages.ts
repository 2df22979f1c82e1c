/** Server texts of cases. Same keys in nb, nn and en. */
const nb = {
  'cases.raisedInFuture': 'Datoen saken ble meldt, kan ikke være fram i tid.',
  'cases.occurredInFuture': 'Datoen for hendelsen kan ikke være fram i tid.',
  'cases.unknownEvent': 'Oppføringen som skal rettes, finnes ikke i denne sakens kronologi.',
  'cases.staffOrExternal': 'Velg enten en ansatt eller skriv navnet på en ekstern deltaker.',
  'cases.externalNeedsRole': 'En ekstern deltaker må ha en rolle (for eksempel PP-rådgiver).',
  'cases.participantNotAtSchool': 'Deltakeren må være ansatt ved skolen og arbeide med eleven.',
  'cases.participantAlready': 'Den ansatte er allerede deltaker i saken.',
  'cases.closed': 'Saken er avsluttet.',
  'cases.notStaff': 'Bare ansatte ved elevens skole kan melde en sak.',
  'cases.dateTooEarly': 'Datoen er for langt tilbake i tid.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'cases.raisedInFuture': 'Datoen saka vart meld, kan ikkje vere fram i tid.',
  'cases.occurredInFuture': 'Datoen for hendinga kan ikkje vere fram i tid.',
  'cases.unknownEvent': 'Oppføringa som skal rettast, finst ikkje i kronologien til denne saka.',
  'cases.staffOrExternal': 'Vel anten ein tilsett eller skriv namnet på ein ekstern deltakar.',
  'cases.externalNeedsRole': 'Ein ekstern deltakar må ha ei rolle (til dømes PP-rådgivar).',
  'cases.participantNotAtSchool': 'Deltakaren må vere tilsett ved skulen og arbeide med eleven.',
  'cases.participantAlready': 'Den tilsette er allereie deltakar i saka.',
  'cases.closed': 'Saka er avslutta.',
  'cases.notStaff': 'Berre tilsette ved skulen til eleven kan melde ei sak.',
  'cases.dateTooEarly': 'Datoen er for langt tilbake i tid.',
};
const en: Record<Keys, string> = {
  'cases.raisedInFuture': 'The date the case was raised cannot be in the future.',
  'cases.occurredInFuture': 'The date of the event cannot be in the future.',
  'cases.unknownEvent': "The entry to correct is not in this case's chronology.",
  'cases.staffOrExternal': 'Choose either a staff member or type the name of an external participant.',
  'cases.externalNeedsRole': 'An external participant needs a role (for example PPT advisor).',
  'cases.participantNotAtSchool': 'The participant must be a staff member at the school who works with the student.',
  'cases.participantAlready': 'The staff member already takes part in the case.',
  'cases.closed': 'The case is closed.',
  'cases.notStaff': "Only staff at the student's school can raise a case.",
  'cases.dateTooEarly': 'The date is too far back in time.',
};
export const casesMessages = { nb, nn, en };
