import { Button, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { studentBookingQuery, useBookingActions } from './api';
import { CalendarFeedSection } from './CalendarFeed';
import { ConfirmDialog } from './ConfirmDialog';
import { PlaceText } from './Place';
import type { Slot, StudentBookingEntry, StudentRound } from './api';
import { byDay, useWhen } from './when';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

export type Viewer = 'self' | 'guardian' | 'staff';

/**
 * R-18 for the family (and the contact teacher booking on their behalf): the open rounds for one
 * student, the free times as big tap targets by day, and the booked time with "add to calendar",
 * move and cancel until the cut-off. Made for a phone first.
 */
export function StudentBookingPage({ studentId, viewer }: { studentId: string; viewer: Viewer }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(studentBookingQuery(studentId));
  // a guardian knows their child by the given name; at school the whole name says who it is
  const name = viewer === 'staff' ? `${data.student.givenName} ${data.student.familyName}` : data.student.givenName;
  const title = viewer === 'self' ? t('booking.student.titleSelf') : t('booking.student.titleOther', { name });
  // leaders may look, only the contact teacher books for the student
  const intro = viewer === 'staff' && !data.rounds.some((r) => r.canBook) ? 'staffReadOnly' : viewer;
  return (
    <div className="stack booking-student">
      <div>
        <PageHeading title={title} />
        <Paragraph className="muted">{t(`booking.student.intro.${intro}`)}</Paragraph>
        {viewer !== 'self' && <AccessReason access={data.access} />}
      </div>
      {data.rounds.length === 0 && (
        <Paragraph className="panel">{viewer === 'guardian' ? t('booking.student.noneGuardian') : t('booking.student.none')}</Paragraph>
      )}
      {data.rounds.map((r) => (
        <RoundCard key={r.id} round={r} studentId={studentId} viewer={viewer} />
      ))}
      {viewer !== 'staff' && <CalendarFeedSection />}
    </div>
  );
}

function RoundCard({ round, studentId, viewer }: { round: StudentRound; studentId: string; viewer: Viewer }) {
  const { t } = useTranslation();
  const headingId = useId();
  // the number makes the same message twice a new message (and a new focus)
  const [status, setStatus] = useState({ text: '', n: 0 });
  const [moving, setMoving] = useState(false);
  // kept here, not in the picker: a 409 may mean the time was booked from another device, and then the picker is gone
  const [error, setError] = useState<unknown>(null);
  const booked = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const changedTo = useRef<string | null>(null);
  const focusStatus = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);

  // the book button may be far below (a phone): bring the message into view
  useEffect(() => {
    if (error !== null) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const { booking } = round;

  // after booking or moving, the booked time is where the person continues: focus and show it (whichever
  // comes last, the fresh list from the server or the confirmation)
  useEffect(() => {
    if (!booking || changedTo.current !== booking.slotId) return;
    changedTo.current = null;
    booked.current?.focus();
    booked.current?.scrollIntoView({ block: 'nearest' });
  }, [booking, status.n]);

  /** null when a new attempt starts: the last attempt's message and error go */
  const failed = (e: unknown) => {
    setError(e);
    if (e === null) setStatus((s) => ({ text: '', n: s.n }));
  };

  const done = (message: string, slotId: string | null) => {
    changedTo.current = slotId;
    setMoving(false);
    setStatus((s) => ({ text: message, n: s.n + 1 }));
    setError(null);
    focusStatus.current = !slotId;
  };

  // cancelled: the booked time and its buttons are gone, so the message is where to continue
  useEffect(() => {
    if (!focusStatus.current || !status.text) return;
    focusStatus.current = false;
    statusRef.current?.focus();
  }, [status]);

  return (
    <section aria-labelledby={headingId} className="panel stack booking-round">
      <div>
        <Heading level={2} data-size="sm" id={headingId}>
          {round.title}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('booking.student.with', { kind: t(`conversations.kinds.${round.kind}`), host: round.hostName, group: round.group.name })}
        </Paragraph>
      </div>
      <Paragraph ref={statusRef} tabIndex={-1} role="status" className="status-message">
        {status.text}
      </Paragraph>
      {error !== null && (
        <div ref={errorRef}>
          <ErrorAlert error={error} />
        </div>
      )}
      {booking ? (
        <>
          <BookedTime
            ref={booked}
            round={round}
            booking={booking}
            studentId={studentId}
            viewer={viewer}
            moving={moving}
            onMove={() => setMoving(true)}
            onCancelled={() => done(t('booking.student.cancelledDone'), null)}
          />
          {moving && (
            <SlotPicker
              round={round}
              studentId={studentId}
              moveFrom={booking}
              onDone={(slotId) => done(t('booking.student.moved'), slotId)}
              onError={failed}
              onCancel={() => {
                setMoving(false);
                setError(null);
              }}
            />
          )}
        </>
      ) : round.canBook ? (
        round.freeSlots.length > 0 ? (
          <SlotPicker
            round={round}
            studentId={studentId}
            onDone={(slotId) => done(t(`booking.student.booked.${viewer}`), slotId)}
            onError={failed}
          />
        ) : (
          <Paragraph>{t('booking.student.noFree', { host: round.hostName })}</Paragraph>
        )
      ) : (
        <Paragraph>{round.closed ? t('booking.student.closedNoBooking') : t('booking.student.cannotBook')}</Paragraph>
      )}
    </section>
  );
}

interface BookedTimeProps {
  round: StudentRound;
  booking: StudentBookingEntry;
  studentId: string;
  viewer: Viewer;
  moving: boolean;
  onMove: () => void;
  onCancelled: () => void;
  ref: Ref<HTMLHeadingElement>;
}

function BookedTime({ round, booking, studentId, viewer, moving, onMove, onCancelled, ref }: BookedTimeProps) {
  const { t } = useTranslation();
  const when = useWhen();
  const [confirming, setConfirming] = useState(false);
  const { cancel } = useBookingActions(studentId);
  const deadline = booking.changeableUntil ? when.moment(booking.changeableUntil) : null;
  const bookedBy = viewer === 'self' && booking.bookedBy === 'student' ? 'you' : booking.bookedBy;

  let rule: string | null = null;
  if (booking.canChange) rule = deadline ? t('booking.student.changeUntil', { deadline }) : null;
  else if (round.closed) rule = t('booking.student.roundClosed');
  // the caller could change it, but not any more: the cut-off has passed
  else if (round.canBook && deadline) rule = t('booking.student.changePassed', { deadline });

  return (
    <div className="booking-booked">
      <Heading level={3} data-size="2xs" ref={ref} tabIndex={-1} className="booking-booked__label">
        {t('booking.student.yourTime')}
      </Heading>
      <p className="booking-booked__when">{when.slot(booking.startsAt, booking.endsAt)}</p>
      {(booking.place || booking.videoLink) && (
        <Paragraph>
          <PlaceText place={booking.place} videoLink={booking.videoLink} />
        </Paragraph>
      )}
      <Paragraph data-size="sm" className="muted">
        {t(`booking.bookedBy.${bookedBy}`)}
      </Paragraph>
      {rule && <Paragraph data-size="sm">{rule}</Paragraph>}
      <div className="button-row booking-booked__actions">
        <IcsLink ics={booking.ics} />
        {booking.canChange && !moving && round.freeSlots.length > 0 && (
          <Button variant="secondary" onClick={onMove}>
            {t('booking.student.move')}
          </Button>
        )}
        {booking.canChange && (
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('booking.student.cancel')}
          </Button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('booking.student.confirmCancel.title')}
          confirmLabel={t('booking.student.confirmCancel.confirm')}
          keepLabel={t('booking.student.confirmCancel.keep')}
          onConfirm={() =>
            cancel.mutate(booking.id, {
              onSuccess: () => {
                setConfirming(false);
                onCancelled();
              },
            })
          }
          onClose={() => {
            setConfirming(false);
            cancel.reset();
          }}
          pending={cancel.isPending}
          error={cancel.error}
        >
          <Paragraph>{t('booking.student.confirmCancel.text', { when: when.slot(booking.startsAt, booking.endsAt) })}</Paragraph>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** "Add to calendar": the booking's own .ics from the server, as a file download. */
function IcsLink({ ics }: { ics: string }) {
  const { t } = useTranslation();
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!ics) return;
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [ics]);
  if (!href) return null;
  return (
    <Button asChild variant="secondary">
      <a href={href} download={t('booking.student.icsFile')}>
        {t('booking.student.addToCalendar')}
      </a>
    </Button>
  );
}

/** The free times as big radio tiles grouped by day, and one button that books (or moves to) the chosen one. */
function SlotPicker({
  round,
  studentId,
  moveFrom,
  onDone,
  onError,
  onCancel,
}: {
  round: StudentRound;
  studentId: string;
  moveFrom?: StudentBookingEntry;
  onDone: (slotId: string) => void;
  onError: (error: unknown) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const when = useWhen();
  const name = useId();
  const headingId = useId();
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [missing, setMissing] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const { book, move } = useBookingActions(studentId);
  const action = moveFrom ? move : book;
  const days = byDay(round.freeSlots, (s) => s.startsAt);

  function submit() {
    if (!chosen) {
      setMissing(true);
      firstRadio.current?.focus();
      return;
    }
    const slotId = chosen.id;
    const onSuccess = () => onDone(slotId);
    // the list is fetched again (the time may be gone): choose anew
    const failed = (e: unknown) => {
      setChosen(null);
      onError(e);
    };
    onError(null);
    if (moveFrom) move.mutate({ bookingId: moveFrom.id, slotId }, { onSuccess, onError: failed });
    else book.mutate(slotId, { onSuccess, onError: failed });
  }

  const label = chosen
    ? t(moveFrom ? 'booking.student.moveTo' : 'booking.student.book', { when: when.slotShort(chosen.startsAt) })
    : t(moveFrom ? 'booking.student.moveNone' : 'booking.student.bookNone');

  return (
    <div className="booking-picker stack" role="group" aria-labelledby={headingId} data-chosen={chosen ? true : undefined}>
      <UnsavedGuard dirty={chosen !== null && !action.isPending && !action.isSuccess} />
      <Heading level={3} data-size="2xs" id={headingId}>
        {moveFrom ? t('booking.student.pickMove') : t('booking.student.pick')}
      </Heading>
      {days.map((d, i) => (
        <Fieldset key={d.day} className="booking-picker__day">
          <Fieldset.Legend>{when.day(d.day)}</Fieldset.Legend>
          <div className="booking-slots">
            {d.items.map((s, j) => (
              <Radio
                key={s.id}
                ref={i === 0 && j === 0 ? firstRadio : undefined}
                name={name}
                value={s.id}
                className="booking-slot"
                label={
                  <>
                    <span className="ds-sr-only">{when.day(d.day)} </span>
                    <span className="booking-slot__time">{when.time(s.startsAt)}</span>
                    <span className="booking-slot__end">–{when.time(s.endsAt)}</span>
                  </>
                }
                checked={chosen?.id === s.id}
                onChange={() => {
                  setChosen(s);
                  setMissing(false);
                }}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      {(round.freeSlots[0]?.place || round.freeSlots[0]?.videoLink) && (
        <Paragraph data-size="sm" className="muted">
          <PlaceText place={(chosen ?? round.freeSlots[0]!).place} videoLink={(chosen ?? round.freeSlots[0]!).videoLink} />
        </Paragraph>
      )}
      <div className="booking-picker__bar">
        {missing && <ValidationMessage>{t('booking.student.chooseFirst')}</ValidationMessage>}
        <div className="button-row">
          <Button onClick={submit} loading={action.isPending} disabled={action.isPending} className="booking-picker__submit">
            {label}
          </Button>
          {onCancel && (
            <Button variant="tertiary" onClick={onCancel} disabled={action.isPending}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
