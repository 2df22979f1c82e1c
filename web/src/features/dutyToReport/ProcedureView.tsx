import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact, Facts } from '../../core/ui/Facts';
import type { Procedure } from './api';

/** the school's procedure (its own words, or the law's default) and the child welfare service to call. */
export function ProcedureView({ p }: { p: Procedure }) {
  const { t } = useTranslation();
  const id = useId();
  const c = p.childWelfare;
  return (
    <>
      <Heading level={3} data-size="xs">{t('dutyToReport.procedure')}</Heading>
      {p.isDefault && <Paragraph data-size="sm" className="muted">{t('dutyToReport.defaultNote')}</Paragraph>}
      <Paragraph className="pre-line">{p.procedure}</Paragraph>
      <Heading level={3} data-size="xs" id={id}>{t('dutyToReport.contact')}</Heading>
      {c.name || c.phone || c.email ? (
        <Facts>
          {c.name && <Fact label={t('dutyToReport.contactName')}>{c.name}</Fact>}
          {c.phone && <Fact label={t('dutyToReport.phone')}><a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a></Fact>}
          {c.email && <Fact label={t('dutyToReport.email')}><a href={`mailto:${c.email}`}>{c.email}</a></Fact>}
        </Facts>
      ) : <Paragraph>{t('dutyToReport.noContact')}</Paragraph>}
    </>
  );
}
