import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { Fact, Facts } from '../../../core/ui/Facts';
import type { ConversationDetail, Preparation } from '../types';
import { useSavePreparation } from './api';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import { UnsavedGuard } from '../../../core/ui/UnsavedGuard';

type PrepField = keyof Preparation;
export const prepFields: readonly PrepField[] = ['pleasedWith', 'wantToImprove', 'needHelpWith', 'raiseWithGuardians', 'notCovered'];
const PREP_MAX = 4000;

type PrepKey = 'PleasedWith' | 'WantToImprove' | 'NeedHelpWith' | 'RaiseWithGuardians' | 'NotCovered';
const suffix: Record<PrepField, PrepKey> = {
  pleasedWith: 'PleasedWith',
  wantToImprove: 'WantToImprove',
  needHelpWith: 'NeedHelpWith',
  raiseWithGuardians: 'RaiseWithGuardians',
  notCovered: 'NotCovered',
};

const isEmpty = (p: Preparation) => prepFields.every((f) => !p[f].trim());

/** The student's answers as the teacher reads them: first on the page, before the template. */
export function PreparationView({ detail, self = false }: { detail: ConversationDetail; self?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const prep = detail.preparation;
  const none = !prep || isEmpty(prep);
  return (
    <section aria-labelledby={headingId} className="panel stack meeting-preparation">
      <Heading level={2} data-size="sm" id={headingId}>
        {self ? t('conversations.meeting.yourPreparation') : t('conversations.meeting.preparationTitle')}
      </Heading>
      {self && <Paragraph>{t('conversations.meeting.preparationLocked')}</Paragraph>}
      {none ? (
        <Paragraph>
          {detail.conversation.status === 'planned' ? t('conversations.meeting.preparationNone') : t('conversations.meeting.preparationNoneHeld')}
        </Paragraph>
      ) : (
        <>
          <Facts>
            {prepFields.map((f) => (
              <Fact key={f} label={t(`conversations.meeting.answer${suffix[f]}`)}>
                {prep[f].trim() ? (
                  <span className="meeting-text">{prep[f]}</span>
                ) : (
                  <span className="muted">{t('conversations.meeting.noAnswer')}</span>
                )}
              </Fact>
            ))}
          </Facts>
          {prep.updatedAt && (
            <Paragraph data-size="sm" className="muted">
              {t('conversations.meeting.preparationUpdated', { date: format.dateTime(prep.updatedAt) })}
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

/** the student prepares on their phone; five questions in the school's own words (seed 004). */
export function PreparationForm({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const headingId = useId();
  const ids = Object.fromEntries(prepFields.map((f) => [f, `${uid}-${f}`])) as Record<PrepField, string>;
  const save = useSavePreparation(detail.conversation.id, detail.student.id);
  const stored = (): Preparation => ({
    pleasedWith: detail.preparation?.pleasedWith ?? '',
    wantToImprove: detail.preparation?.wantToImprove ?? '',
    needHelpWith: detail.preparation?.needHelpWith ?? '',
    raiseWithGuardians: detail.preparation?.raiseWithGuardians ?? '',
    notCovered: detail.preparation?.notCovered ?? '',
  });
  const [values, setValues] = useState<Preparation>(stored);
  const [baseline, setBaseline] = useState<Preparation>(stored);
  const dirty = prepFields.some((f) => values[f] !== baseline[f]);
  const [status, setStatus] = useState('');
  const form = useFormErrors(prepFields);
  const updatedAt = save.data?.preparation?.updatedAt ?? detail.preparation?.updatedAt ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const tooLong = Object.fromEntries(
      prepFields.filter((f) => values[f].length > PREP_MAX).map((f) => [f, t('contactLog.summaryTooLong', { max: PREP_MAX })]),
    );
    if (!form.check(tooLong)) return;
    try {
      await save.mutateAsync(values);
      setBaseline(values);
      form.clear();
      setStatus(t('conversations.meeting.preparationSaved'));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={headingId} className="panel stack meeting-prepare">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.prepareTitle')}
      </Heading>
      <Paragraph>{t('conversations.meeting.prepareIntro')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.meeting.prepareOptional')}
      </Paragraph>
      <Alert data-color="info">
        <Paragraph>{t('conversations.meeting.preparePrivateTip')}</Paragraph>
      </Alert>
      <form noValidate onSubmit={submit} className="stack meeting-form" aria-labelledby={headingId}>
        <UnsavedGuard dirty={dirty} />
        <FormErrorSummary {...form} order={prepFields} idFor={(f) => ids[f]} />
        {prepFields.map((f) => (
          <Textfield
            key={f}
            id={ids[f]}
            label={t(`conversations.meeting.prep${suffix[f]}`)}
            multiline
            rows={3}
            counter={{ limit: PREP_MAX, under: t('contactLog.charsLeft'), over: t('contactLog.charsOver') }}
            value={values[f]}
            error={form.errors[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        ))}
        <div className="button-row">
          <Button type="submit" loading={save.isPending}>
            {t('conversations.meeting.savePreparation')}
          </Button>
          <div role="status" className="status-message">
            {status}
          </div>
        </div>
        {updatedAt && (
          <Paragraph data-size="sm" className="muted">
            {t('conversations.meeting.preparationUpdated', { date: format.dateTime(updatedAt) })}
          </Paragraph>
        )}
      </form>
    </section>
  );
}
