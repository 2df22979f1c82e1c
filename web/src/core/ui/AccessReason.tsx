import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Access } from '../api/types';
import { EyeIcon } from './icons';

/** Why the user may see this (the relation the server allowed it on): shown so access is never a mystery. */
export function AccessReason({ access }: { access: Access }) {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm" className="access-reason" data-reason={access.reasonCode}>
      <EyeIcon />
      <span>{t('common.accessReason', { reason: access.reason })}</span>
    </Paragraph>
  );
}
