// The external logins' texts (Feide, ID-porten) and the notice when Feide and the school's data disagree.
// Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const oidcNb = {
  forSchool: 'For ansatte og elever',
  forGuardian: 'For foresatte',
  signinUnknown: {
    school: 'Brukeren din fra {{provider}} er ikke knyttet til noen i Elevlos. Ta kontakt med skolen.',
    guardian: 'Vi fant deg ikke som foresatt til en elev i Elevlos. Ta kontakt med skolen hvis dette er feil.',
  },
  signinFailed: 'Innloggingen med {{provider}} ble ikke fullført. Prøv igjen.',
  groups: {
    title: '{{provider}} og skolens data er ikke enige',
    titleAgree: 'Gruppene dine i {{provider}}',
    intro: 'Da du logget inn, sammenlignet vi det {{provider}} oppgir om deg, med det skolen har registrert. Det stemmer ikke helt.',
    accessNote: 'Tilgangen din i Elevlos følger skolens data, ikke {{provider}}. Si fra til skolens administrator hvis noe her er feil, så blir det rettet i skolens system.',
    onlyInFeide: 'Bare i {{provider}}',
    onlyInSchool: 'Bare i skolens data',
    group: '{{name}} – {{kind}}, som {{role}}',
    kind: { basis: 'klasse', teaching: 'undervisningsgruppe' },
    role: { teacher: 'lærer', student: 'elev' },
    affiliations: '{{provider}} oppgir deg som {{feide}}. Skolens data har deg som {{school}}.',
    affiliationNone: 'ingenting',
    affiliation: { student: 'elev', faculty: 'lærer', staff: 'stab', employee: 'ansatt', member: 'medlem', affiliate: 'ekstern', staffMember: 'ansatt' },
    agree: '{{provider}} og skolens data er enige om gruppene dine.',
    continue: 'Gå videre',
  },
};

export type OidcMessages = typeof oidcNb;

export const oidcNn: OidcMessages = {
  forSchool: 'For tilsette og elevar',
  forGuardian: 'For føresette',
  signinUnknown: {
    school: 'Brukaren din frå {{provider}} er ikkje knytt til nokon i Elevlos. Ta kontakt med skulen.',
    guardian: 'Vi fann deg ikkje som føresett til ein elev i Elevlos. Ta kontakt med skulen om dette er feil.',
  },
  signinFailed: 'Innlogginga med {{provider}} vart ikkje fullført. Prøv igjen.',
  groups: {
    title: '{{provider}} og skulen sine data er ikkje samde',
    titleAgree: 'Gruppene dine i {{provider}}',
    intro: 'Då du logga inn, samanlikna vi det {{provider}} oppgir om deg, med det skulen har registrert. Det stemmer ikkje heilt.',
    accessNote: 'Tilgangen din i Elevlos følgjer skulen sine data, ikkje {{provider}}. Sei frå til skuleadministratoren om noko her er feil, så blir det retta i systemet til skulen.',
    onlyInFeide: 'Berre i {{provider}}',
    onlyInSchool: 'Berre i skulen sine data',
    group: '{{name}} – {{kind}}, som {{role}}',
    kind: { basis: 'klasse', teaching: 'undervisningsgruppe' },
    role: { teacher: 'lærar', student: 'elev' },
    affiliations: '{{provider}} oppgir deg som {{feide}}. Skulen sine data har deg som {{school}}.',
    affiliationNone: 'ingenting',
    affiliation: { student: 'elev', faculty: 'lærar', staff: 'stab', employee: 'tilsett', member: 'medlem', affiliate: 'ekstern', staffMember: 'tilsett' },
    agree: '{{provider}} og skulen sine data er samde om gruppene dine.',
    continue: 'Gå vidare',
  },
};

export const oidcEn: OidcMessages = {
  forSchool: 'For staff and students',
  forGuardian: 'For guardians',
  signinUnknown: {
    school: 'Your {{provider}} user is not linked to anyone in Elevlos. Contact the school.',
    guardian: 'We could not find you as the guardian of a student in Elevlos. Contact the school if this is wrong.',
  },
  signinFailed: 'Signing in with {{provider}} was not completed. Try again.',
  groups: {
    title: '{{provider}} and the school’s data disagree',
    titleAgree: 'Your groups in {{provider}}',
    intro: 'When you signed in, we compared what {{provider}} says about you with what the school has registered. They do not quite match.',
    accessNote: 'Your access in Elevlos follows the school’s data, not {{provider}}. Tell the school’s administrator if something here is wrong, so it is corrected in the school’s system.',
    onlyInFeide: 'Only in {{provider}}',
    onlyInSchool: 'Only in the school’s data',
    group: '{{name}} – {{kind}}, as {{role}}',
    kind: { basis: 'class', teaching: 'teaching group' },
    role: { teacher: 'teacher', student: 'student' },
    affiliations: '{{provider}} lists you as {{feide}}. The school’s data has you as {{school}}.',
    affiliationNone: 'nothing',
    affiliation: { student: 'student', faculty: 'teacher', staff: 'staff', employee: 'employee', member: 'member', affiliate: 'affiliate', staffMember: 'staff member' },
    agree: '{{provider}} and the school’s data agree on your groups.',
    continue: 'Continue',
  },
};
