/** The external logins' settings as an operator writes them in the environment (Feide and ID-porten). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const feide = {
  OIDC_ISSUER: 'https://auth.dataporten.no', OIDC_CLIENT_ID: 'client-id', OIDC_CLIENT_SECRET: 'not-a-real-secret',
  OIDC_SUBJECT_CLAIM: 'https://n.feide.no/claims/eduPersonPrincipalName', OIDC_SCOPE: 'openid userid-feide groups-edu',
};
const idporten = { OIDC_GUARDIAN_ISSUER: 'https://test.idporten.no', OIDC_GUARDIAN_CLIENT_ID: 'guardian-client' };

describe('the external logins\' configuration', () => {
  it('offers no external login until an issuer and a client id are both set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: feide.OIDC_ISSUER }).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_GUARDIAN_CLIENT_ID: 'x' }).oidcGuardian).toBeUndefined();
  });

  it('sends people back to the public address the app is reached at, unless a redirect address is given', () => {
    const c = loadConfig({ ...feide, ...idporten, PUBLIC_URL: 'https://elevlos.skole.example/' });
    expect(c.oidc!.redirectUri).toBe('https://elevlos.skole.example/api/auth/oidc/callback');
    expect(c.oidcGuardian!.redirectUri).toBe('https://elevlos.skole.example/api/auth/oidc/guardian/callback');
    expect(loadConfig({ ...feide, PORT: '8080' }).oidc!.redirectUri).toBe('http://localhost:8080/api/auth/oidc/callback');
    expect(loadConfig({ ...feide, OIDC_REDIRECT_URI: 'https://proxy.example/cb' }).oidc!.redirectUri).toBe('https://proxy.example/cb');
  });

  it('reads Feide\'s groups API when the groups-edu scope is asked for, at another address when told, and not at all when turned off', () => {
    expect(loadConfig(feide).oidc!.groupsApi).toBe('https://groups-api.dataporten.no');
    expect(loadConfig({ ...feide, OIDC_SCOPE: 'openid userid-feide' }).oidc!.groupsApi).toBeNull();
    expect(loadConfig({ ...feide, OIDC_GROUPS_API: 'http://127.0.0.1:9999/' }).oidc!.groupsApi).toBe('http://127.0.0.1:9999');
    expect(loadConfig({ ...feide, OIDC_GROUPS_API: 'off' }).oidc!.groupsApi).toBeNull();
  });

  it('matches guardians on ID-porten\'s national identity number claim unless told otherwise, and labels each button', () => {
    const c = loadConfig({ ...feide, ...idporten });
    expect(c.oidcGuardian).toMatchObject({ subjectClaim: 'pid', scope: 'openid profile', label: 'ID-porten', clientSecret: '' });
    expect(c.oidc).toMatchObject({ subjectClaim: feide.OIDC_SUBJECT_CLAIM, label: 'Feide' });
  });
});

describe('where the app listens, and the demo', () => {
  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('seeds the demo (its password is published) in production only when SEED_DEMO=true says so', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });
});

describe('the trusted proxies (TRUST_PROXY)', () => {
  it('trusts no proxy by default, and takes a list of addresses and CIDRs or a hop count when told', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('refuses to trust every sender, which would let anyone choose the address the login limit counts under', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
