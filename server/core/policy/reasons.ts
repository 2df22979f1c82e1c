import type { Locale } from '../i18n/locale.js';
import type { Reason } from './types.js';

type Texts = Record<Reason['code'], (p: Record<string, string>) => string>;

const nb: Texts = {
  self: () => 'eleven selv',
  contactTeacher: (p) => `kontaktlærer for ${p.group}`,
  subjectTeacher: (p) => `faglærer i ${p.subject}, gruppe ${p.group}`,
  departmentHead: (p) => `avdelingsleder for ${p.department}`,
  counsellor: (p) => `rådgiver ved ${p.school}`,
  principal: (p) => `rektor ved ${p.school}`,
  schoolAdmin: (p) => `skoleadministrator ved ${p.school}`,
  guardianWithParentalResponsibility: () => 'foresatt med foreldreansvar',
  guardianByConsent: () => 'foresatt med samtykke fra myndig elev',
  guardianByInformationDecision: () => 'forelder uten foreldreansvar, med vedtak om informasjon',
  author: () => 'forfatter av notatet',
  delegatedHolder: () => 'faglærer som holder en delegert elevsamtale',
  staffMember: (p) => `ansatt ved ${p.school}`,
  classMember: (p) => `elev i ${p.group}`,
  meetingParticipant: () => 'deltaker i møtet',
  resourceTeamMember: (p) => `medlem av ressursteamet ved ${p.school}`,
  noRelationship: () => 'ingen tilknytning til eleven',
  guardianWithoutParentalResponsibility: () => 'forelder uten foreldreansvar',
  adultWithoutConsent: () => 'eleven er myndig og har ikke gitt samtykke',
  roleNotAllowed: (p) => `rollen gir ikke tilgang til ${p.what ?? 'dette'}`,
  visibilityTier: () => 'notatet er skjermet for deg',
  otherOwner: () => 'tilhører en annen skoleeier',
};

const nn: Texts = {
  ...nb,
  self: () => 'eleven sjølv',
  contactTeacher: (p) => `kontaktlærar for ${p.group}`,
  subjectTeacher: (p) => `faglærar i ${p.subject}, gruppe ${p.group}`,
  departmentHead: (p) => `avdelingsleiar for ${p.department}`,
  counsellor: (p) => `rådgivar ved ${p.school}`,
  principal: (p) => `rektor ved ${p.school}`,
  schoolAdmin: (p) => `skuleadministrator ved ${p.school}`,
  guardianWithParentalResponsibility: () => 'føresett med foreldreansvar',
  guardianByConsent: () => 'føresett med samtykke frå myndig elev',
  guardianByInformationDecision: () => 'forelder utan foreldreansvar, med vedtak om informasjon',
  author: () => 'forfattar av notatet',
  delegatedHolder: () => 'faglærar som held ein delegert elevsamtale',
  staffMember: (p) => `tilsett ved ${p.school}`,
  classMember: (p) => `elev i ${p.group}`,
  meetingParticipant: () => 'deltakar i møtet',
  resourceTeamMember: (p) => `medlem av ressursteamet ved ${p.school}`,
  noRelationship: () => 'inga tilknyting til eleven',
  guardianWithoutParentalResponsibility: () => 'forelder utan foreldreansvar',
  adultWithoutConsent: () => 'eleven er myndig og har ikkje gitt samtykke',
  roleNotAllowed: (p) => `rolla gir ikkje tilgang til ${p.what ?? 'dette'}`,
  visibilityTier: () => 'notatet er skjerma for deg',
  otherOwner: () => 'høyrer til ein annan skuleeigar',
};

const en: Texts = {
  self: () => 'the student themself',
  contactTeacher: (p) => `contact teacher of ${p.group}`,
  subjectTeacher: (p) => `subject teacher in ${p.subject} group ${p.group}`,
  departmentHead: (p) => `department head of ${p.department}`,
  counsellor: (p) => `counsellor at ${p.school}`,
  principal: (p) => `principal of ${p.school}`,
  schoolAdmin: (p) => `school administrator at ${p.school}`,
  guardianWithParentalResponsibility: () => 'guardian with parental responsibility',
  guardianByConsent: () => 'guardian by consent of an adult student',
  guardianByInformationDecision: () => 'parent without parental responsibility, by a decision to inform',
  author: () => 'author of the record',
  delegatedHolder: () => 'subject teacher holding a delegated student conversation',
  staffMember: (p) => `staff member at ${p.school}`,
  classMember: (p) => `student in ${p.group}`,
  meetingParticipant: () => 'participant in the meeting',
  resourceTeamMember: (p) => `member of the resource team at ${p.school}`,
  noRelationship: () => 'no relationship to the student',
  guardianWithoutParentalResponsibility: () => 'parent without parental responsibility',
  adultWithoutConsent: () => 'the student is an adult and has not consented',
  roleNotAllowed: (p) => `the role gives no access to ${p.what ?? 'this'}`,
  visibilityTier: () => 'the record is restricted from you',
  otherOwner: () => 'belongs to another school owner',
};

const texts: Record<Locale, Texts> = { nb, nn, en };

/** An admin's change carries their own words on why (`note`), so the access log shows who and why. */
export function describeReason(reason: Reason, locale: Locale = 'en'): string {
  const relationship = texts[locale][reason.code](reason.params);
  return reason.params.note ? `${relationship}: «${reason.params.note}»` : relationship;
}
