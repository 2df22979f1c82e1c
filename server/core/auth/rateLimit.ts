/** Fixed-window counters in PostgreSQL: every app process sees the same count. */
import type { Database } from '../db/client.js';

export interface Hit {
  count: number;
  retryAfterSeconds: number;
}

export async function hit(database: Database, key: string, windowMinutes: number): Promise<Hit> {
  const rows = await database.query<{ count: number; retry: number }>(
    `insert into rate_limit (key, count, reset_at) values ($1, 1, now() + make_interval(mins => $2))
     on conflict (key) do update set
       count = case when rate_limit.reset_at <= now() then 1 else rate_limit.count + 1 end,
       reset_at = case when rate_limit.reset_at <= now() then now() + make_interval(mins => $2) else rate_limit.reset_at end
     returning count, ceil(extract(epoch from reset_at - now()))::int as retry`,
    [key, windowMinutes],
  );
  return { count: rows[0]!.count, retryAfterSeconds: Math.max(1, rows[0]!.retry) };
}

/** The count in the current window without adding to it (0 when the window has passed). */
export async function peek(database: Database, key: string): Promise<Hit> {
  const rows = await database.query<{ count: number; retry: number }>(
    'select count, ceil(extract(epoch from reset_at - now()))::int as retry from rate_limit where key = $1 and reset_at > now()', [key]);
  return { count: rows[0]?.count ?? 0, retryAfterSeconds: Math.max(1, rows[0]?.retry ?? 1) };
}

export async function clear(database: Database, key: string): Promise<void> {
  await database.query('delete from rate_limit where key = $1', [key]);
}

/** Gives back one count taken by `hit` (an attempt reserved before the work that turned out not to be a failure). */
export async function refund(database: Database, key: string): Promise<void> {
  await database.query('update rate_limit set count = greatest(count - 1, 0) where key = $1 and reset_at > now()', [key]);
}
