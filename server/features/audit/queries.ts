/** Every statement of the access log and the audit search. */
import type { QueryFn } from '../../core/db/client.js';
import type { auditLog } from '../../core/db/tables.js';

type AuditLog = typeof auditLog.$inferSelect;

/** What `storedReason` needs to show a row's reason in the reader's language. */
interface StoredReason { reason_code: string; reason_params: Record<string, string> }

export interface AccessLogRow extends StoredReason { at: Date; actor_name: string | null; action: string }

/**
 * Reads of records the family's log leaves out: a report to the child welfare service (R-76, L-41) could warn
 * the person it is about. Of the leaders, only the principal and the school admin find them in the audit search.
 */
const NOT_IN_FAMILY_LOG = ['childWelfareReport', 'childWelfareReporting'];

/**
 * Entries about a school-environment case the reader is the subject of (L-34, § 12-5) are left out of every
 * log the reader sees: that staff member never learns of the case.
 */
const NOT_ABOUT_READERS_CASE = `not (a.resource_type = 'schoolEnvironmentCase' and exists (select 1 from school_environment_case sec
  where sec.owner_id = a.owner_id and sec.id::text = a.resource_id and sec.concerns_person_id = $READER))`;

/** Who read or changed a student's data, newest first; the student's own reads are left out. */
export async function accessLogEntries(q: QueryFn, ownerId: string, studentId: string, limit: number, studentPersonId: string, readerPersonId: string): Promise<AccessLogRow[]> {
  return q<AccessLogRow>(
    `select a.at, p.given_name || ' ' || p.family_name as actor_name, a.action, a.reason_code, a.reason_params
       from audit_log a left join person p on p.owner_id = a.owner_id and p.id = a.actor_person_id
       where a.owner_id = $1 and a.student_id = $2 and a.decision = 'allow'
         and a.actor_person_id is distinct from $4
         and a.resource_type <> all($5::text[])
         and ${NOT_ABOUT_READERS_CASE.replace('$READER', '$6')}
       order by a.at desc, a.id desc limit $3`,
    [ownerId, studentId, limit, studentPersonId, NOT_IN_FAMILY_LOG, readerPersonId],
  );
}

export interface AuditSearchRow extends StoredReason {
  at: Date; actor_name: string | null; action: string; resource_type: string; student_id: string | null; student_name: string | null;
  decision: AuditLog['decision'];
}

export interface AuditSearch {
  ownerId: string;
  studentId: string | null;
  actorPersonId: string | null;
  from: string | null;
  to: string | null;
  schoolId: string;
  /** principal or school admin: the whole school; else only `departmentIds` */
  wholeSchool: boolean;
  departmentIds: string[];
  limit: number;
  /** the person searching: entries about a § 12-5 case about them are left out */
  readerPersonId: string;
}

/** The leaders' search of the audit log, narrowed to the school and, for department heads, their departments. */
export async function auditSearchEntries(q: QueryFn, s: AuditSearch): Promise<AuditSearchRow[]> {
  return q<AuditSearchRow>(
    `select a.at, ap.given_name || ' ' || ap.family_name as actor_name, a.action, a.resource_type, a.student_id,
              sp.given_name || ' ' || sp.family_name as student_name, a.decision, a.reason_code, a.reason_params
       from audit_log a
       left join person ap on ap.owner_id = a.owner_id and ap.id = a.actor_person_id
       left join student s on s.owner_id = a.owner_id and s.id = a.student_id
       left join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
       where a.owner_id = $1
         and ($2::uuid is null or a.student_id = $2) and ($3::uuid is null or a.actor_person_id = $3)
         and ($4::date is null or a.at >= $4::date) and ($5::date is null or a.at < $5::date + 1)
         and (s.id is null or s.school_id = $6)
         and ($7::boolean or s.department_id = any($8::uuid[]))
         and ($7::boolean or a.resource_type <> all($11::text[]))
         and ${NOT_ABOUT_READERS_CASE.replace('$READER', '$10')}
       order by a.at desc, a.id desc limit $9`,
    [s.ownerId, s.studentId, s.actorPersonId, s.from, s.to, s.schoolId, s.wholeSchool, s.departmentIds, s.limit, s.readerPersonId, NOT_IN_FAMILY_LOG],
  );
}
