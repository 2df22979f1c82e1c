/**
 * Shared shapes of the authorization matrix (authorization-matrix.test.ts). Each feature lists its
 * routes' rows in its own `<feature>/authorization.cases.ts`, next to the routes they test.
 */
import type { Client, TestApp } from './harness.js';

export type Who =
  | 'contactTeacher' | 'contactTeacherOther' | 'subjectTeacher' | 'subjectTeacherOther'
  | 'departmentHead' | 'departmentHeadOther' | 'counsellor' | 'principal' | 'schoolAdmin'
  | 'student' | 'studentOther' | 'guardian' | 'guardianWithoutInsight' | 'anonymous';
export const EVERYONE: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead',
  'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin', 'student', 'studentOther', 'guardian', 'guardianWithoutInsight', 'anonymous'];

/** Which student a route is tried on: `elev` (under 18), the adult with consent, or the one whose parent lacks parental responsibility. */
export type Target = 'minor' | 'adult' | 'noResponsibility';

export interface Case {
  target: Target;
  allowed: Who[];
  /** `who` lets a write that can be done only once (a delete, a copy) give each allowed caller its own target */
  request(ids: Ids & Record<string, string>, who: Who): { url: string; body?: unknown; headers?: Record<string, string> };
}

export interface Ids {
  studentId: string; basisGroupId: string; teachingGroupId: string; guardianPersonId: string; guardianshipId: string;
}

export const STAFF_WITH_CONTACT: Who[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];

export interface MatrixContext {
  t: TestApp;
  /** logged-in clients by Who, plus 'adult:student' and 'adult:guardian' */
  clients: Map<string, Client>;
  ids: Record<Target, Ids>;
}

/** A feature's rows, and what it must create first (returns extra ids, merged into every target's ids). */
export interface MatrixFeature {
  cases: Record<string, Case>;
  own?: Record<string, (ids: Ids & Record<string, string>) => { url: string; body?: unknown }>;
  setup?(ctx: MatrixContext): Promise<Record<string, string>>;
}
