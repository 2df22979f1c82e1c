/** The accounts API's shapes: one's own account, password reset, the first start, and the admin's accounts. */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';

/** Long enough for any passphrase the strength rule looks at; the rule itself says "too long" past 256. */
const password = z.string().min(1).max(1024);
/** The secret from a link (reset, setup): 43 base64url characters. */
const token = z.string().min(20).max(200);

export const deviceSchema = z.object({ browser: z.string().nullable(), os: z.string().nullable() });

export const sessionSchema = z.object({
  /** a handle for the session (not the cookie, and not enough to make one) */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** the browser family and operating system it began in, never more (both null when not known) */
  device: deviceSchema,
});

// ---------------------------------------------------------------------------------------------
// the person's own account

/** GET /api/me/account: the login name, whether there is a password to change, and the live sessions. */
export const ownAccountSchema = z.object({
  username: z.string(),
  hasPassword: z.boolean(),
  sessions: z.array(sessionSchema.extend({ current: z.boolean() })),
  /** the device of the session this answer goes to */
  currentDevice: deviceSchema,
});
export type OwnAccount = z.infer<typeof ownAccountSchema>;
export type OwnSession = OwnAccount['sessions'][number];

export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

export const endedSchema = z.object({ endedSessions: z.int() });
export type Ended = z.infer<typeof endedSchema>;

export const sessionParams = z.object({ sessionId: z.string().regex(/^[0-9a-f]{16}$/) });

// ---------------------------------------------------------------------------------------------
// password reset by e-mail link

export const resetRequestBody = z.strictObject({ identifier: z.string().trim().min(1).max(320) });
export type ResetRequestBody = z.input<typeof resetRequestBody>;
/** the same answer whether or not an account was found */
export const resetRequestedSchema = z.object({ validMinutes: z.int() });
export type ResetRequested = z.infer<typeof resetRequestedSchema>;

export const tokenBody = z.strictObject({ token });
export const resetCheckSchema = z.object({ valid: z.boolean(), username: z.string().nullable() });
export type ResetCheck = z.infer<typeof resetCheckSchema>;

export const resetCompleteBody = z.strictObject({ token, newPassword: password });
export type ResetCompleteBody = z.input<typeof resetCompleteBody>;

// ---------------------------------------------------------------------------------------------
// the first start

export const setupCheckSchema = z.object({
  valid: z.boolean(),
  /** schools that exist already (data brought in without any account); empty on a fresh install */
  schools: z.array(z.object({ id: z.string(), name: z.string(), ownerName: z.string() })),
});
export type SetupCheck = z.infer<typeof setupCheckSchema>;

const name = z.string().trim().min(1).max(200);

export const newAdminSchema = z.strictObject({
  givenName: name,
  familyName: name,
  username: z.string().trim().min(2).max(64),
  email: z.union([z.email().max(320), z.literal('')]).optional(),
  password,
});

export const setupBody = z.strictObject({
  token,
  /** a new school owner and school, on a fresh install */
  owner: z.strictObject({ name, kind: z.enum(['county', 'municipality']) }).optional(),
  school: z.strictObject({ name, stage: z.enum(['upperSecondary', 'compulsory']) }).optional(),
  /** or one of the schools that exist already */
  schoolId: z.uuid().optional(),
  admin: newAdminSchema,
});
export type SetupBody = z.input<typeof setupBody>;

// ---------------------------------------------------------------------------------------------
// the school admin's accounts

export const accountKinds = ['staff', 'student', 'guardian'] as const;

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['all', 'disabled']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountListQuery = z.input<typeof accountListQuery>;

const accountSummary = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  kinds: z.array(z.enum(accountKinds)),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  hasFederatedLogin: z.boolean(),
  liveSessions: z.int(),
});
export type AccountSummary = z.infer<typeof accountSummary>;

export const accountListSchema = z.object({ accounts: z.array(accountSummary), total: z.int(), access: accessSchema });
export type AccountList = z.infer<typeof accountListSchema>;

export const accountParams = z.object({ accountId: z.uuid() });

export const accountHistoryEntry = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  /** why, in the words of the person who did it */
  note: z.string(),
});

export const accountDetailSchema = z.object({
  account: accountSummary,
  sessions: z.array(sessionSchema),
  history: z.array(accountHistoryEntry),
  access: accessSchema,
});
export type AccountDetail = z.infer<typeof accountDetailSchema>;
export type AccountHistoryEntry = z.infer<typeof accountHistoryEntry>;

/** Why, said by the admin: kept in the audit log with who did it. */
const reason = z.string().trim().min(3).max(500);

export const setStatusBody = z.strictObject({ disabled: z.boolean(), reason });
export type SetStatusBody = z.input<typeof setStatusBody>;
export const endSessionsBody = z.strictObject({ reason });
export type EndSessionsBody = z.input<typeof endSessionsBody>;
