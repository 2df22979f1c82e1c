import { Heading, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentRecord } from './studentsApi';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { Fact, Facts } from '../../core/ui/Facts';
import { ContactDetails } from './ContactDetails';

type Student = StudentRecord['student'];

function statusLabel(t: TFunction, status: string): string {
  if (status === 'active') return t('students.statusActive');
  if (status === 'changed') return t('students.statusChanged');
  if (status === 'left') return t('students.statusLeft');
  return status;
}

function programmeLabel(t: TFunction, programme: Student['programme']): string {
  if (programme === 'general') return t('students.programmeGeneral');
  if (programme === 'vocational') return t('students.programmeVocational');
  return t('common.notRegistered');
}

/** A field the server sends as null is one this user may not see, so it is left out, not shown as empty. */
export function StudentProfile({ student, canOpenClass }: { student: Student; canOpenClass: (id: string) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <section aria-labelledby={headingId} className="panel">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('students.profile')}
      </Heading>
      <Facts>
        <Fact label={t('students.birthDate')}>
          {format.date(student.birthDate)}
          {student.age !== null && <> ({t('common.years', { count: student.age })})</>}{' '}
          {student.isAdult && (
            <Tag data-size="sm" data-color="info" title={t('common.adultLong')}>
              {t('common.adult')}
            </Tag>
          )}
        </Fact>
        <Fact label={t('students.level')}>{format.level(student.level)}</Fact>
        <Fact label={t('students.programme')}>{programmeLabel(t, student.programme)}</Fact>
        <Fact label={t('students.school')}>{student.schoolName}</Fact>
        {student.departmentName && <Fact label={t('students.department')}>{student.departmentName}</Fact>}
        {student.basisGroups.length > 0 && (
          <Fact label={t('students.basisGroups')}>
            <ul className="plain-list">
              {student.basisGroups.map((g) => (
                <li key={g.id}>
                  {canOpenClass(g.id) ? (
                    <AppLink to="/classes/$basisGroupId" params={{ basisGroupId: g.id }}>
                      {g.name}
                    </AppLink>
                  ) : (
                    g.name
                  )}{' '}
                  <span className="muted">{t('students.since', { date: format.date(g.since) })}</span>
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {student.teachingGroups.length > 0 && (
          <Fact label={t('students.teachingGroups')}>
            <ul className="plain-list">
              {student.teachingGroups.map((g) => (
                <li key={g.id}>{t('students.teachingGroup', { subject: g.subjectName, name: g.name })}</li>
              ))}
            </ul>
          </Fact>
        )}
        <Fact label={t('students.status')}>{statusLabel(t, student.status)}</Fact>
        {student.minorityLanguage !== null && (
          <Fact label={t('students.minorityLanguage')}>{yesNo(student.minorityLanguage)}</Fact>
        )}
        {student.yearsOfResidence !== null && (
          <Fact label={t('students.yearsOfResidence')}>{t('common.years', { count: student.yearsOfResidence })}</Fact>
        )}
        {student.specialEducationRight !== null && (
          <Fact label={t('students.specialEducationRight')}>{yesNo(student.specialEducationRight)}</Fact>
        )}
        {student.accommodationNeeds !== null && (
          <Fact label={t('students.accommodationNeeds')}>
            {student.accommodationNeeds.length === 0 ? (
              t('students.noAccommodationNeeds')
            ) : (
              <ul className="plain-list">
                {student.accommodationNeeds.map((n) => (
                  <li key={n.id}>
                    {n.description}{' '}
                    <span className="muted">({t('students.registeredAt', { date: format.date(n.registeredAt) })})</span>
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        )}
        <ContactDetails contact={student.contact} isProtected={student.addressProtected} />
      </Facts>
    </section>
  );
}
