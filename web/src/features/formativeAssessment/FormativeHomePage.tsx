import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';

/** The way in for staff: their teaching groups (to record) and their classes (the summary). */
export function FormativeHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const groupsId = useId();
  const classesId = useId();
  return (
    <div className="stack">
      <PageHeading title={t('formative.title')} />
      <Paragraph>{t('formative.home.intro')}</Paragraph>
      <section aria-labelledby={groupsId}>
        <Heading level={2} data-size="sm" id={groupsId}>{t('formative.home.groups')}</Heading>
        {me.teachingGroups.length === 0 ? <Paragraph>{t('formative.home.noGroups')}</Paragraph> : (
          <ul>
            {me.teachingGroups.map((g) => (
              <li key={g.id}><AppLink to="/teaching-groups/$teachingGroupId/formative" params={{ teachingGroupId: g.id }}>{g.name}</AppLink></li>
            ))}
          </ul>
        )}
      </section>
      {me.basisGroups.length > 0 && (
        <section aria-labelledby={classesId}>
          <Heading level={2} data-size="sm" id={classesId}>{t('formative.home.classes')}</Heading>
          <ul>
            {me.basisGroups.map((g) => (
              <li key={g.id}><AppLink to="/classes/$basisGroupId/formative" params={{ basisGroupId: g.id }}>{g.name}</AppLink></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
