import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { OnlyForGuardians, OnlyForStudents } from '../../core/layout/OnlyFor';
import { AccessLogPage } from './AccessLogPage';

export const myAccessLogRoute = createLazyRoute('/authed/me/access-log')({
  component: function MyAccessLogRoute(): ReactNode {
    const { t } = useTranslation();
    return <OnlyForStudents>{(id) => <AccessLogPage studentId={id} title={t('accessLog.title')} />}</OnlyForStudents>;
  },
});

export const childAccessLogRoute = createLazyRoute('/authed/children/$studentId/access-log')({
  component: function ChildAccessLogRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childAccessLogRoute.useParams();
    // The name comes from /api/me, so that showing the log does not cost another read of the child's record.
    const name = me.children.find((c) => c.studentId === studentId)?.name ?? '';
    return (
      <OnlyForGuardians>
        <AccessLogPage studentId={studentId} title={name ? t('accessLog.childTitle', { name }) : t('accessLog.caption')} />
      </OnlyForGuardians>
    );
  },
});
