/** R-03 contact log with R-60 visibility tiers; bad input never loses what was saved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
let url: string;
beforeAll(async () => {
  t = await testApp();
  kt = await t.login('kontaktlarer');
  url = `/api/students/${t.demo.hardCases.elevStudentId}/contact-log`;
});
afterAll(async () => t?.close());

describe('contact log (R-03)', () => {
  it('the contact teacher records a phone call with the home; it is listed and becomes the class overview\'s last contact', async () => {
    const res = await kt.request('POST', url, { occurredOn: '2026-11-24', channel: 'phone', summary: 'Ringte far om fraværet i matematikk.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', visibility: 'contactTeacherAndLeaders', canEdit: true });
    const list = (await kt.get(url)).json().entries;
    expect(list[0].summary).toBe('Ringte far om fraværet i matematikk.');
    const overview = (await kt.get(`/api/basis-groups/${t.demo.hardCases.basisGroup2STAId}/overview`)).json();
    expect(overview.students.find((s: { studentId: string }) => s.studentId === t.demo.hardCases.elevStudentId).lastContactOn).toBe('2026-11-24');
  });

  it('a date in the future is refused with 400 naming occurredOn, in the user\'s language, and nothing is saved', async () => {
    const before = (await kt.get(url)).json().entries.length;
    const nb = await kt.request('POST', url, { occurredOn: '2027-01-10', channel: 'phone', summary: 'x' });
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([{ field: 'occurredOn', message: 'Datoen kan ikke være fram i tid.' }]);
    const nn = await kt.request('POST', url, { occurredOn: '2027-01-10', channel: 'phone', summary: 'x' }, { 'accept-language': 'nn' });
    expect(nn.json().errors[0].message).toBe('Datoen kan ikkje vere fram i tid.');
    expect((await kt.get(url)).json().entries.length).toBe(before);
  });

  it('an unknown channel and an empty summary are each named in the 400', async () => {
    const res = await kt.request('POST', url, { occurredOn: '2026-11-20', channel: 'pigeon', summary: '   ' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['channel', 'summary']);
    expect(res.json().errors.find((e: { field: string }) => e.field === 'channel').message).toMatch(/Must be one of: phone, email/);
  });

  it('the author corrects an entry; the fields not sent are kept, and a bad correction changes nothing', async () => {
    const created = (await kt.request('POST', url, { occurredOn: '2026-11-18', channel: 'email', summary: 'Sendte innkalling.' })).json();
    const fixed = await kt.request('PATCH', `${url}/${created.id}`, { summary: 'Sendte innkalling til foreldresamtale.' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ summary: 'Sendte innkalling til foreldresamtale.', channel: 'email', occurredOn: '2026-11-18' });
    const bad = await kt.request('PATCH', `${url}/${created.id}`, { channel: 'fax', summary: 'Skal ikke lagres' });
    expect(bad.statusCode).toBe(400);
    const after = (await kt.get(url)).json().entries.find((e: { id: string }) => e.id === created.id);
    expect(after.summary).toBe('Sendte innkalling til foreldresamtale.');
  });

  it('someone else than the author cannot correct the entry (403), and the entry is unchanged', async () => {
    const created = (await kt.request('POST', url, { occurredOn: '2026-11-19', channel: 'meeting', summary: 'Møte med mor.' })).json();
    const rektor = await t.login('rektor');
    const res = await rektor.request('PATCH', `${url}/${created.id}`, { summary: 'Overskrevet' });
    expect(res.statusCode).toBe(403);
    expect((await kt.get(url)).json().entries.find((e: { id: string }) => e.id === created.id).summary).toBe('Møte med mor.');
  });
});

describe('visibility tiers (R-60)', () => {
  it('a counsellor-only entry is hidden from the contact teacher and does not move the class overview\'s last contact date', async () => {
    const radgiver = await t.login('radgiver');
    const res = await radgiver.request('POST', url, { occurredOn: '2026-11-25', channel: 'meeting', summary: 'Samtale med mor hos rådgiver.', visibility: 'counsellorOnly' });
    expect(res.statusCode).toBe(201);
    expect((await radgiver.get(url)).json().entries.some((e: { id: string }) => e.id === res.json().id)).toBe(true);
    expect((await kt.get(url)).json().entries.some((e: { id: string }) => e.id === res.json().id)).toBe(false);
    const overview = (await kt.get(`/api/basis-groups/${t.demo.hardCases.basisGroup2STAId}/overview`)).json();
    expect(overview.students.find((s: { studentId: string }) => s.studentId === t.demo.hardCases.elevStudentId).lastContactOn).not.toBe('2026-11-25');
  });

  it('an author-only entry is read by its author alone — not even the principal', async () => {
    const created = (await kt.request('POST', url, { occurredOn: '2026-11-21', channel: 'message', summary: 'Egen huskelapp.', visibility: 'authorOnly' })).json();
    const rektor = await t.login('rektor');
    expect((await rektor.get(url)).json().entries.some((e: { id: string }) => e.id === created.id)).toBe(false);
    expect((await kt.get(url)).json().entries.some((e: { id: string }) => e.id === created.id)).toBe(true);
  });

  it('writes are on the audit log with the writer\'s relationship', async () => {
    const [row] = await t.database.query<{ reason: string }>(
      "select reason from audit_log where action = 'contactLog.write' and decision = 'allow' and student_id = $1 order by id limit 1", [t.demo.hardCases.elevStudentId]);
    expect(row!.reason).toBe('contact teacher of 2STA');
  });
});
