/**
 * The FINT adapter's server texts, nb/nn/en: the rows it cannot map and what stops a reading. The
 * feature registers them with its own (`...fintMessages.nb` in rosterImport's messages). `{href}` is an
 * href with any national identity number masked.
 */
import type { MessageCatalogs } from '../../../../core/i18n/messages.js';

const nb = {
  'rosterImport.fint.noLink': 'Mangler lenken «{relation}».',
  'rosterImport.fint.missingLink': 'Lenken «{relation}» peker på {href}, som FINT ikke har.',
  'rosterImport.fint.foreignLink': 'Lenken «{relation}» peker til en annen tjener ({href}) og følges ikke.',
  'rosterImport.fint.missingValue': 'Mangler {field}.',
  'rosterImport.fint.badDate': 'Er ikke en dato.',
  'rosterImport.fint.badPeriod': 'Perioden er ikke gyldig (slutter før den begynner, eller mangler start).',
  'rosterImport.fint.noLevel': 'Finner ikke årstrinnet (verken fra klassen eller programområdet).',
  'rosterImport.fint.noSchoolYear': 'Finner ikke skoleåret gruppen hører til.',
  'rosterImport.fint.noBasisGroup': 'Kontaktlærergruppen er ikke knyttet til noen klasse, og ingen av elevene går i en klasse nå.',
  'rosterImport.fint.unknownAddressProtection': 'Kjenner ikke igjen adressebeskyttelsen. Personen behandles som strengt fortrolig til den er rettet.',
  'rosterImport.fint.unknownSchool': 'Skolen {school} finnes ikke i FINT.',
  'rosterImport.fint.tokenRejected': 'FINT avviste innloggingen. Sjekk klient-ID, hemmelighet, brukernavn og passord fra FINTs kundeportal.',
  'rosterImport.fint.tokenFailed': 'FINT ga ingen tilgangsnøkkel (svar {status}). Prøv igjen senere.',
  'rosterImport.fint.unauthorized': 'FINT godtok ikke den nye tilgangsnøkkelen. Sjekk at klienten har tilgang til utdanning.',
  'rosterImport.fint.forbidden': 'Klienten har ikke tilgang til {url} i FINT.',
  'rosterImport.fint.httpError': 'FINT svarte {status} for {url}. Ingenting er endret.',
  'rosterImport.fint.unreachable': 'Får ikke kontakt med FINT ({url}). Ingenting er endret.',
  'rosterImport.fint.badResponse': 'Svaret fra FINT for {url} var ikke det vi ventet. Ingenting er endret.',
  'rosterImport.fint.badConfig': 'FINT-oppsettet mangler eller har feil i {variable}.',
};

type Keys = keyof typeof nb;

const nn: Record<Keys, string> = {
  'rosterImport.fint.noLink': 'Manglar lenka «{relation}».',
  'rosterImport.fint.missingLink': 'Lenka «{relation}» peikar på {href}, som FINT ikkje har.',
  'rosterImport.fint.foreignLink': 'Lenka «{relation}» peikar til ein annan tenar ({href}) og blir ikkje følgd.',
  'rosterImport.fint.missingValue': 'Manglar {field}.',
  'rosterImport.fint.badDate': 'Er ikkje ein dato.',
  'rosterImport.fint.badPeriod': 'Perioden er ikkje gyldig (sluttar før han byrjar, eller manglar start).',
  'rosterImport.fint.noLevel': 'Finn ikkje årstrinnet (verken frå klassen eller programområdet).',
  'rosterImport.fint.noSchoolYear': 'Finn ikkje skuleåret gruppa høyrer til.',
  'rosterImport.fint.noBasisGroup': 'Kontaktlærargruppa er ikkje knytt til nokon klasse, og ingen av elevane går i ein klasse no.',
  'rosterImport.fint.unknownAddressProtection': 'Kjenner ikkje att adressevernet. Personen blir handsama som strengt fortruleg til det er retta.',
  'rosterImport.fint.unknownSchool': 'Skulen {school} finst ikkje i FINT.',
  'rosterImport.fint.tokenRejected': 'FINT avviste innlogginga. Sjekk klient-ID, løyndom, brukarnamn og passord frå kundeportalen til FINT.',
  'rosterImport.fint.tokenFailed': 'FINT gav ingen tilgangsnøkkel (svar {status}). Prøv att seinare.',
  'rosterImport.fint.unauthorized': 'FINT godtok ikkje den nye tilgangsnøkkelen. Sjekk at klienten har tilgang til utdanning.',
  'rosterImport.fint.forbidden': 'Klienten har ikkje tilgang til {url} i FINT.',
  'rosterImport.fint.httpError': 'FINT svarte {status} for {url}. Ingenting er endra.',
  'rosterImport.fint.unreachable': 'Får ikkje kontakt med FINT ({url}). Ingenting er endra.',
  'rosterImport.fint.badResponse': 'Svaret frå FINT for {url} var ikkje det vi venta. Ingenting er endra.',
  'rosterImport.fint.badConfig': 'FINT-oppsettet manglar eller har feil i {variable}.',
};

const en: Record<Keys, string> = {
  'rosterImport.fint.noLink': 'The link “{relation}” is missing.',
  'rosterImport.fint.missingLink': 'The link “{relation}” points to {href}, which FINT does not have.',
  'rosterImport.fint.foreignLink': 'The link “{relation}” points to another server ({href}) and is not followed.',
  'rosterImport.fint.missingValue': '{field} is missing.',
  'rosterImport.fint.badDate': 'Is not a date.',
  'rosterImport.fint.badPeriod': 'The period is not valid (it ends before it begins, or has no start).',
  'rosterImport.fint.noLevel': 'The year level cannot be found (neither from the class nor the programme area).',
  'rosterImport.fint.noSchoolYear': 'The school year the group belongs to cannot be found.',
  'rosterImport.fint.noBasisGroup': 'The contact teacher group is linked to no class, and none of its students is in a class now.',
  'rosterImport.fint.unknownAddressProtection': 'The address protection is not recognised. The person is treated as strictly confidential until it is corrected.',
  'rosterImport.fint.unknownSchool': 'The school {school} is not in FINT.',
  'rosterImport.fint.tokenRejected': 'FINT refused the login. Check the client ID, secret, username and password from the FINT customer portal.',
  'rosterImport.fint.tokenFailed': 'FINT gave no access token (answer {status}). Try again later.',
  'rosterImport.fint.unauthorized': 'FINT did not accept the new access token. Check that the client has access to utdanning.',
  'rosterImport.fint.forbidden': 'The client has no access to {url} in FINT.',
  'rosterImport.fint.httpError': 'FINT answered {status} for {url}. Nothing has been changed.',
  'rosterImport.fint.unreachable': 'FINT cannot be reached ({url}). Nothing has been changed.',
  'rosterImport.fint.badResponse': 'FINT’s answer for {url} was not what was expected. Nothing has been changed.',
  'rosterImport.fint.badConfig': 'The FINT set-up is missing {variable} or it is not valid.',
};

export const fintMessages: MessageCatalogs = { nb, nn, en };
