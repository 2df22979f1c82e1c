/**
 * The school's side of absence: the calendar (public holidays and the owner's breaks), the
 * emerging-absence rules, and the timetable imported from CSV — all rows checked first, then
 * saved in one transaction, so a bad row names its line and field and nothing is saved.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../core/http/access.js';
import { HttpError, badField, type FieldError } from '../../core/http/errors.js';
import { publicHolidays } from '../../core/calendar/calendar.js';
import { loadRules, yearContext } from './context.js';
import {
  deleteLessonsFrom, endLessonsOn, groupWithAbsenceFrom, insertLessons, schoolHolidays, teachingGroupsNamed, upsertEmergingAbsenceRule,
} from './queries/school.js';
import { calendarSchema, importBody, importQuery, importSchema, rulesBody, rulesSchema } from './schemas.js';

const tags = ['absence'];
const MAX_ROWS = 20_000;

const WEEKDAYS: Record<string, number> = {
  mandag: 1, måndag: 1, monday: 1, man: 1, mon: 1, må: 1,
  tirsdag: 2, tysdag: 2, tuesday: 2, tir: 2, tys: 2, tue: 2,
  onsdag: 3, wednesday: 3, ons: 3, wed: 3,
  torsdag: 4, thursday: 4, tor: 4, thu: 4,
  fredag: 5, friday: 5, fre: 5, fri: 5,
};
const COLUMNS: Record<'group' | 'weekday' | 'start' | 'minutes', string[]> = {
  group: ['group', 'gruppe', 'undervisningsgruppe'],
  weekday: ['weekday', 'ukedag', 'vekedag', 'dag', 'day'],
  start: ['start', 'starttid', 'starts', 'time', 'tid'],
  minutes: ['minutes', 'minutter', 'minutt', 'lengde', 'length'],
};

export interface ParsedLesson { line: number; group: string; weekday: number; startsAt: string; minutes: number }

/** Reads the CSV (comma or semicolon, a header line) into lessons, or every bad line and field. */
export function parseTimetable(csv: string): { lessons: ParsedLesson[]; groups: { line: number; group: string }[]; errors: FieldError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), delimiter: [';', ',', '\t'], bom: true, trim: true,
      skip_empty_lines: true, info: true, relax_column_count: true,
    }) as never;
  } catch (e) {
    throw badField('body', 'timetable.unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  if (records.length === 0) throw badField('body', 'timetable.empty');
  if (records.length > MAX_ROWS) throw badField('body', 'timetable.tooManyRows', { max: MAX_ROWS });
  const header = Object.keys(records[0]!.record);
  const col = {} as Record<keyof typeof COLUMNS, string>;
  for (const [name, aliases] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string[]][]) {
    const found = header.find((h) => aliases.includes(h));
    if (!found) throw badField('body', 'timetable.missingColumn', { column: name });
    col[name] = found;
  }
  const errors: FieldError[] = [];
  const lessons: ParsedLesson[] = [];
  const groups: { line: number; group: string }[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const at = (field: string) => `rows.${line}.${field}`;
    const group = (record[col.group] ?? '').trim();
    const wdRaw = (record[col.weekday] ?? '').trim().toLowerCase();
    const weekday = /^[1-5]$/.test(wdRaw) ? Number(wdRaw) : WEEKDAYS[wdRaw];
    const startRaw = (record[col.start] ?? '').trim();
    const time = /^(\d{1,2})[:.](\d{2})$/.exec(startRaw);
    const minutesRaw = (record[col.minutes] ?? '').trim();
    const minutes = /^\d+$/.test(minutesRaw) ? Number(minutesRaw) : NaN;
    const before = errors.length;
    if (!group) errors.push({ field: at('group'), key: 'field.required' });
    else groups.push({ line, group });
    if (!weekday) errors.push({ field: at('weekday'), key: 'timetable.badWeekday' });
    if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) errors.push({ field: at('start'), key: 'timetable.badTime' });
    if (!(minutes >= 5 && minutes <= 480)) errors.push({ field: at('minutes'), key: 'timetable.badMinutes' });
    if (errors.length > before) continue;
    lessons.push({ line, group, weekday: weekday!, startsAt: `${time![1]!.padStart(2, '0')}:${time![2]}`, minutes });
  }
  // the same group twice at once on a day is a typing error, not a timetable
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  lessons.forEach((l, i) => {
    const clash = lessons.slice(0, i).some((o) => o.group === l.group && o.weekday === l.weekday
      && toMin(o.startsAt) < toMin(l.startsAt) + l.minutes && toMin(l.startsAt) < toMin(o.startsAt) + o.minutes);
    if (clash) errors.push({ field: `rows.${l.line}.start`, key: 'timetable.overlap', params: { group: l.group } });
  });
  return { lessons, groups, errors };
}

export async function schoolAbsenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2_000_000 }, (_req, body, done) => done(null, body));

  r.get('/api/school-calendar', {
    config: { access: { kind: 'school', action: 'schoolCalendar.read' } },
    schema: { tags, summary: "The school year's school days and holidays (public holidays and the owner's breaks)", response: { 200: calendarSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { year, calendar } = await yearContext(q, actor.ownerId, req.today);
    const own = await schoolHolidays(q, actor.ownerId, year.startsOn, year.endsOn);
    const pub = [Number(year.startsOn.slice(0, 4)), Number(year.endsOn.slice(0, 4))]
      .flatMap((y) => [...publicHolidays(y)].filter(([d]) => d >= year.startsOn && d <= year.endsOn))
      .map(([d, name]) => ({ name, startsOn: d, endsOn: d, kind: 'publicHoliday' as const }));
    const holidays = [...own.map((h) => ({ name: h.name, startsOn: h.starts_on, endsOn: h.ends_on, kind: 'schoolHoliday' as const })), ...pub]
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    return { schoolYear: year, schoolDays: calendar.schoolDays.length, holidays };
  });

  r.get('/api/emerging-absence-rules', {
    config: { access: { kind: 'school', action: 'schoolCalendar.read' } },
    schema: { tags, summary: "The school's rules for emerging absence (R-21)", response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return { rules: await loadRules(q, actor.ownerId, actor.staff[0]?.schoolId ?? '') };
  });

  r.put('/api/emerging-absence-rules', {
    config: { access: { kind: 'school', action: 'emergingAbsenceRule.manage' } },
    schema: { tags, summary: "Change the school's rules for emerging absence", body: rulesBody, response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const seen = new Set<string>();
    req.body.rules.forEach((rule, i) => {
      if (seen.has(rule.kind)) throw badField(`rules.${i}.kind`, 'field.invalid');
      seen.add(rule.kind);
      if (rule.kind === 'subjectPercent' && rule.windowWeeks !== 0) throw badField(`rules.${i}.windowWeeks`, 'field.tooBig', { maximum: 0 });
      if (rule.kind !== 'subjectPercent' && rule.windowWeeks < 1) throw badField(`rules.${i}.windowWeeks`, 'field.tooSmall', { minimum: 1 });
    });
    await app.database.transaction(async (tx) => {
      for (const rule of req.body.rules) await upsertEmergingAbsenceRule(tx, actor.ownerId, schoolId, rule, actor.personId);
    });
    return { rules: await loadRules(q, actor.ownerId, schoolId) };
  });

  r.post('/api/timetable/import', {
    config: { access: { kind: 'school', action: 'timetable.manage' } },
    schema: {
      tags, summary: 'Import a timetable (text/csv, or JSON { csv }: group;weekday;start;minutes): the listed groups get these lessons from the day given (default today)',
      querystring: importQuery, body: importBody, response: { 200: importSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const { year } = await yearContext(q, actor.ownerId, req.today);
    const from = req.query.from ?? (req.today < year.startsOn ? year.startsOn : req.today);
    if (from < year.startsOn || from > year.endsOn) throw badField('from', 'absence.outsideSchoolYear', { day: from, from: year.startsOn, to: year.endsOn });
    const { lessons, groups: named, errors } = parseTimetable(typeof req.body === 'string' ? req.body : req.body.csv);
    const groups = await teachingGroupsNamed(q, actor.ownerId, schoolId, year.id, [...new Set(named.map((l) => l.group))]);
    const idOf = new Map(groups.map((g) => [g.name, g.id]));
    for (const l of named) if (!idOf.has(l.group)) errors.push({ field: `rows.${l.line}.group`, key: 'timetable.unknownGroup', params: { group: l.group } });
    errors.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1]));
    if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors.slice(0, 50));
    const groupIds = [...idOf.values()];
    const blocked = await groupWithAbsenceFrom(q, actor.ownerId, groupIds, from);
    if (blocked) throw badField('from', 'timetable.absenceAfter', { group: blocked.name, from });
    await app.database.transaction(async (tx) => {
      // lessons that begin on or after the day are replaced; older ones end the day before it
      await deleteLessonsFrom(tx, actor.ownerId, groupIds, from);
      await endLessonsOn(tx, actor.ownerId, groupIds, from);
      await insertLessons(tx, actor.ownerId, lessons.map((l) => ({
        id: randomUUID(), teachingGroupId: idOf.get(l.group)!, weekday: l.weekday, startsAt: l.startsAt, minutes: l.minutes,
      })), from);
    });
    return { groups: groupIds.length, lessons: lessons.length, from };
  });
}

