import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../core/ui/AppLink';

/** On a teaching group's page: its assessment plan (whoever sees the group's students may read its plan). */
export function GroupPlanLink({ teachingGroupId, name }: { teachingGroupId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <AppLink to="/teaching-groups/$teachingGroupId/assessment-plan" params={{ teachingGroupId }}>{t('assessmentPlan.groupLink', { group: name })}</AppLink>
    </Paragraph>
  );
}
