/** A meeting as a resource the access hook loads for `:meetingId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid, loadStudentsFacts } from '../../core/policy/facts.js';
import { meetingExamples, type MeetingFacts } from './policy.js';
import { meetingFactsRows, type MeetingFactsRow } from './queries.js';

/** Several meetings' facts: the meeting rows, then every student's facts in one statement. */
export async function loadMeetingsFacts(database: Database, ownerId: string, meetingIds: string[], today: string): Promise<MeetingFacts[]> {
  const rows = await meetingFactsRows(database.query, ownerId, meetingIds.filter(isUuid));
  const students = await loadStudentsFacts(database, ownerId, [...new Set(rows.flatMap((r) => r.student_ids))], today);
  return rows.map((r) => toFacts(ownerId, r, students));
}

function toFacts(ownerId: string, r: MeetingFactsRow, students: Map<string, MeetingFacts['students'][number]>): MeetingFacts {
  return {
    meetingId: r.id, ownerId, kind: r.kind, schoolId: r.school_id, schoolName: r.school_name,
    students: r.student_ids.flatMap((id) => students.get(id) ?? []),
    staffParticipantPersonIds: r.staff_person_ids, resourceTeamPersonIds: r.team_person_ids,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    meeting: MeetingFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one meeting: `:meetingId` in the path; the feature audits, once per student of the meeting */
    meeting: object;
  }
}

export const meetingResource: ResourceKind<'meeting'> = {
  type: 'meeting',
  load: async ({ database, actor, params, today }) => {
    const [meeting] = await loadMeetingsFacts(database, actor.ownerId, [params.meetingId ?? ''], today);
    return meeting ? { type: 'meeting', meeting } : null;
  },
  attach: { property: 'meeting', value: (r) => r.meeting },
  examples: meetingExamples,
};
