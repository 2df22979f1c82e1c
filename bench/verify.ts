/**
 * The app's answers against the floor's, for a sample of users per conversation scenario: the load only
 * sees status codes, so this is what makes sure the bench measures full, correct answers. The app's
 * answers are taken while it runs; the floor's after it stopped (PGlite allows one process per data dir).
 */
import {
  appClassPlan, appCompliance, firstDifference, floorClassPlan, floorCompliance, studentsIn,
  type ClassPlanAnswer, type ComplianceAnswer,
} from './conversations.js';
import { appAbsenceOverview, floorAbsenceOverview, yearFacts, type AbsenceOverviewAnswer, type YearFacts } from './absence.js';
import { appCycleCompliance, floorCycleCompliance, tasksIn, type CycleAnswer } from './annualCycle.js';
import type { BenchUser, LeaderUser } from './dataset.js';
import type { Query } from './floor.js';
import type { AnySession, Sessions, Target } from './load.js';

type Answer = ClassPlanAnswer | ComplianceAnswer | AbsenceOverviewAnswer | CycleAnswer;
const isCycle = (key: string) => key.startsWith('cycle');
/** students in the answer (tasks, for the annual cycle) */
const sizeOf = (key: string, a: Answer) => (isCycle(key) ? tasksIn(a as CycleAnswer) : Array.isArray(a) ? a.length : studentsIn(a as ComplianceAnswer));
export interface AppAnswer { target: Target; session: AnySession; answer: Answer }

const fromApp: Record<string, (body: unknown) => Answer> = {
  classPlan: appClassPlan,
  compliance: appCompliance,
  complianceSchool: appCompliance,
  absenceOverview: appAbsenceOverview,
  cycleCompliance: appCycleCompliance,
  cycleComplianceSchool: appCycleCompliance,
};

/** Targets whose answers the bench compares with the floor's. */
export const verifiable = (t: Target) => t.key in fromApp;

/** Up to `sample` distinct users per verifiable target; refuses an error or an empty answer. */
export async function appAnswers(url: string, sessions: Sessions, targets: Target[], sample: number): Promise<AppAnswer[]> {
  const out: AppAnswer[] = [];
  for (const target of targets.filter(verifiable)) {
    for (const session of sessions[target.who].slice(0, sample)) {
      const res = await fetch(`${url}${target.path(session, () => 0)}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
      if (res.status !== 200) throw new Error(`${target.label} for ${session.user.username}: ${res.status} ${await res.text()}`);
      const answer = fromApp[target.key]!(await res.json());
      if (sizeOf(target.key, answer) === 0) throw new Error(`${target.label} for ${session.user.username}: the app answered with no students`);
      if (session.user.role === 'contactTeacher' && sizeOf(target.key, answer) !== session.user.studentIds.length) {
        throw new Error(`${target.label} for ${session.user.username}: ${sizeOf(target.key, answer)} students, the class has ${session.user.studentIds.length}`);
      }
      out.push({ target, session, answer });
    }
  }
  return out;
}

/** Throws at the first answer that differs from the floor's; returns how many were compared per target. */
export async function compareWithFloor(q: Query, ownerId: string, today: string, answers: AppAnswer[]): Promise<Record<string, number>> {
  const compared: Record<string, number> = {};
  let year: YearFacts | null = null;
  for (const { target, session, answer } of answers) {
    const floor = target.key === 'classPlan'
      ? await floorClassPlan(q, ownerId, session.user as BenchUser, today)
      : target.key === 'absenceOverview'
        ? await floorAbsenceOverview(q, ownerId, session.user as BenchUser, today, (year ??= await yearFacts(q, ownerId, today)))
        : isCycle(target.key)
          ? await floorCycleCompliance(q, ownerId, session.user as LeaderUser, today)
          : await floorCompliance(q, ownerId, session.user as LeaderUser, today);
    const diff = firstDifference(answer, floor);
    if (diff) throw new Error(`${target.label} for ${session.user.username}: the app's answer differs from the floor's at ${diff}`);
    compared[target.key] = (compared[target.key] ?? 0) + 1;
  }
  return compared;
}
