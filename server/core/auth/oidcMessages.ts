/** The OpenID Connect logins' own server texts (core's general ones are in core/i18n/messages.ts). */
import { registerMessages, type MessageCatalogs } from '../i18n/messages.js';

export const oidcMessages: MessageCatalogs = {
  nb: {
    'error.oidcGuardianUnknown': 'Vi fant deg ikke som foresatt til en elev i Elevlos. Ta kontakt med skolen hvis dette er feil.',
  },
  nn: {
    'error.oidcGuardianUnknown': 'Vi fann deg ikkje som føresett til ein elev i Elevlos. Ta kontakt med skulen om dette er feil.',
  },
  en: {
    'error.oidcGuardianUnknown': 'We could not find you as the guardian of a student in Elevlos. Contact the school if this is wrong.',
  },
};

let registered = false;

/** Once per process: the catalogue refuses a key defined twice. */
export function registerOidcMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(oidcMessages);
}
