import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamp with time zone: every instant Elevlos stores is one. */
export const tz = (name?: string) => (name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true }));
