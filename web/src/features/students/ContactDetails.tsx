import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ContactDetails as Contact } from './studentsApi';
import { Fact } from '../../core/ui/Facts';
import { ShieldIcon } from '../../core/ui/icons';

/**
 * L-07: for a protected person the address is never rendered, even if one arrives, and the shield says why.
 * Fields the server sent as null are simply left out.
 */
export function ContactDetails({ contact, isProtected }: { contact: Contact | null; isProtected: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {contact?.email && (
        <Fact label={t('students.email')}>
          <Link href={`mailto:${contact.email}`} data-color="accent">{contact.email}</Link>
        </Fact>
      )}
      {contact?.phone && (
        <Fact label={t('students.phone')}>
          <Link href={`tel:${contact.phone.replace(/\s+/g, '')}`} data-color="accent">{contact.phone}</Link>
        </Fact>
      )}
      {isProtected ? (
        <Fact label={t('students.address')}>
          <ProtectedAddress />
        </Fact>
      ) : (
        contact?.address && <Fact label={t('students.address')}>{contact.address}</Fact>
      )}
    </>
  );
}

export function ProtectedAddress() {
  const { t } = useTranslation();
  return (
    <>
      <span className="protected">
        <ShieldIcon />
        {t('common.protectedAddress')}
      </span>
      <Paragraph data-size="sm" className="muted">
        {t('students.protectedAddressHelp')}
      </Paragraph>
    </>
  );
}
