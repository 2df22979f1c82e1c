/**
 * The demo school as the server seeds it (server/seed/demo.ts is deterministic: seed 2026), so the
 * journeys can name the hard cases — and know the protected addresses that must never appear.
 */
import { buildDemo } from '../server/seed/demo.js';

const { dataset, info } = buildDemo('not-a-real-hash');
/** the whole demo data set, for journeys that need more than the named hard cases below */
export const demoDataset = dataset;
export const demoHardCases = info.hardCases;

const personById = new Map(dataset.person.map((p) => [p.id, p]));
const studentById = new Map(dataset.student.map((s) => [s.id, s]));

export interface DemoPerson {
  id: string;
  name: string;
  /** "Kaigata 49C" */
  streetAddress: string | null;
  email: string | null;
  phone: string | null;
}

function person(personId: string): DemoPerson {
  const p = personById.get(personId);
  if (!p) throw new Error(`demo person ${personId} not found`);
  return { id: p.id, name: `${p.givenName} ${p.familyName}`, streetAddress: p.streetAddress ?? null, email: p.email ?? null, phone: p.phone ?? null };
}

function student(studentId: string): DemoPerson {
  const s = studentById.get(studentId);
  if (!s) throw new Error(`demo student ${studentId} not found`);
  return { ...person(s.personId), id: studentId };
}

const h = info.hardCases;
const loginName = (username: string): string => {
  const l = info.logins.find((x) => x.username === username);
  if (!l) throw new Error(`demo login ${username} not found`);
  return l.name;
};

export const demo = {
  schoolName: 'Fjellvik videregående skole',
  class2STA: { id: h.basisGroup2STAId, name: '2STA' },
  staff: {
    contactTeacher: loginName('kontaktlarer'),
    subjectTeacher: loginName('faglarer'),
    departmentHead: loginName('avdelingsleder'),
    counsellor: loginName('radgiver'),
    principal: loginName('rektor'),
  },
  /** `elev`: under 18, in 2STA and 2STA-MAT; `foresatt` is the first guardian */
  elev: student(h.elevStudentId),
  foresatt: person(h.elevGuardianPersonIds[0]),
  elevOtherGuardian: person(h.elevGuardianPersonIds[1]),
  /** `elev.myndig`: 18+, consent to `foresatt.myndig` only */
  adult: student(h.adultWithConsentStudentId),
  adultConsentGuardian: person(h.adultConsentGuardianPersonId),
  /** the student and the mother share a strictly confidential address; the father lives elsewhere */
  strict: student(h.strictlyConfidentialStudentId),
  strictGuardian: person(h.strictlyConfidentialGuardianPersonId),
  strictOtherGuardian: person(h.strictlyConfidentialOtherGuardianPersonId),
  /** `foresatt.uten`'s child in 2STA (he has no parental responsibility) */
  noResponsibilityStudent: student(h.noResponsibilityStudentId),
};
