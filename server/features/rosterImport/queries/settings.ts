/** Every statement on a school's FINT connection (roster_source_setting) and on who may import for which school. */
import type { QueryFn } from '../../../core/db/client.js';

export interface FintSetting {
  schoolId: string;
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  orgId: string;
  clientSecretEnv: string;
  usernameEnv: string | null;
  passwordEnv: string | null;
  nightly: boolean;
  hour: number;
  /** entries per page FINT is asked for (null: the adapter's default, 5000) */
  pageSize: number | null;
  /** whether the timetable is read into weekly lessons */
  timetable: boolean;
  /** the FINT schools to read (skolenummer, systemId or organisasjonsnummer); empty: the school once linked, else all */
  schools: string[];
}

type Columns = {
  school_id: string; base_url: string; token_url: string; client_id: string; org_id: string; client_secret_env: string;
  username_env: string | null; password_env: string | null; nightly: boolean; hour: number; schools: string[]; page_size: number | null; timetable: boolean;
};
const settingOf = (r: Columns): FintSetting => ({
  schoolId: r.school_id, baseUrl: r.base_url, tokenUrl: r.token_url, clientId: r.client_id, orgId: r.org_id, clientSecretEnv: r.client_secret_env,
  usernameEnv: r.username_env, passwordEnv: r.password_env, nightly: r.nightly, hour: r.hour, schools: r.schools, pageSize: r.page_size, timetable: r.timetable,
});
const COLUMNS = 'school_id, base_url, token_url, client_id, org_id, client_secret_env, username_env, password_env, nightly, hour, schools, page_size, timetable';

export async function fintSettingOf(q: QueryFn, ownerId: string, schoolId: string): Promise<FintSetting | undefined> {
  const [row] = await q<Columns>(`select ${COLUMNS} from roster_source_setting where owner_id = $1 and school_id = $2 and source = 'fint'`, [ownerId, schoolId]);
  return row && settingOf(row);
}

export async function upsertFintSetting(q: QueryFn, ownerId: string, s: FintSetting, personId: string): Promise<void> {
  await q(
    `insert into roster_source_setting (owner_id, school_id, source, base_url, token_url, client_id, org_id, client_secret_env, username_env, password_env, nightly, hour,
       schools, page_size, timetable, updated_by_person_id)
     values ($1, $2, 'fint', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15)
     on conflict (owner_id, school_id, source) do update set base_url = excluded.base_url, token_url = excluded.token_url, client_id = excluded.client_id,
       org_id = excluded.org_id, client_secret_env = excluded.client_secret_env, username_env = excluded.username_env, password_env = excluded.password_env,
       nightly = excluded.nightly, hour = excluded.hour, schools = excluded.schools, page_size = excluded.page_size, timetable = excluded.timetable,
       updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, s.schoolId, s.baseUrl, s.tokenUrl, s.clientId, s.orgId, s.clientSecretEnv, s.usernameEnv, s.passwordEnv, s.nightly, s.hour, s.schools, s.pageSize, s.timetable, personId],
  );
}

/** The schools whose nightly FINT sync is due at this hour (UTC), every owner's. */
export async function nightlySchoolsAt(q: QueryFn, hour: number): Promise<{ ownerId: string; setting: FintSetting }[]> {
  const rows = await q<Columns & { owner_id: string }>(
    `select owner_id, ${COLUMNS} from roster_source_setting where source = 'fint' and nightly and hour = $1 order by owner_id, school_id`, [hour]);
  return rows.map((r) => ({ ownerId: r.owner_id, setting: settingOf(r) }));
}

/** The schools a person is the school admin of (an import may change only those). */
export async function adminSchoolsOf(q: QueryFn, ownerId: string, personId: string): Promise<string[]> {
  const rows = await q<{ school_id: string }>(
    `select distinct sm.school_id from staff_member sm join staff_role r on r.owner_id = sm.owner_id and r.staff_member_id = sm.id
     where sm.owner_id = $1 and sm.person_id = $2 and r.role = 'schoolAdmin'`, [ownerId, personId]);
  return rows.map((r) => r.school_id);
}
