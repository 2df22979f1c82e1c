import { Button, Card, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { schoolsQuery, useRenameSchool, type School } from './api';
import { ReasonField, SourceHelp, reasonMissing, sendChange } from './parts';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/** The schools the admin administers, each with its pages and its name to correct. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(schoolsQuery);
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('administration.home.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('administration.home.intro')}</Paragraph>
      <SourceHelp />
      {data.schools.length === 0 && <Paragraph>{t('administration.home.none')}</Paragraph>}
      {data.schools.map((s) => <SchoolCard key={s.id} school={s} />)}
    </div>
  );
}

function SchoolCard({ school }: { school: School }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <Card aria-labelledby={`${uid}-h`}>
      <Card.Block className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{school.name}</Heading>
      <Paragraph data-size="sm">{t('administration.home.stage')}: {t(`administration.stage.${school.stage}`)}</Paragraph>
      <nav aria-label={t('administration.home.pages', { school: school.name })}>
        <ul className="admin-links">
          <li><AppLink to="/admin/schools/$schoolId/staff" params={{ schoolId: school.id }}>{t('administration.links.staff')}</AppLink></li>
          <li><AppLink to="/admin/schools/$schoolId/groups" params={{ schoolId: school.id }}>{t('administration.links.groups')}</AppLink></li>
          <li><AppLink to="/admin/schools/$schoolId/contact-teachers" params={{ schoolId: school.id }}>{t('administration.links.contactTeachers')}</AppLink></li>
          <li><AppLink to="/admin/import">{t('administration.links.import')}</AppLink></li>
          <li><AppLink to="/admin/accounts">{t('administration.links.accounts')}</AppLink></li>
        </ul>
      </nav>
      </Card.Block>
      <Details>
        <Details.Summary>{t('administration.home.rename')}</Details.Summary>
        <Details.Content>
          <RenameForm school={school} />
        </Details.Content>
      </Details>
    </Card>
  );
}

type RenameField = 'name' | 'reason';

function RenameForm({ school }: { school: School }) {
  const { t } = useTranslation();
  const uid = useId();
  const rename = useRenameSchool(school.id);
  const [name, setName] = useState(school.name);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const form = useFormErrors<RenameField>(['name', 'reason']);
  const dirty = (name !== school.name || reason !== '') && !rename.isPending;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const found = { ...(name.trim().length < 2 ? { name: t('administration.required') } : {}), ...(reasonMissing(reason) ? { reason: t('administration.reason.required') } : {}) };
    if (!form.check(found)) return;
    if (!(await sendChange(form, () => rename.mutateAsync({ name: name.trim(), reason: reason.trim() })))) return;
    setReason('');
    setDone(true);
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack">
      <UnsavedGuard dirty={dirty} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={['name', 'reason']} idFor={(f) => `${uid}-${f}`} />
      <Textfield id={`${uid}-name`} label={t('administration.home.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={form.errors.name} />
      <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
      <Paragraph role="status" data-size="sm">{done ? t('administration.home.renamed') : ''}</Paragraph>
      <div><Button type="submit" loading={rename.isPending}>{t('administration.home.save')}</Button></div>
    </form>
  );
}
