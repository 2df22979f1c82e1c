/**
 * The procedure a school starts with until it writes its own, derived from the law (L-41: law § 24-3,
 * barnevernsloven § 13-2). Plain text, paragraphs separated by blank lines.
 */
import type { Locale } from '../../core/i18n/locale.js';

export const DEFAULT_PROCEDURE: Record<Locale, string> = {
  nb: `Du har selv meldeplikt til barnevernstjenesten. Plikten gjelder deg personlig og går foran taushetsplikten.

Meld fra til barnevernstjenesten uten ugrunnet opphold når du har grunn til å tro at et barn
• blir mishandlet, for eksempel utsatt for vold eller seksuelle overgrep,
• utsettes for alvorlig omsorgssvikt,
• er alvorlig sykt og ikke får nødvendig behandling,
• har vist alvorlige atferdsvansker gjennom alvorlig eller gjentatt kriminalitet eller problematisk bruk av rusmidler, eller
• er utsatt for menneskehandel.

Slik gjør du det:
1. Ring eller skriv til barnevernstjenesten i kommunen (kontaktinformasjonen står under). Er barnet i akutt fare, ring politiet på 112.
2. Skriv ned hva du har sett eller hørt, med dato. Ikke undersøk saken selv, og ikke konfronter foresatte.
3. Registrer her i Elevlos at du har meldt, med dato. Rektor får beskjed, men ingen trenger å godkjenne meldingen din.

Du kan gjerne rådføre deg med rektor eller skolehelsetjenesten, men ikke vent på noen før du melder.`,
  nn: `Du har sjølv meldeplikt til barnevernstenesta. Plikta gjeld deg personleg og går føre teieplikta.

Meld frå til barnevernstenesta utan unødig opphald når du har grunn til å tru at eit barn
• blir mishandla, til dømes utsett for vald eller seksuelle overgrep,
• blir utsett for alvorleg omsorgssvikt,
• er alvorleg sjukt og ikkje får nødvendig behandling,
• har vist alvorlege åtferdsvanskar gjennom alvorleg eller gjenteken kriminalitet eller problematisk bruk av rusmiddel, eller
• er utsett for menneskehandel.

Slik gjer du det:
1. Ring eller skriv til barnevernstenesta i kommunen (kontaktinformasjonen står under). Er barnet i akutt fare, ring politiet på 112.
2. Skriv ned kva du har sett eller høyrt, med dato. Ikkje undersøk saka sjølv, og ikkje konfronter føresette.
3. Registrer her i Elevlos at du har meldt, med dato. Rektor får beskjed, men ingen treng å godkjenne meldinga di.

Du kan gjerne rådføre deg med rektor eller skulehelsetenesta, men ikkje vent på nokon før du melder.`,
  en: `You have a duty of your own to report to the child welfare service. The duty is personal and overrides confidentiality.

Report to the child welfare service without undue delay when you have reason to believe that a child
• is being mistreated, for example exposed to violence or sexual abuse,
• is exposed to serious neglect,
• is seriously ill and not getting the treatment they need,
• has shown serious behavioural problems through serious or repeated crime or problematic use of drugs or alcohol, or
• is a victim of human trafficking.

What to do:
1. Call or write to the municipality's child welfare service (the contact is below). If the child is in immediate danger, call the police on 112.
2. Write down what you saw or heard, with the date. Do not investigate yourself, and do not confront the guardians.
3. Record here in Elevlos that you reported it, with the date. The principal is informed, but nobody needs to approve your report.

You may ask the principal or the school health service for advice, but do not wait for anyone before you report.`,
};
