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
  oidc?: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; subjectClaim: string; scope: string; label: string };
  /** outgoing e-mail (SMTP_URL, SMTP_FROM); without it `npm start` captures mail locally (core/mail) */
  smtp?: { url: string; from: string };
  /** port of the local mail capture when no SMTP_URL is set (0 = any free port) */
  mailCapturePort: number;
  /** where people reach the app, for links in e-mails (PUBLIC_URL; default http://localhost:PORT) */
  publicUrl: string;
  seedDemo: boolean;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const oidc = env.OIDC_ISSUER && env.OIDC_CLIENT_ID
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET ?? '',
        redirectUri: env.OIDC_REDIRECT_URI ?? `http://localhost:${env.PORT ?? 3000}/api/auth/oidc/callback`,
        // Feide puts the stable user id in eduPersonPrincipalName; other IdPs use sub
        subjectClaim: env.OIDC_SUBJECT_CLAIM ?? 'sub',
        // Feide: add userid-feide and groups-edu
        scope: env.OIDC_SCOPE ?? 'openid',
        label: env.OIDC_LABEL ?? 'Feide',
      }
    : undefined;
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 60),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    loginMaxAttempts: int(env.LOGIN_MAX_ATTEMPTS, 5),
    loginWindowMinutes: int(env.LOGIN_WINDOW_MINUTES, 15),
    oidc,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Elevlos <ikke-svar@elevlos.local>' } : undefined,
    mailCapturePort: int(env.MAIL_CAPTURE_PORT, 0),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${int(env.PORT, 3000)}`).replace(/\/+$/, ''),
    seedDemo: env.SEED_DEMO !== 'false',
  };
}
