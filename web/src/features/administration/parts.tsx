// Pieces every administration page shares: the area's own menu and the top of a page, the reason field,
// the form panel with its guard against leaving typed text behind, a "choose one" list, the confirm
// dialog for removals (with its reason).
import { Alert, Button, Dialog, Field, Heading, Label, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Access } from '../../core/api/types';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { ReasonField as CoreReasonField, reasonMissing, type ReasonFieldProps } from '../../core/ui/ReasonField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

export { reasonMissing };

/** The administration area's pages for one school, and the import and accounts pages beside them. */
export function AdminNav({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const props = { activeProps: { 'aria-current': 'page' as const } };
  return (
    <nav aria-label={t('administration.areaNav')} className="admin-nav">
      <ul>
        <li><AppLink to="/admin" activeOptions={{ exact: true }} {...props}>{t('administration.links.home')}</AppLink></li>
        <li><AppLink to="/admin/schools/$schoolId/staff" params={{ schoolId }} {...props}>{t('administration.links.staff')}</AppLink></li>
        <li><AppLink to="/admin/schools/$schoolId/groups" params={{ schoolId }} {...props}>{t('administration.links.groups')}</AppLink></li>
        <li><AppLink to="/admin/schools/$schoolId/contact-teachers" params={{ schoolId }} {...props}>{t('administration.links.contactTeachers')}</AppLink></li>
        <li><AppLink to="/admin/import">{t('administration.links.import')}</AppLink></li>
        <li><AppLink to="/admin/accounts">{t('administration.links.accounts')}</AppLink></li>
      </ul>
    </nav>
  );
}

/** Why a correction stands only until the source changes the record. */
export function SourceHelp() {
  const { t } = useTranslation();
  return <Alert data-color="info" data-size="sm"><Paragraph data-size="sm">{t('administration.sourceHelp')}</Paragraph></Alert>;
}

/**
 * The top of an administration page: the area's menu, the title with why one may see the page, what
 * the page is for and that the source's next run may overwrite a correction.
 */
export function AdminPageTop({ schoolId, title, access, intro, back }: {
  schoolId: string;
  title: string;
  access: Access;
  intro: string;
  /** a link up, above the title */
  back?: ReactNode;
}) {
  return (
    <>
      <AdminNav schoolId={schoolId} />
      <div>
        {back}
        <PageHeading title={title} />
        <AccessReason access={access} />
      </div>
      <Paragraph>{intro}</Paragraph>
      <SourceHelp />
    </>
  );
}

/** A wide table that scrolls sideways on its own (by keyboard too) and stacks its cells on a phone. */
export function AdminTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <Table className="stack-on-phone admin-table">{children}</Table>
    </div>
  );
}

export function ReasonField(props: ReasonFieldProps) {
  const { t } = useTranslation();
  return <CoreReasonField {...props} label={t('administration.reason.label')} help={t('administration.reason.help')} rows={2} />;
}

/** "Fill in the field" at each required field left empty, and the reason's own message when it says too little. */
export function missingFields<F extends string>(t: TFunction, required: Partial<Record<F, string>>, reason: string): Errors<F | 'reason'> {
  const found: Errors<F | 'reason'> = {};
  for (const [field, value] of Object.entries(required) as [F, string][]) if (!value) found[field] = t('administration.required');
  if (reasonMissing(reason)) found.reason = t('administration.reason.required');
  return found;
}

/** Sends a change; a refusal is shown at the form's fields (and answers false), so the typed text stays. */
export async function sendChange(form: { fromServer(err: unknown): void }, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    form.fromServer(err);
    return false;
  }
}

// unsaved-guard: a field of the forms that render it, guarded there
/** One of a list, starting from "Choose …" so that nothing is picked for the person. */
export function ChoiceField({ id, label, value, onChange, error, options }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error}>
        <Select.Option value="">{t('administration.choose')}</Select.Option>
        {options.map((o) => <Select.Option key={o.value} value={o.value}>{o.label}</Select.Option>)}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/**
 * A change made in a panel of its own: its heading names the form, the error summary comes first, the
 * guard asks before typed text is left behind, the send button comes last.
 */
export function AdminFormSection<F extends string>({ uid, heading, form, order, idFor, dirty, pending, submitLabel, onSubmit, children }: {
  /** the form's useId: the heading's id and, unless `idFor` says otherwise, its fields' ids start with it */
  uid: string;
  heading: string;
  form: { errors: Errors<F>; formErrors: string[]; attempt: number };
  order: readonly F[];
  idFor?: (field: F) => string;
  dirty: boolean;
  pending: boolean;
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel narrow">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{heading}</Heading>
      <form noValidate onSubmit={onSubmit} className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !pending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={order} idFor={idFor ?? ((f) => `${uid}-${f}`)} />
        {children}
        <div><Button type="submit" loading={pending}>{submitLabel}</Button></div>
      </form>
    </section>
  );
}

interface ConfirmProps {
  title: string;
  text: string;
  confirmLabel: string;
  /** more fields above the reason (a date) */
  children?: ReactNode;
  /** false while the extra fields are not valid: the message is shown by the caller */
  extraValid?: () => boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * "Are you sure?" before a removal, asking why: the safe choice has the focus, Escape closes without
 * doing anything, and the server's refusal (the last admin) is shown in the dialog.
 */
export function ConfirmWithReason({ title, text, confirmLabel, children, extraValid, onConfirm, onClose }: ConfirmProps) {
  const { t } = useTranslation();
  const uid = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const form = useFormErrors<'reason'>(['reason']);
  useEffect(() => keep.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const extraOk = extraValid ? extraValid() : true;
    if (!form.check(reasonMissing(reason) ? { reason: t('administration.reason.required') } : {}) || !extraOk) return;
    setPending(true);
    try {
      await onConfirm(reason.trim());
    } catch (err) {
      form.fromServer(err);
      setPending(false);
    }
  }
  return (
    <Dialog open onClose={onClose} closeButton={false} aria-labelledby={`${uid}-h`}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={`${uid}-h`}>{title}</Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form noValidate onSubmit={(e) => void submit(e)} className="stack">
          <UnsavedGuard dirty={reason.trim() !== '' && !pending} />
          <Paragraph>{text}</Paragraph>
          <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-reason`} />
          {children}
          <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
          <div className="button-row">
            <Button type="submit" data-color="danger" loading={pending}>{confirmLabel}</Button>
            <Button ref={keep} type="button" variant="secondary" onClick={onClose} disabled={pending}>{t('administration.cancel')}</Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
