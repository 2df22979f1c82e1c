/** The people and subjects a warning names: the student, the recipients of a letter and their language, the student's subjects. */
import type { QueryFn } from '../../../core/db/client.js';

/** The subjects with these codes, by code. */
export async function subjectsWithCodes(q: QueryFn, ownerId: string, codes: readonly string[]): Promise<{ id: string; code: string; name: string }[]> {
  return q<{ id: string; code: string; name: string }>('select id, code, name from subject where owner_id = $1 and code = any($2::text[]) order by code', [ownerId, codes]);
}

/** A person's full name. */
export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<string | undefined> {
  const [p] = await q<{ name: string }>(`select given_name || ' ' || family_name as name from person where owner_id = $1 and id = $2`, [ownerId, personId]);
  return p?.name;
}

/** Some students' full names. */
export async function studentNames(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  return q<{ id: string; name: string }>(
    `select s.id, p.given_name || ' ' || p.family_name as name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.id = any($2::uuid[])`, [ownerId, studentIds]);
}

export async function preferredLocale(q: QueryFn, ownerId: string, personId: string): Promise<string | undefined> {
  const [p] = await q<{ preferred_locale: string }>('select preferred_locale from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return p?.preferred_locale;
}

export interface RecipientRow {
  id: string; given_name: string; family_name: string; street_address: string | null; postal_code: string | null; city: string | null;
  address_protection: 'none' | 'confidential' | 'strictlyConfidential'; email: string | null; preferred_locale: 'nb' | 'nn' | 'en';
}

/** What a letter needs of its recipients: name, postal address and its protection, e-mail. */
export async function recipientRows(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<Map<string, RecipientRow>> {
  const rows = await q<RecipientRow>(
    `select id, given_name, family_name, street_address, postal_code, city, address_protection, email, preferred_locale from person where owner_id = $1 and id = any($2::uuid[])`,
    [ownerId, personIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
