import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { myCountQuery, myNeedsQuery, useConfirmNeeds } from './api';
import './studentForms.css';

/** "Needs I must confirm": the students a teacher teaches whose needs they have not confirmed reading. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(myNeedsQuery);
  const confirm = useConfirmNeeds();
  return (
    <div className="stack">
      <PageHeading title={t('accommodationNeeds.mine.title')} />
      <Paragraph>{t('accommodationNeeds.mine.intro')}</Paragraph>
      {data.students.length === 0 ? <Paragraph role="status">{t('accommodationNeeds.mine.none')}</Paragraph> : (
        <ul className="stack accommodation-needs">
          {data.students.map((s) => {
            const name = `${s.student.givenName} ${s.student.familyName}`;
            return (
              <li key={s.student.id} className="panel stack">
                <Heading level={2} data-size="xs">{name} <span className="muted">({s.groups.join(', ')})</span></Heading>
                {s.dueOn && (
                  <Paragraph data-size="sm">
                    {t('accommodationNeeds.student.due', { date: format.date(s.dueOn) })}{' '}
                    {s.overdue && <Tag data-color="warning" data-size="sm">{t('accommodationNeeds.student.overdue')}</Tag>}
                  </Paragraph>
                )}
                {s.needs.map((n) => (
                  <div key={n.id}>
                    <Paragraph><strong>{n.description}</strong></Paragraph>
                    {n.guidance && <Paragraph data-size="sm">{t('accommodationNeeds.student.guidance')}: {n.guidance}</Paragraph>}
                  </div>
                ))}
                <div>
                  <Button loading={confirm.isPending && confirm.variables === s.student.id} onClick={() => confirm.mutate(s.student.id)}
                    aria-label={`${t('accommodationNeeds.student.confirm')}: ${name}`}>
                    {t('accommodationNeeds.student.confirm')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** For the home page: how many students have needs the teacher must still confirm, with a link. Renders nothing for non-teachers. */
export function AccommodationNeedsToConfirm() {
  const { t } = useTranslation();
  const { data } = useQuery(myCountQuery);
  // nothing to confirm: no panel (the home page shows only what asks for something)
  if (!data || data.count === 0) return null;
  return (
    <section aria-labelledby="home-accommodation" className="panel">
      <Heading level={2} data-size="sm" id="home-accommodation">{t('accommodationNeeds.mine.homeHeading')}</Heading>
      <Paragraph data-size="sm">{t('accommodationNeeds.mine.homeCount', { count: data.count })}</Paragraph>
      <AppLink to="/me/accommodation-needs">{t('accommodationNeeds.mine.link')}</AppLink>
    </section>
  );
}
