import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { classListQuery } from '../classes';
import './conduct.css';

/** Where conduct work starts: a teacher's groups (input), and the classes the caller may open (grades, preparation, review). */
export function ConductIndexPage() {
  const { t } = useTranslation();
  const me = useMe();
  const leader = hasRole(me, 'principal', 'departmentHead');
  const classes = useQuery({ ...classListQuery(), enabled: leader });
  const groupsId = useId();
  const classesId = useId();
  const own = me.basisGroups.map((g) => ({ id: g.id, name: g.name }));
  const list = leader ? (classes.data?.groups ?? []).map((g) => ({ id: g.id, name: g.name })) : own;
  return (
    <div className="stack">
      <PageHeading title={t('conduct.index.title')} />
      <Paragraph>{t('conduct.index.intro')}</Paragraph>
      {me.teachingGroups.length > 0 && (
        <section aria-labelledby={groupsId} className="stack">
          <Heading level={2} data-size="sm" id={groupsId}>{t('conduct.index.myGroups')}</Heading>
          <ul className="conduct-list">
            {me.teachingGroups.map((g) => (
              <li key={g.id}><AppLink to="/teaching-groups/$teachingGroupId/conduct" params={{ teachingGroupId: g.id }}>{g.name}</AppLink></li>
            ))}
          </ul>
        </section>
      )}
      {(leader || own.length > 0) && (
        <section aria-labelledby={classesId} className="stack">
          <Heading level={2} data-size="sm" id={classesId}>{t('conduct.index.classes')}</Heading>
          {list.length === 0 ? <Paragraph>{t('conduct.index.noClasses')}</Paragraph> : (
            <ul className="conduct-list">
              {list.map((g) => (
                <li key={g.id}>
                  <AppLink to="/classes/$basisGroupId/conduct" params={{ basisGroupId: g.id }}>{t('conduct.index.classConduct', { name: g.name })}</AppLink>
                  {' · '}
                  <AppLink to="/classes/$basisGroupId/grade-preparation" params={{ basisGroupId: g.id }}>{t('conduct.index.preparation', { name: g.name })}</AppLink>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {me.teachingGroups.length === 0 && !leader && own.length === 0 && <Paragraph>{t('conduct.index.noGroups')}</Paragraph>}
    </div>
  );
}
