/**
 * The law's limits on suspension (L-31, opplæringslova § 13-1), by stage: grades 1–7 single lessons or the
 * rest of the day (the parents told first), grades 8–10 up to 3 days, upper secondary up to 5 days.
 * Pure functions, so the caps are tested without a database.
 */
import type { Level } from '../../core/db/tables.js';
import type { SuspensionScope } from './tables.js';
import { badField } from '../../core/http/errors.js';

export type Stage = 'primary' | 'lowerSecondary' | 'upperSecondary';

export const MAX_SUSPENSION_DAYS: Record<Exclude<Stage, 'primary'>, number> = { lowerSecondary: 3, upperSecondary: 5 };
/** L-31: a teacher may remove a student from their own lesson for at most 2 hours */
export const MAX_REMOVAL_MINUTES = 120;

export function stageOf(level: Level): Stage {
  if (/^grade[1-7]$/.test(level)) return 'primary';
  if (/^grade(8|9|10)$/.test(level)) return 'lowerSecondary';
  return 'upperSecondary';
}

export interface SuspensionLength {
  scope: SuspensionScope;
  days?: number | undefined;
  lessons?: number | undefined;
  guardiansToldOn?: string | undefined;
}

/** Bad input (400, naming the field) when the length is over what the law allows at the student's stage. */
export function assertSuspensionWithinCaps(stage: Stage, s: SuspensionLength): void {
  if (s.scope === 'lessons' && !s.lessons) throw badField('lessons', 'discipline.lessonsRequired');
  if (s.scope === 'days' && !s.days) throw badField('days', 'discipline.daysRequired');
  if (stage === 'primary') {
    if (s.scope === 'days') throw badField('scope', 'discipline.capPrimary');
    if (!s.guardiansToldOn) throw badField('guardiansToldOn', 'discipline.guardiansFirst');
    return;
  }
  if (s.scope === 'days' && s.days! > MAX_SUSPENSION_DAYS[stage]) {
    throw badField('days', stage === 'lowerSecondary' ? 'discipline.capLowerSecondary' : 'discipline.capUpperSecondary');
  }
}
