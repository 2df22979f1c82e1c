import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../core/ui/AppLink';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { staffQuery, useReportConcern } from './api';

const FIELDS = ['concern', 'concernsStaffMemberId'] as const;
type F = (typeof FIELDS)[number];

/** R-70 (L-33, L-34): what the staff member saw, perhaps about a staff member; one click sends it to the principal. */
export function ConcernForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const staff = useQuery(staffQuery);
  const report = useReportConcern(studentId);
  const form = useFormErrors<F>(FIELDS);
  const [concern, setConcern] = useState('');
  const [about, setAbout] = useState('');
  const [sent, setSent] = useState<{ id: string; notified: 'principal' | 'schoolOwner' } | null>(null);
  const idFor = (f: F) => `${uid}-${f}`;

  if (sent) {
    return (
      <div className="stack" role="status">
        <Paragraph>{t(sent.notified === 'principal' ? 'schoolEnvironment.sentPrincipal' : 'schoolEnvironment.sentOwner')}</Paragraph>
        <Paragraph>
          <AppLink to="/school-environment/$caseId" params={{ caseId: sent.id }}>{t('schoolEnvironment.openReceipt')}</AppLink>
        </Paragraph>
      </div>
    );
  }

  return (
    <form noValidate className="stack" aria-labelledby={`${uid}-h`} onSubmit={(e) => {
      e.preventDefault();
      if (!form.check(concern.trim() ? {} : { concern: t('schoolEnvironment.required') })) return;
      report.mutateAsync({ concern: concern.trim(), ...(about ? { concernsStaffMemberId: about } : {}) })
        .then((c) => flushSync(() => setSent(c)))
        .catch((err: unknown) => form.fromServer(err));
    }}>
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('schoolEnvironment.reportHeading')}</Heading>
      <Paragraph data-size="sm">{t('schoolEnvironment.reportIntro')}</Paragraph>
      <UnsavedGuard dirty={!sent && !report.isPending && (concern.trim() !== '' || about !== '')} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} />
      <Textfield id={idFor('concern')} label={t('schoolEnvironment.concern')} description={t('schoolEnvironment.concernHelp')} multiline rows={4}
        required value={concern} error={form.errors.concern} onChange={(e) => setConcern(e.target.value)} />
      <Field>
        <Label htmlFor={idFor('concernsStaffMemberId')}>{t('schoolEnvironment.aboutStaff')}</Label>
        <Field.Description>{t('schoolEnvironment.aboutStaffHelp')}</Field.Description>
        <Select id={idFor('concernsStaffMemberId')} value={about} onChange={(e) => setAbout(e.target.value)} aria-invalid={!!form.errors.concernsStaffMemberId}>
          <Select.Option value="">{t('schoolEnvironment.noStaff')}</Select.Option>
          {(staff.data?.staff ?? []).map((s) => <Select.Option key={s.staffMemberId} value={s.staffMemberId}>{s.name}</Select.Option>)}
        </Select>
        {form.errors.concernsStaffMemberId && <ValidationMessage>{form.errors.concernsStaffMemberId}</ValidationMessage>}
      </Field>
      <div className="button-row">
        <Button type="submit" loading={report.isPending}>{t('schoolEnvironment.send')}</Button>
      </div>
    </form>
  );
}
