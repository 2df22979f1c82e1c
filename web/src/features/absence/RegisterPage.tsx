import { Button, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { myLessonsQuery, registerQuery, useSaveRegister, type Register, type RegisterEntry } from './api';
import './absence.css';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { DateField } from '../../core/ui/DateField';

/** The subject teacher's lessons of a day, each a link to its register (R-20). */
export function MyLessonsPage({ day }: { day?: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(myLessonsQuery(day));
  const navigate = useNavigate();
  const format = useFormat();
  return (
    <div className="stack">
      <PageHeading title={t('absence.register.title')} />
      <Paragraph>{t('absence.register.intro')}</Paragraph>
      <DayField day={data.day} onChange={(d) => navigate({ to: '/absence/register', search: { day: d } })} />
      <section aria-labelledby="my-lessons" className="stack">
        <Heading level={2} data-size="sm" id="my-lessons">
          {t('absence.register.lessons')} · {format.date(data.day)}
        </Heading>
        {data.dayKind !== 'schoolDay' && <Paragraph>{t(`absence.dayKind.${data.dayKind}`, { name: data.holidayName ?? '' })}</Paragraph>}
        {data.lessons.length === 0 ? (
          <Paragraph>{t('absence.register.noLessons')}</Paragraph>
        ) : (
          <ul className="absence-lessons">
            {data.lessons.map((l) => (
              <li key={l.lessonId}>
                <AppLink to="/teaching-groups/$teachingGroupId/register" params={{ teachingGroupId: l.teachingGroupId }} search={{ day: data.day, lessonId: l.lessonId }}>
                  {t('absence.register.lessonLink', { time: l.startsAt, group: l.groupName, minutes: l.minutes })}
                </AppLink>{' '}
                {l.absentCount > 0 && (
                  <Tag data-color="warning" data-size="sm">
                    {t('absence.register.absentCount', { count: l.absentCount })}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

// unsaved-guard: a day picker that only moves to another day; the register's marks are guarded by RegisterPage
/** A day picker that moves to the day only when the person is done (Enter or leaving the field), not on every keystroke. */
function DayField({ day, onChange }: { day: string; onChange: (day: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(day);
  useEffect(() => setValue(day), [day]);
  const commit = () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value !== day && value >= '2000-01-01') onChange(value);
  };
  return (
    <DateField
      label={t('absence.register.day')}
      type="date"
      value={value}
      className="absence-day"
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

type State = Record<string, { status: RegisterEntry['status']; lateMinutes: string }>;

const initialState = (data: Register): State =>
  Object.fromEntries(data.students.map((s) => [s.studentId, { status: s.status, lateMinutes: s.lateMinutes ? String(s.lateMinutes) : '' }]));

/**
 * One lesson's register: the whole group on one screen, everyone present until marked. A tap on
 * "Absent" or "Late" changes one student; saving sends only what changed.
 */
export function RegisterPage({ teachingGroupId, day, lessonId }: { teachingGroupId: string; day?: string; lessonId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(registerQuery(teachingGroupId, day, lessonId));
  const save = useSaveRegister(teachingGroupId);
  const [state, setState] = useState<State>(() => initialState(data));
  const [saved, setSaved] = useState<string | null>(null);
  const captionId = useId();
  useEffect(() => setState(initialState(data)), [data]);
  // Marks not yet saved are asked about before another day, lesson or page replaces them.
  const dirty = JSON.stringify(state) !== JSON.stringify(initialState(data));

  const counts = useMemo(() => {
    const all = Object.values(state);
    const absent = all.filter((s) => s.status === 'absent').length;
    const late = all.filter((s) => s.status === 'late').length;
    return { absent, late, present: all.length - absent - late };
  }, [state]);

  const go = (search: { day: string; lessonId?: string }) => navigate({ to: '/teaching-groups/$teachingGroupId/register', params: { teachingGroupId }, search });
  const toggle = (studentId: string, status: 'absent' | 'late') => {
    setSaved(null);
    setState((s) => ({ ...s, [studentId]: { status: s[studentId]!.status === status ? 'present' : status, lateMinutes: s[studentId]!.lateMinutes || (status === 'late' ? '10' : '') } }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!data.lesson) return;
    const students: RegisterEntry[] = data.students.flatMap((s) => {
      const now = state[s.studentId]!;
      const minutes = Number(now.lateMinutes);
      if (now.status === s.status && (now.status !== 'late' || minutes === s.lateMinutes)) return [];
      return [now.status === 'late' ? { studentId: s.studentId, status: 'late' as const, lateMinutes: minutes } : { studentId: s.studentId, status: now.status }];
    });
    const result = await save.mutateAsync({ day: data.day, lessonId: data.lesson.id, students }).catch(() => null);
    if (result) {
      const all = result.students;
      setSaved(t('absence.register.saved', { absent: all.filter((s) => s.status === 'absent').length, late: all.filter((s) => s.status === 'late').length }));
    }
  }

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('absence.register.groupTitle', { group: data.group.name })} />
        <Paragraph className="muted">{data.group.subjectName} ({data.group.subjectCode})</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <UnsavedGuard dirty={dirty} />
      <div className="absence-toolbar">
        <DayField day={data.day} onChange={(d) => go({ day: d })} />
        {data.lessons.length > 1 && (
          <div className="absence-field">
            <label htmlFor={`${captionId}-lesson`}>{t('absence.register.lesson')}</label>
            <Select id={`${captionId}-lesson`} value={data.lesson?.id ?? ''} onChange={(e) => go({ day: data.day, lessonId: e.target.value })}>
              {data.lessons.map((l) => (
                <Select.Option key={l.id} value={l.id}>
                  {t('absence.register.lessonOption', { time: l.startsAt, minutes: l.minutes })}
                </Select.Option>
              ))}
            </Select>
          </div>
        )}
      </div>
      {data.dayKind !== 'schoolDay' ? (
        <Paragraph>{t(`absence.dayKind.${data.dayKind}`, { name: data.holidayName ?? '' })}</Paragraph>
      ) : !data.lesson ? (
        <Paragraph>{t('absence.register.notThisDay')}</Paragraph>
      ) : (
        <form onSubmit={submit} className="stack" aria-labelledby={captionId}>
          <Heading level={2} data-size="sm" id={captionId}>
            {t('absence.register.caption', { group: data.group.name, day: format.date(data.day), time: data.lesson.startsAt })}
          </Heading>
          <Paragraph data-size="sm">{data.canRegister ? t('absence.register.intro') : t('absence.register.future')}</Paragraph>
          <ul className="register-list">
            {data.students.map((s) => {
              const now = state[s.studentId]!;
              const name = `${s.familyName}, ${s.givenName}`;
              return (
                <li key={s.studentId} className={`register-row register-row--${now.status}`}>
                  <span className="register-row__name">
                    {name}
                    {s.fullDay && now.status === 'absent' && (
                      <Tag data-color="info" data-size="sm">
                        {t('absence.register.fullDay')}
                      </Tag>
                    )}
                  </span>
                  <span className="register-row__actions">
                    <Button type="button" data-size="sm" variant={now.status === 'absent' ? 'primary' : 'secondary'} data-color={now.status === 'absent' ? 'danger' : undefined}
                      aria-pressed={now.status === 'absent'} aria-label={`${t('absence.register.absent')}: ${name}`} disabled={!data.canRegister} onClick={() => toggle(s.studentId, 'absent')}>
                      {t('absence.register.absent')}
                    </Button>
                    <Button type="button" data-size="sm" variant={now.status === 'late' ? 'primary' : 'secondary'} data-color={now.status === 'late' ? 'warning' : undefined}
                      aria-pressed={now.status === 'late'} aria-label={`${t('absence.register.late')}: ${name}`} disabled={!data.canRegister} onClick={() => toggle(s.studentId, 'late')}>
                      {t('absence.register.late')}
                    </Button>
                    {now.status === 'late' && (
                      <Textfield label={t('absence.register.lateMinutes')} data-size="sm" type="number" inputMode="numeric" min={1} max={data.lesson!.minutes - 1}
                        className="register-row__minutes" value={now.lateMinutes}
                        onChange={(e) => setState((st) => ({ ...st, [s.studentId]: { ...st[s.studentId]!, lateMinutes: e.target.value } }))} />
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          <Paragraph role="status" data-size="sm">{saved ?? t('absence.register.summary', counts)}</Paragraph>
          {save.isError && <ErrorAlert error={save.error} />}
          {data.canRegister && (
            <div>
              <Button type="submit" loading={save.isPending} disabled={save.isPending}>
                {t('absence.register.save')}
              </Button>
            </div>
          )}
        </form>
      )}
      {data.timetable.length > 0 && (
        <section aria-labelledby={`${captionId}-tt`}>
          <Heading level={2} data-size="xs" id={`${captionId}-tt`}>{t('absence.register.timetable')}</Heading>
          <Paragraph data-size="sm">
            {data.timetable.map((l) => `${t(`absence.weekdayShort.d${l.weekday as 1}`)} ${l.startsAt} (${l.minutes} min)`).join(' · ')}
          </Paragraph>
        </section>
      )}
    </div>
  );
}
