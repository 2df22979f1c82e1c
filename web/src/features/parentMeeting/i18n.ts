// Parent meetings. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const parentMeetingNb = {
  classSection: 'Foreldremøter',
  required: 'Fyll ut feltet.',
  actions: { classRead: 'Så foreldremøtene i klassen', manage: 'Førte foreldremøte eller sendte informasjon til foresatte', read: 'Så informasjonen fra foreldremøter' },
  class: {
    title: 'Foreldremøter i {{group}}',
    intro: 'Før foreldremøtet med oppmøte per foresatt, og send informasjonen til dem som ikke kom. De får et varsel og en e-post med lenke – ikke selve teksten.',
    none: 'Ingen foreldremøter er ført ennå.',
    held: 'Holdt {{date}}', by: 'ført av {{name}}',
    figures: '{{present}} til stede, {{absent}} fraværende, {{informed}} av dem har fått informasjonen',
    attendance: 'Oppmøte', present: 'Til stede', absent: 'Ikke til stede', informedOn: 'informert {{date}}', notInformed: 'ikke informert ennå',
    inform_one: 'Send informasjonen til {{count}} fraværende foresatt', inform_other: 'Send informasjonen til {{count}} fraværende foresatte',
    informed_one: 'Sendt til {{count}} foresatt.', informed_other: 'Sendt til {{count}} foresatte.', allInformed: 'Alle fraværende har fått informasjonen.',
    newHeading: 'Før et foreldremøte', heldOn: 'Dato', topic: 'Tema', information: 'Informasjon som ble gitt (eller et kort sammendrag)',
    who: 'Hvem kom? Kryss av for foresatte som var til stede.', noGuardians: 'ingen foresatte med innsyn',
    presentLabel: '{{guardian}} (foresatt til {{student}}) var til stede',
    save: 'Lagre møtet', saved: 'Møtet er lagret.',
  },
  family: { title: 'Foreldremøter – {{name}}', intro: 'Informasjonen fra foreldremøtene i klassen.', none: 'Ingen foreldremøter ennå.', held: '{{group}}, {{date}}' },
};

export const parentMeetingNn: typeof parentMeetingNb = {
  classSection: 'Foreldremøte',
  required: 'Fyll ut feltet.',
  actions: { classRead: 'Såg foreldremøta i klassen', manage: 'Førte foreldremøte eller sende informasjon til føresette', read: 'Såg informasjonen frå foreldremøte' },
  class: {
    title: 'Foreldremøte i {{group}}',
    intro: 'Før foreldremøtet med oppmøte per føresett, og send informasjonen til dei som ikkje kom. Dei får eit varsel og ein e-post med lenke – ikkje sjølve teksten.',
    none: 'Ingen foreldremøte er førte enno.',
    held: 'Halde {{date}}', by: 'ført av {{name}}',
    figures: '{{present}} til stades, {{absent}} fråverande, {{informed}} av dei har fått informasjonen',
    attendance: 'Oppmøte', present: 'Til stades', absent: 'Ikkje til stades', informedOn: 'informert {{date}}', notInformed: 'ikkje informert enno',
    inform_one: 'Send informasjonen til {{count}} fråverande føresett', inform_other: 'Send informasjonen til {{count}} fråverande føresette',
    informed_one: 'Send til {{count}} føresett.', informed_other: 'Send til {{count}} føresette.', allInformed: 'Alle fråverande har fått informasjonen.',
    newHeading: 'Før eit foreldremøte', heldOn: 'Dato', topic: 'Tema', information: 'Informasjon som vart gitt (eller eit kort samandrag)',
    who: 'Kven kom? Kryss av for føresette som var til stades.', noGuardians: 'ingen føresette med innsyn',
    presentLabel: '{{guardian}} (føresett til {{student}}) var til stades',
    save: 'Lagre møtet', saved: 'Møtet er lagra.',
  },
  family: { title: 'Foreldremøte – {{name}}', intro: 'Informasjonen frå foreldremøta i klassen.', none: 'Ingen foreldremøte enno.', held: '{{group}}, {{date}}' },
};

export const parentMeetingEn: typeof parentMeetingNb = {
  classSection: 'Parent meetings',
  required: 'Fill in the field.',
  actions: { classRead: "Read the class's parent meetings", manage: 'Recorded a parent meeting or sent guardians its information', read: 'Read the information from parent meetings' },
  class: {
    title: 'Parent meetings in {{group}}',
    intro: 'Record the parent meeting with attendance per guardian, and send the information to those who did not come. They get a notice and an e-mail with a link – not the text itself.',
    none: 'No parent meetings recorded yet.',
    held: 'Held {{date}}', by: 'recorded by {{name}}',
    figures: '{{present}} present, {{absent}} absent, {{informed}} of them sent the information',
    attendance: 'Attendance', present: 'Present', absent: 'Absent', informedOn: 'informed {{date}}', notInformed: 'not informed yet',
    inform_one: 'Send the information to {{count}} absent guardian', inform_other: 'Send the information to {{count}} absent guardians',
    informed_one: 'Sent to {{count}} guardian.', informed_other: 'Sent to {{count}} guardians.', allInformed: 'Every absent guardian has the information.',
    newHeading: 'Record a parent meeting', heldOn: 'Date', topic: 'Topic', information: 'Information given (or a short summary)',
    who: 'Who came? Tick the guardians who were present.', noGuardians: 'no guardians with insight',
    presentLabel: '{{guardian}} (guardian of {{student}}) was present',
    save: 'Save the meeting', saved: 'The meeting was saved.',
  },
  family: { title: 'Parent meetings – {{name}}', intro: 'The information from the class\'s parent meetings.', none: 'No parent meetings yet.', held: '{{group}}, {{date}}' },
};
