import { Button, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { roundQuery, useAddSlots, useCloseRound, useRemoveSlot } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import {
  checkPlan, initialPlan, PlanFields, planFieldOrder, PlanPreview, previewOf, summaryErrors, toSlotPlan, withFullFieldPaths, type PlanValues,
} from './PlanFields';
import { PlaceText } from './Place';
import type { HostRound, HostSlot } from './api';
import { byDay, useWhen } from './when';
import { UnsavedGuard, changed } from '../../core/ui/UnsavedGuard';

/** The host's page for one round: every slot by day with who booked it for which student, who has not booked, and the round's actions. */
export function RoundPage({ roundId, published }: { roundId: string; published: boolean }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(roundQuery(roundId));
  const { round } = data;
  const [status, setStatus] = useState(published ? t('booking.round.published') : '');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [closing, setClosing] = useState(false);
  const close = useCloseRound(roundId);
  const say = (message: string) => {
    setStatus(message);
    // the button that was used may be gone (a removed slot): continue from the message
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const booked = data.slots.filter((s) => s.booking).length;
  const common = data.slots[0];
  const samePlace = data.slots.every((s) => s.place === common?.place && s.videoLink === common?.videoLink);

  return (
    <div className="stack">
      <div>
        <PageHeading title={round.title} />
        <Paragraph className="muted">
          {t('booking.round.subtitle', { kind: t(`conversations.kinds.${round.kind}`), group: round.group.name })}
        </Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph ref={statusRef} tabIndex={-1} role="status" className="status-message">
        {status}
      </Paragraph>

      <ul className="booking-figures" aria-label={t('booking.round.figures')}>
        <li>
          <span className="booking-figures__number">{booked}</span>
          <span>{t('booking.round.bookedFigure', { count: data.slots.length, booked })}</span>
        </li>
        <li data-alert={data.notBooked.length > 0 || undefined}>
          <span className="booking-figures__number">{data.notBooked.length}</span>
          <span>{t('booking.round.notBookedFigure', { count: data.notBooked.length })}</span>
        </li>
      </ul>

      <div className="booking-round-facts">
        {round.closedAt ? (
          <Paragraph>
            <Tag data-color="neutral">{t('booking.round.closed')}</Tag> {t('booking.round.closedText')}
          </Paragraph>
        ) : (
          <Paragraph>{round.cutoffHours > 0 ? t('booking.round.cutoff', { count: round.cutoffHours }) : t('booking.round.cutoffNone')}</Paragraph>
        )}
        {samePlace && common && (
          <Paragraph>
            <PlaceText place={common.place} videoLink={common.videoLink} />
          </Paragraph>
        )}
      </div>

      <SlotList data={data} showPlace={!samePlace} onDone={say} />
      <NotBooked data={data} />
      {!round.closedAt && <AddSlots roundId={roundId} onDone={say} />}

      {!round.closedAt && (
        <section aria-labelledby="booking-close" className="panel stack">
          <Heading level={2} data-size="xs" id="booking-close">
            {t('booking.round.close.heading')}
          </Heading>
          <Paragraph>{t('booking.round.close.text')}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => setClosing(true)}>
              {t('booking.round.close.button')}
            </Button>
          </div>
        </section>
      )}
      {closing && (
        <ConfirmDialog
          title={t('booking.round.close.confirmTitle')}
          confirmLabel={t('booking.round.close.confirm')}
          onConfirm={() =>
            close.mutate(undefined, {
              onSuccess: () => {
                setClosing(false);
                say(t('booking.round.close.done'));
              },
            })
          }
          onClose={() => {
            setClosing(false);
            close.reset();
          }}
          pending={close.isPending}
          error={close.error}
        >
          <Paragraph>{t('booking.round.close.text')}</Paragraph>
        </ConfirmDialog>
      )}
    </div>
  );
}

function SlotList({ data, showPlace, onDone }: { data: HostRound; showPlace: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const when = useWhen();
  const [target, setTarget] = useState<HostSlot | null>(null);
  const remove = useRemoveSlot(data.round.id);
  const days = byDay(data.slots, (s) => s.startsAt);
  const whoOf = (s: HostSlot) => s.booking?.studentName || t('booking.round.hiddenStudent');

  return (
    <section aria-labelledby="booking-slots" className="stack">
      <Heading level={2} data-size="sm" id="booking-slots">
        {t('booking.round.slotsTitle')}
      </Heading>
      {days.length === 0 && <Paragraph>{t('booking.round.noSlots')}</Paragraph>}
      {days.map((d) => (
        <div key={d.day} className="booking-host-day">
          <Heading level={3} data-size="2xs">
            {when.day(d.day)}
          </Heading>
          <ul className="booking-host-slots">
            {d.items.map((s) => (
              <li key={s.id} data-booked={s.booking ? true : undefined}>
                <span className="booking-host-slots__time numeric">{when.range(s.startsAt, s.endsAt)}</span>
                <span className="booking-host-slots__who">
                  {s.booking ? (
                    <>
                      {s.booking.studentId ? (
                        <AppLink to="/students/$studentId" params={{ studentId: s.booking.studentId }}>
                          {s.booking.studentName}
                        </AppLink>
                      ) : (
                        whoOf(s)
                      )}
                      <span className="muted"> · {t(`booking.bookedBy.${s.booking.bookedBy}`)}</span>
                    </>
                  ) : (
                    <Tag data-color="success" data-size="sm">
                      {t('booking.round.free')}
                    </Tag>
                  )}
                  {showPlace && (
                    <span className="booking-host-slots__place muted">
                      <PlaceText place={s.place} videoLink={s.videoLink} />
                    </span>
                  )}
                </span>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color={s.booking ? 'danger' : undefined}
                  aria-label={
                    s.booking
                      ? t('booking.round.cancelSlotLabel', { when: when.slotShort(s.startsAt), name: whoOf(s) })
                      : t('booking.round.removeSlotLabel', { when: when.slotShort(s.startsAt) })
                  }
                  onClick={() => setTarget(s)}
                >
                  {s.booking ? t('booking.round.cancelSlot') : t('booking.round.removeSlot')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {target && (
        <ConfirmDialog
          title={target.booking ? t('booking.round.confirmCancel.title') : t('booking.round.confirmRemove.title')}
          confirmLabel={target.booking ? t('booking.round.confirmCancel.confirm') : t('booking.round.confirmRemove.confirm')}
          keepLabel={t('booking.round.keep')}
          onConfirm={() =>
            remove.mutate(target.id, {
              onSuccess: () => {
                const message = target.booking ? t('booking.round.cancelled') : t('booking.round.removed');
                setTarget(null);
                onDone(message);
              },
            })
          }
          onClose={() => {
            setTarget(null);
            remove.reset();
          }}
          pending={remove.isPending}
          error={remove.error}
        >
          <Paragraph>
            {target.booking
              ? t('booking.round.confirmCancel.text', { when: when.slot(target.startsAt, target.endsAt), name: whoOf(target) })
              : t('booking.round.confirmRemove.text', { when: when.slot(target.startsAt, target.endsAt) })}
          </Paragraph>
        </ConfirmDialog>
      )}
    </section>
  );
}

function NotBooked({ data }: { data: HostRound }) {
  const { t } = useTranslation();
  const forClass = data.round.group.type === 'basisGroup';
  return (
    <section aria-labelledby="booking-not-booked" className="panel stack">
      <Heading level={2} data-size="xs" id="booking-not-booked">
        {t('booking.round.notBookedTitle', { count: data.notBooked.length })}
      </Heading>
      {data.notBooked.length === 0 ? (
        <Paragraph>{t('booking.round.allBooked')}</Paragraph>
      ) : (
        <ul className="booking-not-booked">
          {data.notBooked.map((s) => (
            <li key={s.studentId}>
              <AppLink to="/students/$studentId" params={{ studentId: s.studentId }}>
                {s.name}
              </AppLink>
              {forClass && !data.round.closedAt && (
                <AppLink
                  to="/students/$studentId/booking"
                  params={{ studentId: s.studentId }}
                  aria-label={t('booking.round.bookForLabel', { name: s.name })}
                  className="booking-not-booked__book"
                >
                  {t('booking.round.bookFor')}
                </AppLink>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddSlots({ roundId, onDone }: { roundId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const base = useId().replace(/:/g, '');
  const add = useAddSlots(roundId);
  const [values, setValues] = useState<PlanValues>(initialPlan);
  const [open, setOpen] = useState(false);
  const fields = planFieldOrder(values);
  const forms = useFormErrors<string>(fields);
  const idFor = (field: string) => `${base}-${field.replace(/\./g, '-')}`;
  const count = previewOf(values).count;
  // the slot rows' keys are new in every fresh plan; what the person typed is the rest
  const typed = (v: PlanValues) => ({ ...v, days: v.days.map(({ date, from, to }) => ({ date, from, to })) });
  const [initial] = useState(() => typed(initialPlan()));
  const dirty = changed(typed(values), initial) && !add.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!forms.check(checkPlan(t, values, { placeRequired: false }))) return;
    add.mutate(toSlotPlan(values), {
      onSuccess: () => {
        forms.clear();
        setValues(initialPlan());
        setOpen(false);
        onDone(t('booking.round.add.done', { count }));
      },
      onError: (err) => forms.fromServer(withFullFieldPaths(err)),
    });
  }

  return (
    <Details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} className="booking-add">
      <Details.Summary>{t('booking.round.add.title')}</Details.Summary>
      <Details.Content>
        <form noValidate onSubmit={submit} className="stack booking-form">
          <UnsavedGuard dirty={dirty} />
          <FormErrorSummary errors={summaryErrors(t, forms.errors)} formErrors={forms.formErrors} attempt={forms.attempt} order={fields} idFor={idFor} />
          <PlanFields values={values} errors={forms.errors} idFor={idFor} onChange={setValues} placeOptional />
          <PlanPreview values={values} headingLevel={3} />
          <div className="button-row">
            <Button type="submit" loading={add.isPending} disabled={add.isPending}>
              {count > 0 ? t('booking.round.add.submit', { count }) : t('booking.round.add.submitNone')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
