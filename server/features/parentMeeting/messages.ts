/** Server texts of parent meetings. Same keys in nb, nn and en. */
const nb = {
  'parentMeeting.inFuture': 'Møtet kan ikke føres før det er holdt (i dag er {today}).',
  'parentMeeting.notGuardian': 'Personen er ikke en foresatt med innsyn for denne eleven.',
  'parentMeeting.duplicate': 'Samme foresatt står flere ganger for samme elev.',
};
const nn: Record<keyof typeof nb, string> = {
  'parentMeeting.inFuture': 'Møtet kan ikkje førast før det er halde (i dag er {today}).',
  'parentMeeting.notGuardian': 'Personen er ikkje ein føresett med innsyn for denne eleven.',
  'parentMeeting.duplicate': 'Same føresette står fleire gonger for same elev.',
};
const en: Record<keyof typeof nb, string> = {
  'parentMeeting.inFuture': 'The meeting cannot be recorded before it is held (today is {today}).',
  'parentMeeting.notGuardian': 'The person is not a guardian with insight for this student.',
  'parentMeeting.duplicate': 'The same guardian appears more than once for the same student.',
};
export const parentMeetingMessages = { nb, nn, en };
