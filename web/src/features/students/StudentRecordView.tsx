import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { StudentRecord } from './studentsApi';
import { auditRoles, hasRole, leaderRoles, useMe } from '../../core/auth/session';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { StudentRecordLinks, type RecordViewer } from '../../core/ui/recordLinks';
import { StudentConductSection } from '../conduct';
import { StudentConflictsSection } from '../conflicts';
import { CasesSection } from '../cases';
import { ConsentSummary } from '../consent';
import { ContactLogSection } from '../contactLog';
import { StudentConversationsSection } from '../conversations';
import { AdaptedArrangementsSection } from '../individualPlan';
import { MeasuresSection } from '../measures';
import { SchoolEnvironmentSection } from '../schoolEnvironment';
import { StudentMeetingsSection } from '../meetings';
import { StatusChangeSection, StatusDecisionLetters } from '../statusChange';
import { StudentWarningsSection } from '../warnings';
import { GuardianList } from './GuardianList';
import { StudentProfile } from './StudentProfile';

/** Who is looking: staff with a relation, the student themself, or a guardian with insight. */
export type Viewer = RecordViewer;

/** The one StudentRecord, already narrowed by the server for this viewer; the page around it gives the h1. */
export function StudentRecordView({ record, viewer }: { record: StudentRecord; viewer: Viewer }) {
  const { t } = useTranslation();
  const me = useMe();
  const { student, permissions } = record;
  const canOpenClass = (id: string) =>
    viewer === 'staff' && (hasRole(me, ...leaderRoles) || me.basisGroups.some((g) => g.id === id));

  return (
    <div className="stack">
      <AccessReason access={record.access} />
      <div className="record-grid">
        <StudentProfile student={student} canOpenClass={canOpenClass} />
        <div className="stack">
          <GuardianList guardians={record.guardians} />
          {viewer !== 'guardian' && (
            <ConsentSummary
              studentId={student.id}
              isAdult={student.isAdult}
              perspective={viewer === 'self' ? 'self' : 'staff'}
              action={
                viewer === 'self' && student.isAdult && permissions.manageConsent ? (
                  <Paragraph>
                    <AppLink to="/me/consent">{t('students.manageConsent')}</AppLink>
                  </Paragraph>
                ) : undefined
              }
            />
          )}
          {viewer === 'staff' && hasRole(me, ...auditRoles) && (
            <Paragraph>
              <AppLink to="/audit" search={{ studentId: student.id }}>
                {t('students.auditLink')}
              </AppLink>
            </Paragraph>
          )}
        </div>
      </div>
      {/* every teacher of the student must know the adapted arrangement, so it comes first */}
      {viewer === 'staff' && <AdaptedArrangementsSection studentId={student.id} />}
      {viewer === 'staff' && (
        <StudentConversationsSection studentId={student.id} studentName={`${student.givenName} ${student.familyName}`} />
      )}
      <StudentRecordLinks studentId={student.id} viewer={viewer} />
      {permissions.readWarnings && <StudentWarningsSection studentId={student.id} />}
      {(permissions.readConduct || permissions.listDisciplinaryCases) && (
        <StudentConductSection studentId={student.id} grades={permissions.readConduct} cases={permissions.listDisciplinaryCases} />
      )}
      {viewer === 'staff' && <StudentConflictsSection studentId={student.id} />}
      {viewer === 'staff' && <MeasuresSection studentId={student.id} />}
      <SchoolEnvironmentSection studentId={student.id} />
      {viewer === 'staff' && <StudentMeetingsSection studentId={student.id} />}
      {viewer === 'staff' ? <StatusChangeSection studentId={student.id} /> : <StatusDecisionLetters studentId={student.id} />}
      {viewer === 'staff' && <CasesSection studentId={student.id} />}
      {permissions.readContactLog && <ContactLogSection studentId={student.id} canAdd={permissions.editContactLog} />}
    </div>
  );
}
