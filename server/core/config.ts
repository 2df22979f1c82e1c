/** Everything configurable comes from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** cookies get Secure and HSTS is sent when the app is served over TLS (directly or by a proxy) */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  /** Feide for staff and students (OIDC_*); `groupsApi`: the groups API's base URL (groups-edu), null when not read */
  oidc?: OidcClientConfig & { groupsApi: string | null };
  /** ID-porten for guardians (OIDC_GUARDIAN_*), matched on the national identity number */
  oidcGuardian?: OidcClientConfig;
  /** outgoing e-mail (SMTP_URL, SMTP_FROM); without it `npm start` captures mail locally (core/mail) */
  smtp?: { url: string; from: string };
  /** port of the local mail capture when no SMTP_URL is set (0 = any free port) */
  mailCapturePort: number;
  /** where people reach the app, for links in e-mails and calendar feeds (PUBLIC_URL; default http://localhost:PORT) */
  publicUrl: string;
  /** the bearer token Prometheus sends to GET /metrics; unset: the endpoint answers 404 */
  metricsToken?: string;
  /**
   * Which proxies may tell the client's address (X-Forwarded-For) — TRUST_PROXY: off by default, else the
   * proxies' addresses/CIDRs or a hop count, as Fastify's trustProxy takes them. Trusting every sender would
   * let anyone choose the address the login's limit per address counts under.
   */
  trustProxy: false | number | string[];
  seedDemo: boolean;
}

/** One OpenID Connect client; `subjectClaim` is the claim the person is matched on. */
export interface OidcClientConfig { issuer: string; clientId: string; clientSecret: string; redirectUri: string; subjectClaim: string; scope: string; label: string }

/** TRUST_PROXY: unset, empty or `false` is off; a whole number is a hop count; else a comma-separated list of addresses/CIDRs. */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === '*') {
    throw new Error('TRUST_PROXY: name the proxy\'s addresses (e.g. 127.0.0.1,10.0.0.0/8) or a hop count; trusting every sender lets anyone pick their own address');
  }
  return v.split(',').map((x) => x.trim()).filter(Boolean);
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Feide's groups API answers only tokens with the groups-edu scope; OIDC_GROUPS_API=off skips the comparison. */
function feideGroupsApi(env: NodeJS.ProcessEnv): string | null {
  if (env.OIDC_GROUPS_API === 'off') return null;
  if (env.OIDC_GROUPS_API) return env.OIDC_GROUPS_API.replace(/\/+$/, '');
  return (env.OIDC_SCOPE ?? '').split(/\s+/).includes('groups-edu') ? 'https://groups-api.dataporten.no' : null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${int(env.PORT, 3000)}`).replace(/\/+$/, '');
  const oidc = env.OIDC_ISSUER && env.OIDC_CLIENT_ID
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET ?? '',
        // the address registered with the IdP: where people reach the app, as in e-mailed links
        redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/auth/oidc/callback`,
        // Feide puts the stable user id in eduPersonPrincipalName; other IdPs use sub
        subjectClaim: env.OIDC_SUBJECT_CLAIM ?? 'sub',
        // Feide: add userid-feide and groups-edu
        scope: env.OIDC_SCOPE ?? 'openid',
        label: env.OIDC_LABEL ?? 'Feide',
        groupsApi: feideGroupsApi(env),
      }
    : undefined;
  const oidcGuardian = env.OIDC_GUARDIAN_ISSUER && env.OIDC_GUARDIAN_CLIENT_ID
    ? {
        issuer: env.OIDC_GUARDIAN_ISSUER,
        clientId: env.OIDC_GUARDIAN_CLIENT_ID,
        clientSecret: env.OIDC_GUARDIAN_CLIENT_SECRET ?? '',
        redirectUri: env.OIDC_GUARDIAN_REDIRECT_URI ?? `${publicUrl}/api/auth/oidc/guardian/callback`,
        // ID-porten puts the national identity number in pid
        subjectClaim: env.OIDC_GUARDIAN_SUBJECT_CLAIM ?? 'pid',
        scope: env.OIDC_GUARDIAN_SCOPE ?? 'openid profile',
        label: env.OIDC_GUARDIAN_LABEL ?? 'ID-porten',
      }
    : undefined;
  return {
    port: int(env.PORT, 3000),
    // loopback unless told: in production a proxy in front (TLS) is what the world reaches
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 60),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    loginMaxAttempts: int(env.LOGIN_MAX_ATTEMPTS, 5),
    loginWindowMinutes: int(env.LOGIN_WINDOW_MINUTES, 15),
    oidc,
    oidcGuardian,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Elevlos <ikke-svar@elevlos.local>' } : undefined,
    mailCapturePort: int(env.MAIL_CAPTURE_PORT, 0),
    publicUrl,
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // the demo's password is published: never seeded in production unless asked for by name
    seedDemo: env.SEED_DEMO === undefined || env.SEED_DEMO === '' ? env.NODE_ENV !== 'production' : env.SEED_DEMO === 'true',
  };
}
