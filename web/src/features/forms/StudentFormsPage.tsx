import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { PageHeading } from '../../core/ui/PageHeading';
import { formName, studentFormsQuery } from './api';

/** A student's forms, outstanding first: the student's own page and a guardian's child page. Phone-friendly: a plain list. */
export function StudentFormsPage({ studentId, viewer }: { studentId: string; viewer: 'self' | 'guardian' | 'staff' }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentFormsQuery(studentId));
  const name = `${data.student.givenName} ${data.student.familyName}`;
  return (
    <div className="stack">
      <PageHeading title={viewer === 'self' ? t('forms.student.myTitle') : t('forms.student.title', { name })} />
      <Paragraph>{t('forms.student.intro')}</Paragraph>
      {data.forms.length === 0 ? <Paragraph>{t('forms.student.none')}</Paragraph> : (
        <ul className="stack student-forms">
          {data.forms.map((f) => (
            <li key={f.id} className="panel">
              <Paragraph><strong>{formName(f, i18n.language)}</strong></Paragraph>
              <Paragraph data-size="sm">
                <Tag data-size="sm" data-color={f.status === 'missing' ? (f.overdue ? 'warning' : 'neutral') : 'success'}>{t(`forms.status.${f.status}`)}</Tag>{' '}
                {t('forms.student.due', { date: format.date(f.dueOn) })}{f.overdue ? ` · ${t('forms.student.overdue')}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
