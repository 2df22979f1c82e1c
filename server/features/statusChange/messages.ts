/** Server texts of status changes. Same keys in nb, nn and en. */
const nb = {
  'statusChange.programmeOnlyForChange': 'Nytt utdanningsprogram gjelder bare når eleven bytter utdanningsprogram.',
  'statusChange.alreadyLeft': 'Eleven har allerede sluttet.',
  'statusChange.decided': 'Rektor har allerede gjort vedtak i saken; forberedelsen kan ikke endres.',
  'statusChange.notDecided': 'Det er ikke gjort vedtak i saken ennå.',
  'statusChange.noMeetingWithStudent': 'Før vedtaket må det være holdt et møte med eleven.',
  'statusChange.effectiveNeeded': 'Når vedtaket innvilger endringen, må det ha en dato det gjelder fra.',
  'statusChange.effectiveBeforeDecision': 'Datoen vedtaket gjelder fra, kan ikke være før i dag ({today}).',
  'statusChange.inFuture': 'Datoen kan ikke være etter i dag ({today}).',
  'statusChange.beforeDecision': 'Datoen kan ikke være før vedtaket ({on}).',
  'statusChange.beforeDate': 'Datoen kan ikke være før {on}.',
  'statusChange.outcomeNeedsDate': 'Oppgi når klagen ble avgjort.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'statusChange.programmeOnlyForChange': 'Nytt utdanningsprogram gjeld berre når eleven byter utdanningsprogram.',
  'statusChange.alreadyLeft': 'Eleven har alt slutta.',
  'statusChange.decided': 'Rektor har alt gjort vedtak i saka; førebuinga kan ikkje endrast.',
  'statusChange.notDecided': 'Det er ikkje gjort vedtak i saka enno.',
  'statusChange.noMeetingWithStudent': 'Før vedtaket må det vere halde eit møte med eleven.',
  'statusChange.effectiveNeeded': 'Når vedtaket innvilgar endringa, må det ha ein dato det gjeld frå.',
  'statusChange.effectiveBeforeDecision': 'Datoen vedtaket gjeld frå, kan ikkje vere før i dag ({today}).',
  'statusChange.inFuture': 'Datoen kan ikkje vere etter i dag ({today}).',
  'statusChange.beforeDecision': 'Datoen kan ikkje vere før vedtaket ({on}).',
  'statusChange.beforeDate': 'Datoen kan ikkje vere før {on}.',
  'statusChange.outcomeNeedsDate': 'Skriv når klaga vart avgjord.',
};
const en: Record<Keys, string> = {
  'statusChange.programmeOnlyForChange': 'A new programme applies only when the student changes programme.',
  'statusChange.alreadyLeft': 'The student has already left.',
  'statusChange.decided': 'The principal has already decided; the preparation can no longer be changed.',
  'statusChange.notDecided': 'No decision has been made yet.',
  'statusChange.noMeetingWithStudent': 'A meeting with the student must be held before the decision.',
  'statusChange.effectiveNeeded': 'A decision that grants the change needs the date it takes effect.',
  'statusChange.effectiveBeforeDecision': 'The date the decision takes effect cannot be before today ({today}).',
  'statusChange.inFuture': 'The date cannot be after today ({today}).',
  'statusChange.beforeDecision': 'The date cannot be before the decision ({on}).',
  'statusChange.beforeDate': 'The date cannot be before {on}.',
  'statusChange.outcomeNeedsDate': 'Give the date the appeal was decided.',
};
export const statusChangeMessages = { nb, nn, en };
