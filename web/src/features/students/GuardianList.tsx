import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guardian } from './studentsApi';
import { Fact, Facts } from '../../core/ui/Facts';
import { ContactDetails } from './ContactDetails';

function relationLabel(t: TFunction, relation: Guardian['relation']): string {
  if (relation === 'mother') return t('students.relationMother');
  if (relation === 'father') return t('students.relationFather');
  return t('students.relationOther');
}

export function GuardianList({ guardians }: { guardians: Guardian[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('students.guardians')}
      </Heading>
      {guardians.length === 0 ? (
        <Paragraph>{t('students.noGuardians')}</Paragraph>
      ) : (
        <ul className="card-list">
          {guardians.map((g) => (
            <li key={g.guardianshipId}>
              <GuardianCard guardian={g} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GuardianCard({ guardian: g }: { guardian: Guardian }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="xs">
        {g.name}
      </Heading>
      <Facts>
        <Fact label={t('students.relation')}>
          {relationLabel(t, g.relation)}
        </Fact>
        <Fact label={t('students.parentalResponsibility')}>{yesNo(g.parentalResponsibility)}</Fact>
        <Fact label={t('students.livesWith')}>{yesNo(g.livesWith)}</Fact>
        <Fact label={t('students.insight')}>
          <Tag data-size="sm" data-color={g.insight ? 'success' : 'neutral'}>
            {g.insight ? t('students.hasInsight') : t('students.noInsight')}
          </Tag>{' '}
          {g.insightReason && <span className="muted">{g.insightReason}</span>}
        </Fact>
        <ContactDetails contact={g.contact} isProtected={g.addressProtection !== 'none'} />
      </Facts>
    </Card>
  );
}
