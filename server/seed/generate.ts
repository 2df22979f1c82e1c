/**
 * The deterministic demo-data generator: one school owner with N upper-secondary schools of M students
 * each, as plain insert rows per table (core/db/tables.ts and the features' tables.ts). Same options → same rows, ids included.
 *
 * Everyone is generated: names, addresses and national identity numbers are random combinations,
 * and the identity numbers are synthetic test numbers (birth month + 80), never real ones.
 */
import type { AddressProtection, Level } from '../core/db/tables.js';
import * as coreTables from '../core/db/tables.js';
import * as absenceTables from '../features/absence/tables.js';
import * as accommodationNeedTables from '../features/accommodationNeeds/tables.js';
import * as conversationTables from '../features/conversations/tables.js';

/** the tables the demo data fills: core's and those of the features it generates data for */
const s = { ...coreTables, ...absenceTables, ...accommodationNeedTables, ...conversationTables };
import { addConversations } from './conversations.js';
import { addAbsence, addAbsenceExtras, addSchoolHolidays, addTimetable, contactTeacherByStudent } from './absence.js';
import { Random, hashSeed } from './random.js';
import {
  emailSlug, origins, originWeights, postalTowns, schoolNameFirstParts, schoolNameLastParts, streetNames,
  type FamilyName, type NameOrigin, type PostalPlace,
} from './names.js';

// ---------------------------------------------------------------------------------------------
// Row types and the data set

export type SchoolOwnerRow = typeof s.schoolOwner.$inferInsert;
export type SchoolRow = typeof s.school.$inferInsert;
export type SchoolYearRow = typeof s.schoolYear.$inferInsert;
export type TermRow = typeof s.term.$inferInsert;
export type DepartmentRow = typeof s.department.$inferInsert;
export type SubjectRow = typeof s.subject.$inferInsert;
export type PersonRow = typeof s.person.$inferInsert;
export type StudentRow = typeof s.student.$inferInsert;
export type AccommodationNeedRow = typeof s.accommodationNeed.$inferInsert;
export type GuardianshipRow = typeof s.guardianship.$inferInsert;
export type ConsentRow = typeof s.consent.$inferInsert;
export type StaffMemberRow = typeof s.staffMember.$inferInsert;
export type StaffRoleRow = typeof s.staffRole.$inferInsert;
export type BasisGroupRow = typeof s.basisGroup.$inferInsert;
export type ContactTeacherAssignmentRow = typeof s.contactTeacherAssignment.$inferInsert;
export type TeachingGroupRow = typeof s.teachingGroup.$inferInsert;
export type SubjectTeacherAssignmentRow = typeof s.subjectTeacherAssignment.$inferInsert;
export type EnrolmentRow = typeof s.enrolment.$inferInsert;
export type AccountRow = typeof s.account.$inferInsert;
export type InformationDecisionRow = typeof s.informationDecision.$inferInsert;
export type ConversationTemplateRow = typeof s.conversationTemplate.$inferInsert;
export type ConversationTemplateVersionRow = typeof s.conversationTemplateVersion.$inferInsert;
export type ConversationPlanRow = typeof s.conversationPlan.$inferInsert;
export type ConversationWindowRow = typeof s.conversationWindow.$inferInsert;
export type ConversationRow = typeof s.conversation.$inferInsert;
export type GuardianConferenceOfferRow = typeof s.guardianConferenceOffer.$inferInsert;
export type ConversationNoteRow = typeof s.conversationNote.$inferInsert;
export type ConversationFollowUpRow = typeof s.conversationFollowUp.$inferInsert;
export type SchoolHolidayRow = typeof s.schoolHoliday.$inferInsert;
export type LessonRow = typeof s.lesson.$inferInsert;
export type AbsenceRow = typeof s.absence.$inferInsert;
export type HigherRiskConditionRow = typeof s.higherRiskCondition.$inferInsert;
export type WeeklyCheckRow = typeof s.weeklyCheck.$inferInsert;

/** one array of insert rows per table */
export interface Dataset {
  schoolOwner: SchoolOwnerRow[];
  school: SchoolRow[];
  schoolYear: SchoolYearRow[];
  term: TermRow[];
  department: DepartmentRow[];
  subject: SubjectRow[];
  person: PersonRow[];
  student: StudentRow[];
  accommodationNeed: AccommodationNeedRow[];
  guardianship: GuardianshipRow[];
  consent: ConsentRow[];
  staffMember: StaffMemberRow[];
  staffRole: StaffRoleRow[];
  basisGroup: BasisGroupRow[];
  contactTeacherAssignment: ContactTeacherAssignmentRow[];
  teachingGroup: TeachingGroupRow[];
  subjectTeacherAssignment: SubjectTeacherAssignmentRow[];
  enrolment: EnrolmentRow[];
  account: AccountRow[];
  informationDecision: InformationDecisionRow[];
  conversationTemplate: ConversationTemplateRow[];
  conversationTemplateVersion: ConversationTemplateVersionRow[];
  conversationPlan: ConversationPlanRow[];
  conversationWindow: ConversationWindowRow[];
  conversation: ConversationRow[];
  guardianConferenceOffer: GuardianConferenceOfferRow[];
  conversationNote: ConversationNoteRow[];
  conversationFollowUp: ConversationFollowUpRow[];
  schoolHoliday: SchoolHolidayRow[];
  lesson: LessonRow[];
  absence: AbsenceRow[];
  higherRiskCondition: HigherRiskConditionRow[];
  weeklyCheck: WeeklyCheckRow[];
}

export type TableKey = keyof Dataset;

/** the drizzle table of each data-set key */
export const datasetTables = {
  schoolOwner: s.schoolOwner,
  school: s.school,
  schoolYear: s.schoolYear,
  term: s.term,
  department: s.department,
  subject: s.subject,
  person: s.person,
  student: s.student,
  accommodationNeed: s.accommodationNeed,
  guardianship: s.guardianship,
  consent: s.consent,
  staffMember: s.staffMember,
  staffRole: s.staffRole,
  basisGroup: s.basisGroup,
  contactTeacherAssignment: s.contactTeacherAssignment,
  teachingGroup: s.teachingGroup,
  subjectTeacherAssignment: s.subjectTeacherAssignment,
  enrolment: s.enrolment,
  account: s.account,
  informationDecision: s.informationDecision,
  conversationTemplate: s.conversationTemplate,
  conversationTemplateVersion: s.conversationTemplateVersion,
  conversationPlan: s.conversationPlan,
  conversationWindow: s.conversationWindow,
  conversation: s.conversation,
  guardianConferenceOffer: s.guardianConferenceOffer,
  conversationNote: s.conversationNote,
  conversationFollowUp: s.conversationFollowUp,
  schoolHoliday: s.schoolHoliday,
  lesson: s.lesson,
  absence: s.absence,
  higherRiskCondition: s.higherRiskCondition,
  weeklyCheck: s.weeklyCheck,
} as const satisfies Record<TableKey, unknown>;

/** an order in which every foreign key points at rows inserted before */
export const insertOrder: readonly TableKey[] = [
  'schoolOwner', 'school', 'schoolYear', 'term', 'department', 'subject', 'person', 'account',
  'staffMember', 'staffRole', 'student', 'accommodationNeed', 'guardianship', 'informationDecision',
  'consent', 'basisGroup', 'contactTeacherAssignment', 'teachingGroup', 'subjectTeacherAssignment', 'enrolment',
  'conversationTemplate', 'conversationTemplateVersion', 'conversationPlan', 'conversationWindow', 'conversation', 'guardianConferenceOffer',
  'conversationNote', 'conversationFollowUp', 'schoolHoliday', 'lesson', 'absence', 'higherRiskCondition', 'weeklyCheck',
];

export function emptyDataset(): Dataset {
  return {
    schoolOwner: [], school: [], schoolYear: [], term: [], department: [], subject: [], person: [], student: [],
    accommodationNeed: [], guardianship: [], consent: [], staffMember: [], staffRole: [], basisGroup: [],
    contactTeacherAssignment: [], teachingGroup: [], subjectTeacherAssignment: [], enrolment: [], account: [],
    informationDecision: [], conversationTemplate: [], conversationTemplateVersion: [], conversationPlan: [], conversationWindow: [],
    conversation: [], guardianConferenceOffer: [], conversationNote: [], conversationFollowUp: [],
    schoolHoliday: [], lesson: [], absence: [], higherRiskCondition: [], weeklyCheck: [],
  };
}

export function datasetCounts(ds: Dataset): Record<TableKey, number> {
  const out = {} as Record<TableKey, number>;
  for (const key of insertOrder) out[key] = ds[key].length;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The school year and the curriculum (LK20-like codes and annual hours)

export const DEFAULT_TODAY = '2026-11-25';
export const SCHOOL_YEAR = { name: '2026/27', startsOn: '2026-08-19', endsOn: '2027-06-18' } as const;
export const TERMS = [
  { kind: 'autumn', startsOn: '2026-08-19', endsOn: '2026-12-18' },
  { kind: 'spring', startsOn: '2027-01-04', endsOn: '2027-06-18' },
] as const;
export const MAX_BASIS_GROUP_SIZE = 30;

export interface SubjectDef {
  readonly code: string;
  readonly name: string;
  readonly annualHours: number;
}

export const subjectDefs: readonly SubjectDef[] = [
  { code: 'NOR1206', name: 'Norsk Vg1', annualHours: 113 },
  { code: 'NOR1211', name: 'Norsk Vg2', annualHours: 112 },
  { code: 'NOR1267', name: 'Norsk Vg3', annualHours: 168 },
  { code: 'NOR1208', name: 'Norsk Vg1 yrkesfag', annualHours: 56 },
  { code: 'NOR1209', name: 'Norsk Vg2 yrkesfag', annualHours: 56 },
  { code: 'ENG1007', name: 'Engelsk', annualHours: 140 },
  { code: 'ENG1008', name: 'Engelsk Vg1 yrkesfag', annualHours: 56 },
  { code: 'ENG1009', name: 'Engelsk Vg2 yrkesfag', annualHours: 84 },
  { code: 'MAT1019', name: 'Matematikk 1T', annualHours: 140 },
  { code: 'MAT1021', name: 'Matematikk 2P', annualHours: 84 },
  { code: 'MAT1023', name: 'Matematikk 1P-Y-HS', annualHours: 56 },
  { code: 'MAT1025', name: 'Matematikk 1P-Y-TP', annualHours: 56 },
  { code: 'NAT1007', name: 'Naturfag', annualHours: 140 },
  { code: 'NAT1009', name: 'Naturfag yrkesfag', annualHours: 56 },
  { code: 'SAF1001', name: 'Samfunnskunnskap', annualHours: 84 },
  { code: 'SAF1002', name: 'Samfunnskunnskap yrkesfag', annualHours: 84 },
  { code: 'GEO1003', name: 'Geografi', annualHours: 56 },
  { code: 'HIS1009', name: 'Historie Vg2', annualHours: 56 },
  { code: 'HIS1010', name: 'Historie Vg3', annualHours: 113 },
  { code: 'REL1003', name: 'Religion og etikk', annualHours: 84 },
  { code: 'KRO1017', name: 'Kroppsøving Vg1', annualHours: 56 },
  { code: 'KRO1018', name: 'Kroppsøving Vg2', annualHours: 56 },
  { code: 'KRO1019', name: 'Kroppsøving Vg3', annualHours: 56 },
  { code: 'FSP6218', name: 'Spansk nivå II Vg1', annualHours: 113 },
  { code: 'FSP6219', name: 'Spansk nivå II Vg2', annualHours: 113 },
  { code: 'FSP6215', name: 'Tysk nivå II Vg1', annualHours: 113 },
  { code: 'FSP6216', name: 'Tysk nivå II Vg2', annualHours: 113 },
  { code: 'FSP6212', name: 'Fransk nivå II Vg1', annualHours: 113 },
  { code: 'FSP6213', name: 'Fransk nivå II Vg2', annualHours: 113 },
  { code: 'REA3056', name: 'Matematikk R1', annualHours: 140 },
  { code: 'REA3058', name: 'Matematikk S1', annualHours: 140 },
  { code: 'REA3060', name: 'Matematikk R2', annualHours: 140 },
  { code: 'REA3062', name: 'Matematikk S2', annualHours: 140 },
  { code: 'REA3032', name: 'Fysikk 1', annualHours: 140 },
  { code: 'REA3034', name: 'Fysikk 2', annualHours: 140 },
  { code: 'REA3038', name: 'Kjemi 1', annualHours: 140 },
  { code: 'REA3040', name: 'Kjemi 2', annualHours: 140 },
  { code: 'REA3044', name: 'Biologi 1', annualHours: 140 },
  { code: 'REA3046', name: 'Biologi 2', annualHours: 140 },
  { code: 'SAM3068', name: 'Sosiologi og sosialantropologi', annualHours: 140 },
  { code: 'SAM3072', name: 'Politikk og menneskerettigheter', annualHours: 140 },
  { code: 'SAM3073', name: 'Rettslære 1', annualHours: 140 },
  { code: 'SAM3074', name: 'Rettslære 2', annualHours: 140 },
  { code: 'SAM3097', name: 'Psykologi 1', annualHours: 140 },
  { code: 'SAM3098', name: 'Psykologi 2', annualHours: 140 },
  { code: 'SAM3092', name: 'Markedsføring og ledelse 1', annualHours: 140 },
  { code: 'SAM3093', name: 'Markedsføring og ledelse 2', annualHours: 140 },
  { code: 'HSF1006', name: 'Helsefremmende arbeid', annualHours: 140 },
  { code: 'HSF1007', name: 'Kommunikasjon og samhandling', annualHours: 140 },
  { code: 'HSF1008', name: 'Yrkesliv i helse- og oppvekstfag', annualHours: 197 },
  { code: 'HEA2001', name: 'Helsefremmende arbeid Vg2 helsearbeiderfag', annualHours: 168 },
  { code: 'HEA2002', name: 'Kommunikasjon og samhandling Vg2 helsearbeiderfag', annualHours: 168 },
  { code: 'HEA2003', name: 'Yrkesutøvelse', annualHours: 141 },
  { code: 'TIF1001', name: 'Produksjon og tjenester', annualHours: 253 },
  { code: 'TIF1002', name: 'Dokumentasjon og kvalitet', annualHours: 112 },
  { code: 'TIF1003', name: 'Helse, miljø og sikkerhet', annualHours: 112 },
  { code: 'ITK2001', name: 'Produksjon Vg2 industriteknologi', annualHours: 253 },
  { code: 'ITK2002', name: 'Dokumentasjon og kvalitet Vg2 industriteknologi', annualHours: 140 },
  { code: 'ITK2003', name: 'Teknologi og innovasjon', annualHours: 84 },
  { code: 'YFF4106', name: 'Yrkesfaglig fordypning Vg1', annualHours: 168 },
  { code: 'YFF4206', name: 'Yrkesfaglig fordypning Vg2', annualHours: 253 },
];

/** which kind of teacher teaches a course */
export type Discipline = 'norsk' | 'engelsk' | 'matematikk' | 'realfag' | 'samfunnsfag' | 'kroppsøving' | 'språk' | 'helse' | 'teknikk';

interface Course {
  readonly code: string;
  /** short name used in group names: 2STA-NOR, 2R1-A */
  readonly abbr: string;
  readonly discipline: Discipline;
  /** students who chose one of these electives do not take this course (R1/S1 replace 2P) */
  readonly skipIfChosen?: readonly string[];
}

interface ElectiveCourse extends Course {
  readonly weight: number;
}

interface ProgrammeArea {
  readonly key: 'ST' | 'HS' | 'TI';
  readonly department: string;
  readonly programme: 'general' | 'vocational';
  /** share of a school's students */
  readonly share: number;
  /** share of the area's students on Vg1, Vg2, Vg3 */
  readonly levelShares: readonly [number, number, number];
  /** basis-group name prefix per level: 1ST → 1STA, 1STB … */
  readonly prefixes: readonly [string, string, string];
  /** probability a student is a girl */
  readonly girlShare: number;
  /** one teaching group per basis group and course */
  readonly classCourses: readonly [readonly Course[], readonly Course[], readonly Course[]];
  /** cross-class groups: each student chooses `choose` of `options` */
  readonly electives: readonly [Elective | null, Elective | null, Elective | null];
}

interface Elective {
  readonly choose: number;
  readonly options: readonly ElectiveCourse[];
}

const c = (code: string, abbr: string, discipline: Discipline, skipIfChosen?: string[]): Course =>
  skipIfChosen ? { code, abbr, discipline, skipIfChosen } : { code, abbr, discipline };
const e = (code: string, abbr: string, discipline: Discipline, weight: number): ElectiveCourse => ({ code, abbr, discipline, weight });

/** Vg3 on the vocational areas is the year of påbygging til generell studiekompetanse */
const pabyggCourses: readonly Course[] = [
  c('NOR1267', 'NOR', 'norsk'), c('HIS1010', 'HIS', 'samfunnsfag'), c('REL1003', 'REL', 'samfunnsfag'),
  c('MAT1021', 'MAT', 'matematikk'), c('KRO1019', 'KRO', 'kroppsøving'),
];

export const programmeAreas: readonly ProgrammeArea[] = [
  {
    key: 'ST', department: 'Studiespesialisering', programme: 'general', share: 0.5,
    levelShares: [0.35, 0.33, 0.32], prefixes: ['1ST', '2ST', '3ST'], girlShare: 0.55,
    classCourses: [
      [c('NOR1206', 'NOR', 'norsk'), c('ENG1007', 'ENG', 'engelsk'), c('MAT1019', 'MAT', 'matematikk'), c('NAT1007', 'NAT', 'realfag'),
        c('SAF1001', 'SAF', 'samfunnsfag'), c('GEO1003', 'GEO', 'samfunnsfag'), c('KRO1017', 'KRO', 'kroppsøving')],
      [c('NOR1211', 'NOR', 'norsk'), c('MAT1021', 'MAT', 'matematikk', ['R1', 'S1']), c('HIS1009', 'HIS', 'samfunnsfag'),
        c('KRO1018', 'KRO', 'kroppsøving')],
      [c('NOR1267', 'NOR', 'norsk'), c('HIS1010', 'HIS', 'samfunnsfag'), c('REL1003', 'REL', 'samfunnsfag'), c('KRO1019', 'KRO', 'kroppsøving')],
    ],
    electives: [
      { choose: 1, options: [e('FSP6218', 'SPA', 'språk', 50), e('FSP6215', 'TYS', 'språk', 35), e('FSP6212', 'FRA', 'språk', 15)] },
      {
        choose: 3,
        options: [
          e('REA3056', 'R1', 'matematikk', 30), e('REA3058', 'S1', 'matematikk', 25), e('REA3032', 'FY1', 'realfag', 15),
          e('REA3038', 'KJ1', 'realfag', 20), e('REA3044', 'BI1', 'realfag', 25), e('SAM3068', 'SOS', 'samfunnsfag', 20),
          e('SAM3073', 'RET1', 'samfunnsfag', 15), e('SAM3097', 'PSY1', 'samfunnsfag', 25), e('SAM3092', 'MAR1', 'samfunnsfag', 15),
        ],
      },
      {
        choose: 3,
        options: [
          e('REA3060', 'R2', 'matematikk', 15), e('REA3062', 'S2', 'matematikk', 20), e('REA3034', 'FY2', 'realfag', 10),
          e('REA3040', 'KJ2', 'realfag', 15), e('REA3046', 'BI2', 'realfag', 20), e('SAM3072', 'POL', 'samfunnsfag', 20),
          e('SAM3074', 'RET2', 'samfunnsfag', 15), e('SAM3098', 'PSY2', 'samfunnsfag', 25), e('SAM3093', 'MAR2', 'samfunnsfag', 15),
        ],
      },
    ],
  },
  {
    key: 'HS', department: 'Helse- og oppvekstfag', programme: 'vocational', share: 0.25,
    levelShares: [0.42, 0.36, 0.22], prefixes: ['1HS', '2HS', '3HE'], girlShare: 0.8,
    classCourses: [
      [c('NOR1208', 'NOR', 'norsk'), c('ENG1008', 'ENG', 'engelsk'), c('MAT1023', 'MAT', 'matematikk'), c('NAT1009', 'NAT', 'realfag'),
        c('KRO1017', 'KRO', 'kroppsøving'), c('HSF1006', 'HFA', 'helse'), c('HSF1007', 'KOS', 'helse'), c('HSF1008', 'YRK', 'helse'),
        c('YFF4106', 'YFF', 'helse')],
      [c('NOR1209', 'NOR', 'norsk'), c('ENG1009', 'ENG', 'engelsk'), c('SAF1002', 'SAF', 'samfunnsfag'), c('KRO1018', 'KRO', 'kroppsøving'),
        c('HEA2001', 'HFA', 'helse'), c('HEA2002', 'KOS', 'helse'), c('HEA2003', 'YRK', 'helse'), c('YFF4206', 'YFF', 'helse')],
      pabyggCourses,
    ],
    electives: [null, null, null],
  },
  {
    key: 'TI', department: 'Teknologi- og industrifag', programme: 'vocational', share: 0.25,
    levelShares: [0.42, 0.36, 0.22], prefixes: ['1TI', '2TI', '3TI'], girlShare: 0.15,
    classCourses: [
      [c('NOR1208', 'NOR', 'norsk'), c('ENG1008', 'ENG', 'engelsk'), c('MAT1025', 'MAT', 'matematikk'), c('NAT1009', 'NAT', 'realfag'),
        c('KRO1017', 'KRO', 'kroppsøving'), c('TIF1001', 'PRO', 'teknikk'), c('TIF1002', 'DOK', 'teknikk'), c('TIF1003', 'HMS', 'teknikk'),
        c('YFF4106', 'YFF', 'teknikk')],
      [c('NOR1209', 'NOR', 'norsk'), c('ENG1009', 'ENG', 'engelsk'), c('SAF1002', 'SAF', 'samfunnsfag'), c('KRO1018', 'KRO', 'kroppsøving'),
        c('ITK2001', 'PRO', 'teknikk'), c('ITK2002', 'DOK', 'teknikk'), c('ITK2003', 'TEK', 'teknikk'), c('YFF4206', 'YFF', 'teknikk')],
      pabyggCourses,
    ],
    electives: [null, null, null],
  },
];

const LEVELS: readonly Level[] = ['vg1', 'vg2', 'vg3'];
/** Vg1 students are born in 2010, Vg2 in 2009, Vg3 in 2008 (school year 2026/27) */
const BIRTH_YEAR_BY_LEVEL = [2010, 2009, 2008] as const;

export const accommodationDescriptions = [
  'Ekstra tid på prøver (25 %)',
  'Fast plass nær døra',
  'Får ta prøver på eget rom',
  'Tilgang til PC med opplesingsverktøy og retteprogram',
  'Muntlig utdyping av skriftlige prøver ved behov',
  'Korte pauser i lange økter, etter avtale',
  'Beskjeder og frister også skriftlig (i læringsplattformen)',
  'Slipper å lese høyt i klassen uten å ha avtalt det på forhånd',
  'Prøver og oppgaver i forstørret skrift (18 pkt.)',
  'Læreren bruker mikrofon (hørselsutstyr)',
  'Avtalt signal for å gå ut av timen',
  'Lydreduserende hodetelefoner ved selvstendig arbeid',
  'Varsel på forhånd ved endringer i timeplan og rom',
  'Heisnøkkel og tilrettelagt garderobe',
  'Fast plass foran i klasserommet',
] as const;

// ---------------------------------------------------------------------------------------------
// Dates, ages and synthetic national identity numbers

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 18 or older on `today` (both YYYY-MM-DD) */
export function isAdultOn(birthDate: string, today: string): boolean {
  return `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}` <= today;
}

export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

const NIN_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const NIN_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function controlDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k; // 10 = no valid number with these digits
}

/** true if the 11 digits carry valid mod-11 control digits */
export function hasValidControlDigits(nin: string): boolean {
  if (!/^\d{11}$/.test(nin)) return false;
  const d = [...nin].map(Number);
  return controlDigit(d, NIN_W1) === d[9] && controlDigit(d, NIN_W2) === d[10];
}

/**
 * A synthetic national identity number (fødselsnummer) as in Skatteetaten's test data: DDMMYY with
 * the month + 80, a 3-digit individual number (500–999 for births 2000–2039, 000–499 for 1900–1999;
 * the last of them even for women, odd for men) and two mod-11 control digits.
 */
export function syntheticNationalIdentityNumber(rng: Random, birthDate: string, female: boolean, taken?: Set<string>): string {
  const yyyy = Number(birthDate.slice(0, 4));
  const prefix = `${birthDate.slice(8, 10)}${Number(birthDate.slice(5, 7)) + 80}${birthDate.slice(2, 4)}`;
  const base = yyyy >= 2000 ? 500 : 0;
  for (let attempt = 0; attempt < 1000; attempt++) {
    let individual = base + rng.int(0, 499);
    if ((individual % 2 === 0) !== female) individual = individual % 2 === 0 ? individual + 1 : individual - 1;
    if (individual < base) individual += 2;
    if (individual > base + 499) individual -= 2;
    const body = prefix + String(individual).padStart(3, '0');
    const digits = [...body].map(Number);
    const k1 = controlDigit(digits, NIN_W1);
    if (k1 === 10) continue;
    digits.push(k1);
    const k2 = controlDigit(digits, NIN_W2);
    if (k2 === 10) continue;
    const nin = `${body}${k1}${k2}`;
    if (taken) {
      if (taken.has(nin)) continue;
      taken.add(nin);
    }
    return nin;
  }
  throw new Error(`no free synthetic national identity number left for ${birthDate}`);
}

// ---------------------------------------------------------------------------------------------
// The generator

export interface StaffAccountsOption {
  /** an argon2id hash, made once and reused for every account */
  passwordHash: string;
  /** prefix to keep usernames unique across owners; default `s<seed>.` */
  usernamePrefix?: string;
}

export interface GenerateOptions {
  seed: number;
  schools: number;
  studentsPerSchool: number;
  /** default "Syntetisk fylkeskommune <seed>" */
  ownerName?: string;
  /** the date ages and adulthood are computed for (YYYY-MM-DD); default 2026-11-25 */
  today?: string;
  /** names of the first schools; the others get made-up names */
  schoolNames?: string[];
  /** e-mail domain of staff and student addresses; default derived from the owner name, under .example */
  emailDomain?: string;
  /** also make a login account for every staff member */
  staffAccounts?: StaffAccountsOption;
  /** also generate the lesson-level absence of the school year up to `today` (the timetable is always made) */
  absence?: boolean;
}

export interface Address {
  streetAddress: string;
  postalCode: string;
  city: string;
}

export type Sex = 'female' | 'male';

export interface PersonSpec {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  address: Address | null;
  addressProtection?: AddressProtection;
  email?: string | null;
  phone?: string | null;
  preferredLocale?: 'nb' | 'nn' | 'en';
}

export interface GuardianSpec {
  relation: 'mother' | 'father' | 'other';
  parentalResponsibility: boolean;
  livesWith: boolean;
  /** default: guardians who live with the student share the household's protection, others none */
  addressProtection?: AddressProtection;
  /** default: the mother keeps her own family name per the origin's custom */
  familyName?: string;
  givenName?: string;
}

export interface Family {
  origin: NameOrigin;
  /** the child's family name (the daughter form where the language has one) */
  childFamilyName: FamilyName;
  home: Address;
  protection: AddressProtection;
  guardians: Array<{ personId: string; relation: 'mother' | 'father' | 'other'; parentalResponsibility: boolean; livesWith: boolean }>;
  /** level of the first child at the school, for sibling picking */
  level: Level;
}

interface SchoolContext {
  index: number;
  schoolId: string;
  town: readonly PostalPlace[];
  departmentIds: Map<ProgrammeArea['key'], string>;
  principalPersonId: string;
  counsellorPersonIds: string[];
  /** teaching groups with the discipline of their teacher, in creation order */
  groupsByDiscipline: Map<Discipline, string[]>;
  /** basis group id → its class-bound teaching group ids */
  classGroupsOfBasis: Map<string, string[]>;
  basisGroupIds: string[];
  families: Family[];
}

const GENERATED_EMAIL_PROVIDERS = ['epost.example', 'post.example', 'mail.example'] as const;

export class OwnerGenerator {
  readonly rng: Random;
  readonly ds: Dataset = emptyDataset();
  readonly ownerId: string;
  readonly ownerName: string;
  readonly today: string;
  readonly emailDomain: string;
  readonly schoolYearId: string;
  readonly subjectIds = new Map<string, string>();
  private readonly ninTaken = new Set<string>();
  private readonly emailCount = new Map<string, number>();
  private readonly startDay = dayNumber(SCHOOL_YEAR.startsOn);
  private readonly todayDay: number;

  constructor(readonly opts: GenerateOptions) {
    validateOptions(opts);
    this.ownerName = opts.ownerName ?? `Syntetisk fylkeskommune ${opts.seed}`;
    this.today = opts.today ?? DEFAULT_TODAY;
    this.todayDay = dayNumber(this.today);
    // the owner name is part of the seed, so two owners from the same seed number never share ids
    this.rng = new Random(hashSeed('elevlos-seed', opts.seed, this.ownerName));
    this.emailDomain =
      opts.emailDomain ??
      `${emailSlug(this.ownerName.replace(/\b(fylkes)?kommune\b/gi, ' ')).replace(/-/g, '') || 'skole'}.example`;

    this.ownerId = this.rng.uuid();
    this.ds.schoolOwner.push({ id: this.ownerId, name: this.ownerName, kind: 'county' });
    this.schoolYearId = this.rng.uuid();
    this.ds.schoolYear.push({ ownerId: this.ownerId, id: this.schoolYearId, ...SCHOOL_YEAR });
    for (const t of TERMS) this.ds.term.push({ ownerId: this.ownerId, id: this.rng.uuid(), schoolYearId: this.schoolYearId, ...t });
    for (const def of subjectDefs) {
      const id = this.rng.uuid();
      this.subjectIds.set(def.code, id);
      this.ds.subject.push({ ownerId: this.ownerId, id, code: def.code, name: def.name, annualHours: def.annualHours });
    }
  }

  /** generate every school and return the data set */
  generate(): Dataset {
    const names = this.schoolNames(this.opts.schools);
    for (let i = 0; i < this.opts.schools; i++) this.generateSchool(i, names[i]!, this.opts.studentsPerSchool);
    return this.ds;
  }

  // ----- people ------------------------------------------------------------------------------

  address(town: readonly PostalPlace[]): Address {
    const place = this.rng.chance(0.8) ? this.rng.pick(town) : this.rng.pick(this.rng.pick(postalTowns));
    const letter = this.rng.chance(0.1) ? this.rng.pick(['A', 'B', 'C']) : '';
    return { streetAddress: `${this.rng.pick(streetNames)} ${this.rng.int(1, 120)}${letter}`, postalCode: place.postalCode, city: place.city };
  }

  phone(): string {
    const r = this.rng;
    return `+47 ${r.pick(['4', '9'])}${r.int(0, 9)}${r.int(0, 9)} ${r.int(10, 99)} ${r.int(100, 999)}`;
  }

  /** a unique-per-owner e-mail local part */
  private uniqueLocal(given: string, family: string, scope: string): string {
    const base = `${emailSlug(given)}.${emailSlug(family)}`;
    const key = `${scope}|${base}`;
    const n = (this.emailCount.get(key) ?? 0) + 1;
    this.emailCount.set(key, n);
    return n === 1 ? base : `${base}${n}`;
  }

  staffEmail(given: string, family: string): string {
    return `${this.uniqueLocal(given, family, 'staff')}@${this.emailDomain}`;
  }

  studentEmail(given: string, family: string): string {
    return `${this.uniqueLocal(given, family, 'student')}@elev.${this.emailDomain}`;
  }

  privateEmail(given: string, family: string): string {
    const r = this.rng;
    const style = r.int(0, 2);
    const g = emailSlug(given);
    const f = emailSlug(family);
    const local = style === 0 ? `${g}.${f}` : style === 1 ? `${g}${f}${r.int(1, 99)}` : `${g.slice(0, 1)}${f}${r.int(60, 99)}`;
    return `${local}@${r.pick(GENERATED_EMAIL_PROVIDERS)}`;
  }

  birthDateIn(year: number): string {
    const start = dayNumber(`${year}-01-01`);
    const days = dayNumber(`${year + 1}-01-01`) - start;
    return isoDate(start + this.rng.int(0, days - 1));
  }

  nationalIdentityNumber(birthDate: string, sex: Sex): string {
    return syntheticNationalIdentityNumber(this.rng, birthDate, sex === 'female', this.ninTaken);
  }

  /** add a person row; returns its id */
  addPerson(p: PersonSpec): string {
    const id = this.rng.uuid();
    this.ds.person.push({
      ownerId: this.ownerId,
      id,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      nationalIdentityNumber: this.nationalIdentityNumber(p.birthDate, p.sex),
      email: p.email ?? null,
      phone: p.phone ?? null,
      streetAddress: p.address?.streetAddress ?? null,
      postalCode: p.address?.postalCode ?? null,
      city: p.address?.city ?? null,
      addressProtection: p.addressProtection ?? 'none',
      preferredLocale: p.preferredLocale ?? 'nb',
    });
    return id;
  }

  /** a new family (household with its guardians) for a child born in `childBirthYear` */
  newFamily(
    childBirthYear: number,
    origin: NameOrigin,
    town: readonly PostalPlace[],
    level: Level,
    shape?: { guardians: GuardianSpec[]; protection?: AddressProtection },
  ): Family {
    const r = this.rng;
    const home = this.address(town);
    const protection: AddressProtection =
      shape?.protection ?? (r.chance(0.0015) ? 'strictlyConfidential' : r.chance(0.004) ? 'confidential' : 'none');
    const fatherFamily = r.pick(origin.families);
    let specs: GuardianSpec[];
    if (shape) specs = shape.guardians;
    else {
      const kind = r.weighted([['two', 80], ['single', 12], ['noResponsibility', 5], ['other', 3]] as const);
      if (kind === 'two') {
        const split = r.chance(0.25);
        const awayIsFather = r.chance(0.75);
        const secondRelation = r.chance(0.02) ? 'mother' : 'father';
        specs = [
          { relation: 'mother', parentalResponsibility: true, livesWith: !(split && !awayIsFather) },
          { relation: secondRelation, parentalResponsibility: true, livesWith: !(split && awayIsFather) },
        ];
      } else if (kind === 'single') {
        specs = [{ relation: r.chance(0.75) ? 'mother' : 'father', parentalResponsibility: true, livesWith: true }];
      } else if (kind === 'noResponsibility') {
        const fatherAway = r.chance(0.8);
        specs = [
          { relation: fatherAway ? 'mother' : 'father', parentalResponsibility: true, livesWith: true },
          { relation: fatherAway ? 'father' : 'mother', parentalResponsibility: false, livesWith: false },
        ];
      } else {
        specs = Array.from({ length: r.int(1, 2) }, () => ({ relation: 'other' as const, parentalResponsibility: true, livesWith: true }));
      }
    }

    // names: the child takes the father's family name, or (Norwegian families, sometimes) the mother's
    const motherOwn = origin.motherKeepsOwnName || r.chance(0.35);
    const motherFamily = motherOwn ? r.pick(origin.families) : fatherFamily;
    const childFamilyName = !motherOwn || origin.motherKeepsOwnName || r.chance(0.7) ? fatherFamily : motherFamily;
    const motherBirthYear = childBirthYear - r.int(22, 42);
    const family: Family = { origin, childFamilyName, home, protection, guardians: [], level };
    for (const spec of specs) {
      const female = spec.relation === 'mother' || (spec.relation === 'other' && r.chance(0.6));
      const sex: Sex = female ? 'female' : 'male';
      const familyName =
        spec.familyName ??
        (spec.relation === 'mother' ? motherFamily.female : spec.relation === 'father' ? fatherFamily.male : female ? fatherFamily.female : fatherFamily.male);
      const givenName = spec.givenName ?? r.pick(female ? origin.girls : origin.boys);
      const birthYear = spec.relation === 'mother' ? motherBirthYear : motherBirthYear - r.int(-3, 6) - (spec.relation === 'other' ? 20 : 0);
      const personId = this.addPerson({
        givenName,
        familyName,
        birthDate: this.birthDateIn(birthYear),
        sex,
        address: spec.livesWith ? home : this.address(town),
        addressProtection: spec.addressProtection ?? (spec.livesWith ? protection : 'none'),
        email: this.privateEmail(givenName, familyName),
        phone: this.phone(),
        preferredLocale: origin.minorityLanguage ? (r.chance(0.35) ? 'en' : 'nb') : r.chance(0.04) ? 'nn' : 'nb',
      });
      family.guardians.push({ personId, relation: spec.relation, parentalResponsibility: spec.parentalResponsibility, livesWith: spec.livesWith });
    }
    return family;
  }

  /** guardianship rows linking a student to every guardian of the family; returns their ids */
  linkFamily(studentId: string, family: Family): string[] {
    const ids: string[] = [];
    for (const g of family.guardians) {
      const id = this.rng.uuid();
      ids.push(id);
      this.ds.guardianship.push({
        ownerId: this.ownerId, id, studentId, guardianPersonId: g.personId, relation: g.relation,
        parentalResponsibility: g.parentalResponsibility, livesWith: g.livesWith,
      });
    }
    return ids;
  }

  /** a time on a school day between two days, as a Date (UTC) */
  timeBetween(fromDay: number, toDay: number): Date {
    const day = fromDay >= toDay ? fromDay : this.rng.int(fromDay, toDay);
    return new Date(day * DAY_MS + this.rng.int(7 * 60, 15 * 60) * 60_000);
  }

  /** consent of an adult student to a guardian (granted after the 18th birthday) */
  addConsent(studentId: string, guardianPersonId: string, birthDate: string, withdrawn = false): string {
    const eighteen = dayNumber(`${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4, 7)}-${birthDate.slice(8)}`.replace('-02-29', '-03-01'));
    const from = Math.max(eighteen, this.startDay - 60);
    const grantedAt = this.timeBetween(Math.min(from, this.todayDay - 1), this.todayDay - 1);
    const grantedDay = Math.floor(grantedAt.getTime() / DAY_MS);
    const withdrawnAt = withdrawn ? this.timeBetween(grantedDay + 1, Math.max(grantedDay + 1, this.todayDay - 1)) : null;
    const id = this.rng.uuid();
    this.ds.consent.push({ ownerId: this.ownerId, id, studentId, guardianPersonId, grantedAt, withdrawnAt });
    return id;
  }

  addAccommodationNeed(studentId: string, description: string, registeredByPersonId: string | null): string {
    const id = this.rng.uuid();
    this.ds.accommodationNeed.push({
      ownerId: this.ownerId, id, studentId, description, registeredByPersonId,
      registeredAt: this.timeBetween(this.startDay + 1, this.startDay + 20),
    });
    return id;
  }

  addInformationDecision(guardianshipId: string, granted: boolean, decidedByPersonId: string): string {
    const id = this.rng.uuid();
    const decidedAt = this.timeBetween(this.startDay + 5, this.todayDay - 1);
    this.ds.informationDecision.push({
      ownerId: this.ownerId, id, guardianshipId, granted,
      reason: granted
        ? 'Forelder uten foreldreansvar ba om opplysninger om skolegangen. Innvilget (barneloven § 47 andre ledd).'
        : 'Avslått: opplysningene kan være til skade for eleven (barneloven § 47 tredje ledd).',
      decidedByPersonId, decidedAt, revokedAt: null,
    });
    return id;
  }

  addEnrolment(studentId: string, group: { basisGroupId?: string; teachingGroupId?: string }, startsOn: string, endsOn: string | null): void {
    this.ds.enrolment.push({
      ownerId: this.ownerId, id: this.rng.uuid(), studentId,
      basisGroupId: group.basisGroupId ?? null, teachingGroupId: group.teachingGroupId ?? null, startsOn, endsOn,
    });
  }

  addStaff(schoolId: string, spec: { title: string; roles: Array<{ role: (typeof s.staffRoles)[number]; departmentId?: string }> }, town: readonly PostalPlace[]): { staffMemberId: string; personId: string } {
    const r = this.rng;
    const origin = origins[r.chance(0.92) ? 'norwegian' : r.pick(['sami', 'polish', 'arabic', 'tigrinya', 'somali', 'lithuanian'] as const)];
    const female = r.chance(0.6);
    const givenName = r.pick(female ? origin.girls : origin.boys);
    const fam = r.pick(origin.families);
    const familyName = female ? fam.female : fam.male;
    const personId = this.addPerson({
      givenName, familyName, birthDate: this.birthDateIn(r.int(1962, 1998)), sex: female ? 'female' : 'male',
      address: this.address(town), email: this.staffEmail(givenName, familyName), phone: this.phone(),
      preferredLocale: r.chance(0.05) ? 'nn' : 'nb',
    });
    const staffMemberId = r.uuid();
    this.ds.staffMember.push({ ownerId: this.ownerId, id: staffMemberId, personId, schoolId, title: spec.title });
    for (const role of spec.roles) {
      this.ds.staffRole.push({ ownerId: this.ownerId, id: r.uuid(), staffMemberId, role: role.role, departmentId: role.departmentId ?? null });
    }
    if (this.opts.staffAccounts) {
      const email = this.ds.person[this.ds.person.length - 1]!.email!;
      this.ds.account.push({
        ownerId: this.ownerId, id: r.uuid(), personId,
        username: `${this.opts.staffAccounts.usernamePrefix ?? `s${this.opts.seed}.`}${email.slice(0, email.indexOf('@'))}`,
        passwordHash: this.opts.staffAccounts.passwordHash, oidcSubject: null, disabled: false,
      });
    }
    return { staffMemberId, personId };
  }

  // ----- schools -----------------------------------------------------------------------------

  private schoolNames(n: number): string[] {
    const given = this.opts.schoolNames ?? [];
    const combos: string[] = [];
    for (const a of schoolNameFirstParts) for (const b of schoolNameLastParts) combos.push(`${a}${b} videregående skole`);
    const free = this.rng.shuffle(combos.filter((x) => !given.includes(x)));
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(given[i] ?? free[i - given.length] ?? `Videregående skole nr. ${i + 1}`);
    return out;
  }

  private generateSchool(index: number, name: string, studentCount: number): void {
    const r = this.rng;
    const schoolId = r.uuid();
    this.ds.school.push({ ownerId: this.ownerId, id: schoolId, name, stage: 'upperSecondary' });
    const town = postalTowns[index % postalTowns.length]!;
    const departmentIds = new Map<ProgrammeArea['key'], string>();
    for (const area of programmeAreas) {
      const id = r.uuid();
      departmentIds.set(area.key, id);
      this.ds.department.push({ ownerId: this.ownerId, id, schoolId, name: area.department });
    }

    // leadership and student services first: they register accommodation needs and decide on information
    const principal = this.addStaff(schoolId, { title: 'Rektor', roles: [{ role: 'principal' }] }, town);
    for (const area of programmeAreas) {
      this.addStaff(schoolId, { title: 'Avdelingsleder', roles: [{ role: 'departmentHead', departmentId: departmentIds.get(area.key)! }] }, town);
    }
    const counsellors = [this.addStaff(schoolId, { title: 'Rådgiver', roles: [{ role: 'counsellor' }] }, town)];
    if (studentCount >= 600) counsellors.push(this.addStaff(schoolId, { title: 'Sosiallærer', roles: [{ role: 'counsellor' }] }, town));
    this.addStaff(schoolId, { title: 'Konsulent', roles: [{ role: 'schoolAdmin' }] }, town);
    this.addStaff(schoolId, { title: 'Helsesykepleier', roles: [{ role: 'nurse' }] }, town);

    const ctx: SchoolContext = {
      index, schoolId, town, departmentIds, principalPersonId: principal.personId,
      counsellorPersonIds: counsellors.map((x) => x.personId), groupsByDiscipline: new Map(),
      classGroupsOfBasis: new Map(), basisGroupIds: [], families: [],
    };

    // students per programme area and level: largest remainder, no randomness (stable group counts)
    const shares: number[] = [];
    for (const area of programmeAreas) for (const ls of area.levelShares) shares.push(area.share * ls);
    const counts = apportion(studentCount, shares);
    let cell = 0;
    for (const area of programmeAreas) {
      for (let li = 0; li < 3; li++) this.generateCell(ctx, area, li, counts[cell++]!);
    }
    this.assignTeachers(ctx);
  }

  private addTeachingGroup(ctx: SchoolContext, subjectCode: string, name: string, discipline: Discipline): string {
    const id = this.rng.uuid();
    this.ds.teachingGroup.push({
      ownerId: this.ownerId, id, schoolId: ctx.schoolId, schoolYearId: this.schoolYearId,
      subjectId: this.subjectIds.get(subjectCode)!, name,
    });
    let list = ctx.groupsByDiscipline.get(discipline);
    if (!list) ctx.groupsByDiscipline.set(discipline, (list = []));
    list.push(id);
    return id;
  }

  /** the students, basis groups and teaching groups of one programme area and level */
  private generateCell(ctx: SchoolContext, area: ProgrammeArea, li: number, n: number): void {
    if (n <= 0) return;
    const r = this.rng;
    const level = LEVELS[li]!;
    const departmentId = ctx.departmentIds.get(area.key)!;
    const groupCount = Math.ceil(n / MAX_BASIS_GROUP_SIZE);
    const courses = area.classCourses[li]!;
    const groups: Array<{ id: string; classGroups: string[] }> = [];
    for (let g = 0; g < groupCount; g++) {
      const id = r.uuid();
      const name = `${area.prefixes[li]}${groupLetter(g)}`;
      this.ds.basisGroup.push({ ownerId: this.ownerId, id, schoolId: ctx.schoolId, schoolYearId: this.schoolYearId, departmentId, name, level });
      const classGroups = courses.map((course) => this.addTeachingGroup(ctx, course.code, `${name}-${course.abbr}`, course.discipline));
      groups.push({ id, classGroups });
      ctx.classGroupsOfBasis.set(id, classGroups);
      ctx.basisGroupIds.push(id);
    }

    const elective = area.electives[li] ?? null;
    const choosers = new Map<string, Array<{ studentId: string; endsOn: string | null }>>();
    const start = SCHOOL_YEAR.startsOn;

    for (let i = 0; i < n; i++) {
      const gi = Math.floor((i * groupCount) / n);
      const group = groups[gi]!;
      const originKey = r.weighted(originWeights);
      const origin = origins[originKey];
      const female = r.chance(area.girlShare);
      let birthYear = BIRTH_YEAR_BY_LEVEL[li]!;
      if (r.chance(0.03)) birthYear -= 1; // repeats a year or started late
      if (origin.minorityLanguage && r.chance(0.15)) birthYear -= r.int(1, 2);
      if (area.programme === 'vocational' && li === 2 && r.chance(0.1)) birthYear -= 1;
      const birthDate = this.birthDateIn(birthYear);

      // family: sometimes a sibling at another level of the same school shares the guardians
      let family: Family | null = null;
      if (ctx.families.length > 0 && r.chance(0.05)) {
        const candidate = r.pick(ctx.families);
        if (candidate.level !== level) family = candidate;
      }
      if (!family) {
        family = this.newFamily(birthYear, origin, ctx.town, level);
        ctx.families.push(family);
      }
      const fo = family.origin;
      const givenName = r.pick(female ? fo.girls : fo.boys);
      const familyName = female ? (family.childFamilyName.daughter ?? family.childFamilyName.female) : family.childFamilyName.male;
      const personId = this.addPerson({
        givenName, familyName, birthDate, sex: female ? 'female' : 'male', address: family.home,
        addressProtection: family.protection, email: this.studentEmail(givenName, familyName),
        phone: r.chance(0.9) ? this.phone() : null, preferredLocale: r.chance(0.05) ? 'nn' : 'nb',
      });

      const minority = fo.minorityLanguage && r.chance(0.9);
      const age = ageOn(birthDate, this.today);
      const yearsOfResidence = minority ? (r.chance(0.3) ? age : r.int(1, Math.max(1, age - 1))) : null;
      const statusRoll = r.float();
      const left = statusRoll < 0.005;
      const changesClass = !left && statusRoll < 0.015 && groupCount > 1;
      const studentId = r.uuid();
      this.ds.student.push({
        ownerId: this.ownerId, id: studentId, personId, schoolId: ctx.schoolId, departmentId, level,
        programme: area.programme, status: left ? 'left' : 'active', minorityLanguage: minority,
        yearsOfResidence, specialEducationRight: r.chance(0.02),
      });
      const guardianshipIds = this.linkFamily(studentId, family);
      family.guardians.forEach((g, k) => {
        // a parent without parental responsibility sometimes asked for information (barneloven § 47)
        if (!g.parentalResponsibility && r.chance(0.4)) this.addInformationDecision(guardianshipIds[k]!, r.chance(0.75), ctx.principalPersonId);
      });

      // adult students decide whether guardians get insight
      if (isAdultOn(birthDate, this.today)) {
        const responsible = family.guardians.filter((g) => g.parentalResponsibility);
        const roll = r.float();
        const to = roll < 0.45 ? responsible : roll < 0.6 ? responsible.slice(0, 1) : [];
        for (const g of to) this.addConsent(studentId, g.personId, birthDate, r.chance(0.05));
      }

      if (r.chance(0.05)) {
        const registeredBy = r.pick(ctx.counsellorPersonIds);
        for (const d of r.sample(accommodationDescriptions, r.chance(0.7) ? 1 : 2)) this.addAccommodationNeed(studentId, d, registeredBy);
      }

      // basis group and class-bound teaching groups: dated, a few students changed class or left
      const leftOn = left ? isoDate(this.startDay + r.int(14, this.todayDay - this.startDay - 5)) : null;
      let chosen: string[] = [];
      if (elective) {
        const picked: ElectiveCourse[] = [];
        while (picked.length < Math.min(elective.choose, elective.options.length)) {
          const o = r.weighted(elective.options.map((x) => [x, x.weight] as const));
          if (!picked.includes(o)) picked.push(o);
        }
        chosen = picked.map((x) => x.abbr);
        for (const abbr of chosen) {
          let list = choosers.get(abbr);
          if (!list) choosers.set(abbr, (list = []));
          list.push({ studentId, endsOn: leftOn });
        }
      }
      const takes = courses.map((course) => !course.skipIfChosen?.some((x) => chosen.includes(x)));
      if (changesClass) {
        let oi = r.int(0, groupCount - 2);
        if (oi >= gi) oi += 1;
        const from = groups[oi]!;
        const changedOn = isoDate(this.startDay + r.int(10, Math.max(11, this.todayDay - this.startDay - 10)));
        this.addEnrolment(studentId, { basisGroupId: from.id }, start, changedOn);
        this.addEnrolment(studentId, { basisGroupId: group.id }, changedOn, null);
        for (let k = 0; k < courses.length; k++) {
          if (!takes[k]) continue;
          this.addEnrolment(studentId, { teachingGroupId: from.classGroups[k]! }, start, changedOn);
          this.addEnrolment(studentId, { teachingGroupId: group.classGroups[k]! }, changedOn, null);
        }
      } else {
        this.addEnrolment(studentId, { basisGroupId: group.id }, start, leftOn);
        for (let k = 0; k < courses.length; k++) {
          if (takes[k]) this.addEnrolment(studentId, { teachingGroupId: group.classGroups[k]! }, start, leftOn);
        }
      }
    }

    // cross-class groups (programme subjects, foreign languages): 2R1-A, 2R1-B …
    if (elective) {
      for (const option of elective.options) {
        const list = choosers.get(option.abbr);
        if (!list || list.length === 0) continue;
        const k = Math.ceil(list.length / MAX_BASIS_GROUP_SIZE);
        const ids: string[] = [];
        for (let g = 0; g < k; g++) ids.push(this.addTeachingGroup(ctx, option.code, `${li + 1}${option.abbr}-${groupLetter(g)}`, option.discipline));
        list.forEach((x, j) => this.addEnrolment(x.studentId, { teachingGroupId: ids[j % k]! }, start, x.endsOn));
      }
    }
  }

  /** subject teachers (4–6 groups each, by discipline) and contact teachers (from those who teach the class) */
  private assignTeachers(ctx: SchoolContext): void {
    const r = this.rng;
    const teacherOf = new Map<string, string>();
    const teachers: string[] = [];
    for (const [, groupIds] of ctx.groupsByDiscipline) {
      const n = Math.max(1, Math.ceil(groupIds.length / 6), Math.round(groupIds.length / 5));
      const staff: string[] = [];
      for (let t = 0; t < n; t++) {
        const { staffMemberId } = this.addStaff(ctx.schoolId, { title: r.chance(0.6) ? 'Lektor' : 'Adjunkt', roles: [{ role: 'teacher' }] }, ctx.town);
        staff.push(staffMemberId);
        teachers.push(staffMemberId);
      }
      groupIds.forEach((groupId, j) => {
        const staffMemberId = staff[Math.floor((j * n) / groupIds.length)]!;
        teacherOf.set(groupId, staffMemberId);
        this.ds.subjectTeacherAssignment.push({ ownerId: this.ownerId, teachingGroupId: groupId, staffMemberId });
      });
    }
    const isContact = new Set<string>();
    for (const basisGroupId of ctx.basisGroupIds) {
      const own = [...new Set((ctx.classGroupsOfBasis.get(basisGroupId) ?? []).map((g) => teacherOf.get(g)!))];
      const candidates = own.filter((t) => !isContact.has(t));
      const pool = candidates.length > 0 ? candidates : teachers.filter((t) => !isContact.has(t));
      const first = pool.length > 0 ? r.pick(pool) : r.pick(teachers);
      const chosen = [first];
      const rest = candidates.filter((t) => t !== first);
      if (rest.length > 0 && r.chance(0.15)) chosen.push(r.pick(rest));
      for (const staffMemberId of chosen) {
        isContact.add(staffMemberId);
        this.ds.contactTeacherAssignment.push({ ownerId: this.ownerId, basisGroupId, staffMemberId });
      }
    }
  }
}

/** 0 → A, 25 → Z, 26 → A2 … */
function groupLetter(i: number): string {
  const letter = String.fromCharCode(65 + (i % 26));
  return i < 26 ? letter : `${letter}${Math.floor(i / 26) + 1}`;
}

/** split `total` into integer parts proportional to `shares` (largest remainder) */
function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((x) => (total * x) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

function validateOptions(o: GenerateOptions): void {
  const int = (name: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${String(v)})`);
    }
  };
  int('seed', o.seed, -(2 ** 31), 2 ** 32 - 1);
  int('schools', o.schools, 1, 1000);
  int('studentsPerSchool', o.studentsPerSchool, 1, 20_000);
  if (o.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new RangeError(`today must be YYYY-MM-DD (got ${o.today})`);
  if (o.ownerName !== undefined && o.ownerName.trim() === '') throw new RangeError('ownerName must not be empty');
}

/**
 * Generate one school owner with `schools` upper-secondary schools of `studentsPerSchool` students
 * each. Deterministic: the same options give the same rows and ids.
 */
export function generateOwner(opts: GenerateOptions): Dataset {
  const gen = new OwnerGenerator(opts);
  const ds = gen.generate();
  addConversations(ds, gen.rng.fork('conversations'), { ownerId: gen.ownerId, schoolYearId: gen.schoolYearId, today: gen.today });
  const o = { ownerId: gen.ownerId, schoolYearId: gen.schoolYearId, today: gen.today };
  addSchoolHolidays(ds, gen.rng.fork('holidays'), gen.ownerId);
  addTimetable(ds, gen.rng.fork('timetable'), o);
  if (opts.absence) {
    addAbsence(ds, gen.rng.fork('absence'), o);
    addAbsenceExtras(ds, gen.rng.fork('absence-extras'), { ...o, checkedBy: contactTeacherByStudent(ds, gen.today) });
  }
  return ds;
}
