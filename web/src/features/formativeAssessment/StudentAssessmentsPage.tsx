import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { studentAssessmentsQuery } from './api';
import './formative.css';

/** A student's formative assessments, newest first: one card each, readable on a phone. */
export function StudentAssessmentsPage({ studentId, viewer }: { studentId: string; viewer: 'staff' | 'self' | 'guardian' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentAssessmentsQuery(studentId));
  const name = `${data.student.givenName} ${data.student.familyName}`;
  return (
    <div className="stack">
      <div>
        <PageHeading title={viewer === 'self' ? t('formative.student.myTitle') : t('formative.student.title', { name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('formative.student.intro')}</Paragraph>
      {data.scope === 'ownGroups' && <Paragraph data-size="sm">{t('formative.student.ownGroups')}</Paragraph>}
      {data.assessments.length === 0 ? (
        <Paragraph>{t('formative.student.none')}</Paragraph>
      ) : (
        <ul className="formative-list">
          {data.assessments.map((a) => (
            <li key={a.id}>
              <Card className="formative-item">
                <Heading level={2} data-size="2xs">{a.subjectName}</Heading>
                <div className="formative-item__meta">
                  <span>{format.date(a.assessedOn)}</span>
                  <Tag data-color="info" data-size="sm">{t(`formative.kinds.${a.kind}`)}</Tag>
                </div>
                <Paragraph className="formative-item__feedback">{a.feedback}</Paragraph>
                <Paragraph data-size="sm" className="muted">{t('formative.student.by', { name: a.recordedBy })}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
