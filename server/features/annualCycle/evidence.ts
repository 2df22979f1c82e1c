/**
 * The routine engine's scopes: a routine makes one task per subject of its scope (see
 * core/evidence/sources.ts for the evidence that proves a task done).
 */
import type { EvidenceSource, TaskSubjectKind } from '../../core/evidence/sources.js';

export const routineScopes = ['eachStudent', 'eachBasisGroup', 'eachTeacher', 'eachSubjectTeacherOfStudent'] as const;
export type RoutineScope = (typeof routineScopes)[number];

export const subjectKindOfScope: Record<RoutineScope, TaskSubjectKind> = {
  eachStudent: 'student',
  eachBasisGroup: 'basisGroup',
  eachTeacher: 'teacher',
  eachSubjectTeacherOfStudent: 'studentTeacher',
};

/** Routines with no data behind them (screening results, class-team meetings, …): ticked by hand, saying who and when. */
export const handTicked: EvidenceSource = { kind: 'handTicked', subjects: ['student', 'basisGroup', 'teacher', 'studentTeacher'], dataBacked: false };
