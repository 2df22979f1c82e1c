/**
 * The privacy reviewer's single view (docs/access-rules.md): every action the features define, who may
 * take it and with which reason, who is refused (403) and who is told nothing (404). It is not written by
 * hand: each row is what `can()` answers for people of an example school, so it cannot drift from the
 * rules. `npm run docs:access-rules` writes it; `npm test` fails when it is out of date.
 */
import { can, registeredActions } from './can.js';
import { describeReason } from './reasons.js';
import type { Action, Actor, BasisGroupFacts, Resource, StudentFacts, TeachingGroupFacts } from './types.js';

/** The example school the rules are tried in; a resource kind builds its examples from it. */
export interface ExampleWorld {
  ownerId: string;
  school: { id: string; name: string };
  basisGroup: BasisGroupFacts;
  teachingGroup: TeachingGroupFacts;
  /** the person id of each kind of person below */
  people: Record<Person, string>;
}

/** A named example of a resource of one kind, about `student` (the one the person is related to). */
export interface ResourceExample {
  label: string;
  resource: Resource;
}
export type ExamplesOf = (world: ExampleWorld, student: StudentFacts) => ResourceExample[];

const TODAY = '2026-11-25';
const OWNER = '00000000-0000-4000-8000-00000000000a';
const SCHOOL = { id: 'school', name: 'Fjellvik vgs' };
const DEPARTMENT = { id: 'dep-sf', name: 'Studiespesialisering' };
const OTHER_DEPARTMENT = { id: 'dep-yf', name: 'Yrkesfag' };

type Person =
  | 'contactTeacher' | 'subjectTeacher' | 'departmentHead' | 'departmentHeadOther' | 'counsellor' | 'principal' | 'schoolAdmin'
  | 'teacher' | 'student' | 'classmate' | 'guardian' | 'parentWithoutResponsibility' | 'parentWithInformationDecision'
  | 'adultStudent' | 'guardianWithConsent' | 'guardianWithoutConsent';

/** Who the rules are tried for, in the order of the columns; each is related to the minor or to the adult student. */
const PEOPLE: { key: Person; label: string; student: 'minor' | 'adult' }[] = [
  { key: 'contactTeacher', label: 'contact teacher of the class', student: 'minor' },
  { key: 'subjectTeacher', label: "subject teacher of the student's group", student: 'minor' },
  { key: 'departmentHead', label: "department head of the student's department", student: 'minor' },
  { key: 'departmentHeadOther', label: 'department head of another department', student: 'minor' },
  { key: 'counsellor', label: 'counsellor', student: 'minor' },
  { key: 'principal', label: 'principal', student: 'minor' },
  { key: 'schoolAdmin', label: 'school admin', student: 'minor' },
  { key: 'teacher', label: 'another teacher at the school', student: 'minor' },
  { key: 'student', label: 'the student (under 18)', student: 'minor' },
  { key: 'classmate', label: 'a classmate', student: 'minor' },
  { key: 'guardian', label: 'guardian with parental responsibility', student: 'minor' },
  { key: 'parentWithoutResponsibility', label: 'parent without parental responsibility', student: 'minor' },
  { key: 'parentWithInformationDecision', label: 'parent without parental responsibility, with a decision to inform', student: 'minor' },
  { key: 'adultStudent', label: 'the adult student', student: 'adult' },
  { key: 'guardianWithConsent', label: 'guardian of the adult student, with consent', student: 'adult' },
  { key: 'guardianWithoutConsent', label: 'guardian of the adult student, without consent', student: 'adult' },
];

const personId = (p: Person) => `person-${p}`;

function studentFacts(kind: 'minor' | 'adult'): StudentFacts {
  const minor = kind === 'minor';
  return {
    ownerId: OWNER, studentId: minor ? 'student-minor' : 'student-adult', personId: personId(minor ? 'student' : 'adultStudent'),
    schoolId: SCHOOL.id, schoolName: SCHOOL.name, departmentId: DEPARTMENT.id, departmentName: DEPARTMENT.name,
    birthDate: minor ? '2010-03-01' : '2007-02-01', addressProtection: 'none',
    basisGroups: [{ id: 'class-2sta', name: '2STA' }], teachingGroups: [{ id: 'group-2sta-mat', name: '2STA-MAT', subjectCode: 'MAT1021' }],
    guardianships: minor
      ? [
        { guardianshipId: 'g1', guardianPersonId: personId('guardian'), parentalResponsibility: true, informationGranted: false },
        { guardianshipId: 'g2', guardianPersonId: personId('parentWithoutResponsibility'), parentalResponsibility: false, informationGranted: false },
        { guardianshipId: 'g3', guardianPersonId: personId('parentWithInformationDecision'), parentalResponsibility: false, informationGranted: true },
      ]
      : [
        { guardianshipId: 'g4', guardianPersonId: personId('guardianWithConsent'), parentalResponsibility: true, informationGranted: false },
        { guardianshipId: 'g5', guardianPersonId: personId('guardianWithoutConsent'), parentalResponsibility: true, informationGranted: false },
      ],
    consentedGuardianIds: minor ? [] : [personId('guardianWithConsent')],
  };
}

function actorFor(p: Person, world: ExampleWorld): Actor {
  const staff = (role: string, department: { id: string; name: string } | null = null) => [{
    staffMemberId: `staff-${p}`, schoolId: SCHOOL.id, schoolName: SCHOOL.name,
    roles: [{ role: role as never, departmentId: department?.id ?? null, departmentName: department?.name ?? null }],
  }];
  const base: Actor = {
    personId: personId(p), ownerId: OWNER, givenName: p, familyName: 'Example', locale: 'en', staff: [],
    contactTeacherOf: [], subjectTeacherOf: [], studentIds: [], guardianOf: [],
  };
  const g = world.basisGroup;
  const tg = world.teachingGroup;
  switch (p) {
    case 'contactTeacher':
      return { ...base, staff: staff('teacher'), contactTeacherOf: [{ id: g.basisGroupId, name: g.name, schoolId: g.schoolId, schoolName: g.schoolName, departmentId: g.departmentId }] };
    case 'subjectTeacher':
      return { ...base, staff: staff('teacher'), subjectTeacherOf: [{ id: tg.teachingGroupId, name: tg.name, schoolId: tg.schoolId, subjectCode: tg.subjectCode, subjectName: tg.subjectName }] };
    case 'departmentHead': return { ...base, staff: staff('departmentHead', DEPARTMENT) };
    case 'departmentHeadOther': return { ...base, staff: staff('departmentHead', OTHER_DEPARTMENT) };
    case 'counsellor': case 'principal': case 'schoolAdmin': return { ...base, staff: staff(p) };
    case 'teacher': return { ...base, staff: staff('teacher') };
    case 'student': return { ...base, studentIds: ['student-minor'] };
    case 'classmate': return { ...base, studentIds: ['student-classmate'] };
    case 'adultStudent': return { ...base, studentIds: ['student-adult'] };
    default: return { ...base, guardianOf: [p === 'guardianWithConsent' || p === 'guardianWithoutConsent' ? 'student-adult' : 'student-minor'] };
  }
}

function exampleWorld(): ExampleWorld {
  return {
    ownerId: OWNER,
    school: SCHOOL,
    basisGroup: {
      ownerId: OWNER, basisGroupId: 'class-2sta', name: '2STA', level: 'vg2', schoolId: SCHOOL.id, schoolName: SCHOOL.name,
      departmentId: DEPARTMENT.id, departmentName: DEPARTMENT.name, memberStudentIds: ['student-minor', 'student-classmate', 'student-adult'],
    },
    teachingGroup: {
      ownerId: OWNER, teachingGroupId: 'group-2sta-mat', name: '2STA-MAT', schoolId: SCHOOL.id, schoolName: SCHOOL.name,
      subjectCode: 'MAT1021', subjectName: 'Matematikk 2P',
    },
    people: Object.fromEntries(PEOPLE.map((p) => [p.key, personId(p.key)])) as Record<Person, string>,
  };
}

/** Core's kinds of resource, as examples; a feature's own kinds bring theirs (ResourceKind.examples). */
const coreExamples: Record<string, ExamplesOf> = {
  student: (_w, student) => [{ label: 'a student', resource: { type: 'student', student } }],
  record: (w, student) => [
    ...(['staff', 'contactTeacherAndLeaders', 'counsellorOnly', 'authorOnly'] as const).map((visibility) => ({
      label: `a record by the subject teacher, visible to: ${visibility}`,
      resource: { type: 'record', student, visibility, authorPersonId: w.people.subjectTeacher } as const,
    })),
    {
      label: 'a record by the subject teacher, visible to: contactTeacherAndLeaders, shared with the family',
      resource: { type: 'record', student, visibility: 'contactTeacherAndLeaders', authorPersonId: w.people.subjectTeacher, sharedWithFamily: true },
    },
  ],
  basisGroup: (w) => [{ label: 'the class 2STA', resource: { type: 'basisGroup', group: w.basisGroup } }],
  teachingGroup: (w) => [{ label: 'the teaching group 2STA-MAT', resource: { type: 'teachingGroup', group: w.teachingGroup } }],
  school: (w) => [{ label: 'the school', resource: { type: 'school', ownerId: w.ownerId, schoolId: w.school.id, schoolName: w.school.name } }],
};

export interface RulesSource {
  /** the feature's name and the actions its policy defines, per kind of resource */
  features: { name: string; actions: { type: string; action: string }[] }[];
  /** examples of the kinds of resource features register */
  examples: Record<string, ExamplesOf>;
}

const cell = (items: string[]) => (items.length ? items.join('; ') : '–');

function rowsFor(type: string, action: string, examples: ExamplesOf, world: ExampleWorld): string[] {
  const students = { minor: studentFacts('minor'), adult: studentFacts('adult') };
  const labels = examples(world, students.minor).map((e) => e.label);
  return labels.map((label, i) => {
    const allowed: string[] = [];
    const refused: string[] = [];
    const hidden: string[] = [];
    for (const p of PEOPLE) {
      const example = examples(world, students[p.student])[i]!;
      const d = can(actorFor(p.key, world), action as Action, example.resource, TODAY);
      if (d.allow) allowed.push(`${p.label} (*${describeReason(d.reason, 'en')}*)`);
      else (d.hide ? hidden : refused).push(p.label);
    }
    return `| \`${action}\` | ${labels.length > 1 || type !== 'student' ? label : 'a student'} | ${cell(allowed)} | ${cell(refused)} | ${cell(hidden)} |`;
  });
}

export function rulesDocument(source: RulesSource): string {
  const world = exampleWorld();
  const examples = { ...coreExamples, ...source.examples };
  const out: string[] = [
    '# Access rules',
    '',
    '<!-- Generated by `npm run docs:access-rules` from the policy registry (server/features/*/policy.ts and',
    '     server/core/policy/can.ts). Do not edit: `npm test` fails when this file is out of date. -->',
    '',
    'Every action Elevlos decides, tried with `can()` for each kind of person in an example school (the class',
    '2STA, its teaching group 2STA-MAT, a student under 18 and an adult student of the class, on 2026-11-25).',
    'Allowed people are listed with the reason Elevlos records and shows (in italics). Refused people get 403',
    'and the denial is audited; hidden people get 404, exactly as if the student or record did not exist.',
    'A route may narrow an allowed answer further (a subject teacher sees only their own subject); the',
    "feature's routes and tests say where.",
    '',
    `The people tried: ${PEOPLE.map((p) => p.label).join('; ')}.`,
    '',
  ];
  const all = registeredActions();
  const described = new Set<string>();
  const section = (title: string, actions: { type: string; action: string }[]) => {
    out.push(`## ${title}`, '', '| action | on | allowed (reason) | refused (403) | hidden (404) |', '|---|---|---|---|---|');
    for (const { type, action } of actions) {
      const ex = examples[type];
      if (!ex) throw new Error(`no examples of the resource kind ${type} (ResourceKind.examples)`);
      out.push(...rowsFor(type, action, ex, world));
      described.add(`${type} ${action}`);
    }
    out.push('');
  };
  section('core', all.filter((a) => ['student.read', 'record.read', 'record.edit'].includes(a.action)));
  for (const f of source.features) if (f.actions.length) section(f.name, f.actions);
  const missing = all.filter((a) => !described.has(`${a.type} ${a.action}`));
  if (missing.length) throw new Error(`actions no feature lists: ${missing.map((a) => a.action).join(', ')}`);
  return `${out.join('\n').trimEnd()}\n`;
}
