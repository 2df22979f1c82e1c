import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ImportDetail } from './api';

type Status = ImportDetail['status'];
const COLOR: Record<Status, 'info' | 'warning' | 'success' | 'neutral' | 'danger'> = {
  reading: 'info', ready: 'warning', applying: 'info', applied: 'success', cancelled: 'neutral', failed: 'danger',
};

/** An import's status in words, coloured: waiting for the admin (ready) stands out. */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag data-size="sm" data-color={COLOR[status]}>{t(`rosterImport.status.${status}`)}</Tag>;
}
