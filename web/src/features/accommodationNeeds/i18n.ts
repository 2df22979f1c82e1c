// Accommodation needs — skjemaelever. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const accommodationNeedsNb = {
  classSection: 'Skjemaelever',
  required: 'Skriv hva behovet er.',
  actions: {
    read: 'Så tilretteleggingsbehovene til eleven', classRead: 'Så hvem som har bekreftet tilretteleggingsbehov i klassen',
    remind: 'Minnet faglærere på å bekrefte tilretteleggingsbehov', manage: 'Registrerte eller endret et tilretteleggingsbehov', confirm: 'Bekreftet å ha lest tilretteleggingsbehov',
  },
  student: {
    title: 'Tilretteleggingsbehov for {{name}}',
    intro: 'Bare elevens lærere og ledelsen ser dette. Hver faglærer bekrefter at de har lest det.',
    none: 'Eleven har ingen registrerte tilretteleggingsbehov.',
    what: 'Behov', guidance: 'Hva lærerne skal gjøre', registered: 'Registrert {{date}} av {{name}}', changed: 'Endret {{date}}',
    confirm: 'Jeg har lest og bekrefter', confirmed: 'Du har bekreftet at du har lest behovene.',
    teachers: 'Faglærere som skal bekrefte', teacher: 'Faglærer', groups: 'Grupper', status: 'Status',
    confirmedOn: 'Bekreftet {{date}}', notConfirmed: 'Ikke bekreftet', due: 'Frist {{date}}', overdue: 'Fristen er passert',
    newHeading: 'Registrer nytt behov', editHeading: 'Endre behovet', description: 'Behov (hva eleven trenger)', guidanceLabel: 'Hva lærerne skal gjøre',
    save: 'Lagre', saved: 'Lagret. Faglærerne blir bedt om å bekrefte.', edit: 'Endre', end: 'Avslutt behovet', cancel: 'Avbryt',
    endConfirm: 'Avslutte behovet? Det blir tatt vare på, men vises ikke lenger til lærerne.',
  },
  class: {
    title: 'Skjemaelever {{group}}',
    intro: 'Elevene i klassen med tilretteleggingsbehov, og hvilke faglærere som ikke har bekreftet at de har lest dem. Fristen er de tre første skoleukene ({{date}}), eller tre skoleuker etter at et behov ble registrert eller endret.',
    none: 'Ingen elever i klassen har registrerte tilretteleggingsbehov.',
    student: 'Elev', needs: 'Behov', notConfirmed: 'Ikke bekreftet', allConfirmed: 'Alle har bekreftet',
    remindAll: 'Send påminnelse til alle som ikke har bekreftet', remindOne: 'Send påminnelse om {{name}}',
    reminded_one: 'Påminnelse sendt til {{count}} lærer.', reminded_other: 'Påminnelse sendt til {{count}} lærere.',
    lastReminded: 'påminnet {{date}}', overdue: 'Fristen er passert', open: 'Se behovene',
  },
  mine: {
    title: 'Behov jeg må bekrefte',
    intro: 'Elever du underviser som har tilretteleggingsbehov du ikke har bekreftet at du har lest.',
    none: 'Du har ingen behov å bekrefte.',
    homeHeading: 'Skjemaelever', homeCount_one: '{{count}} elev har behov du må bekrefte', homeCount_other: '{{count}} elever har behov du må bekrefte',
    link: 'Se og bekreft',
  },
  /** in-app notices (meldinger): a link only, never the student or the need */
  notice: {
    toConfirm: 'En elev du underviser har et nytt eller endret tilretteleggingsbehov – les og bekreft',
    reminder: 'Påminnelse fra kontaktlæreren: les og bekreft tilretteleggingsbehovet til en elev du underviser',
  },
};

export const accommodationNeedsNn: typeof accommodationNeedsNb = {
  classSection: 'Skjemaelevar',
  required: 'Skriv kva behovet er.',
  actions: {
    read: 'Såg tilretteleggingsbehova til eleven', classRead: 'Såg kven som har stadfesta tilretteleggingsbehov i klassen',
    remind: 'Minte faglærarar på å stadfeste tilretteleggingsbehov', manage: 'Registrerte eller endra eit tilretteleggingsbehov', confirm: 'Stadfesta å ha lese tilretteleggingsbehov',
  },
  student: {
    title: 'Tilretteleggingsbehov for {{name}}',
    intro: 'Berre lærarane til eleven og leiinga ser dette. Kvar faglærar stadfestar at dei har lese det.',
    none: 'Eleven har ingen registrerte tilretteleggingsbehov.',
    what: 'Behov', guidance: 'Kva lærarane skal gjere', registered: 'Registrert {{date}} av {{name}}', changed: 'Endra {{date}}',
    confirm: 'Eg har lese og stadfestar', confirmed: 'Du har stadfesta at du har lese behova.',
    teachers: 'Faglærarar som skal stadfeste', teacher: 'Faglærar', groups: 'Grupper', status: 'Status',
    confirmedOn: 'Stadfesta {{date}}', notConfirmed: 'Ikkje stadfesta', due: 'Frist {{date}}', overdue: 'Fristen er passert',
    newHeading: 'Registrer nytt behov', editHeading: 'Endre behovet', description: 'Behov (kva eleven treng)', guidanceLabel: 'Kva lærarane skal gjere',
    save: 'Lagre', saved: 'Lagra. Faglærarane blir bedne om å stadfeste.', edit: 'Endre', end: 'Avslutt behovet', cancel: 'Avbryt',
    endConfirm: 'Avslutte behovet? Det blir teke vare på, men blir ikkje lenger vist til lærarane.',
  },
  class: {
    title: 'Skjemaelevar {{group}}',
    intro: 'Elevane i klassen med tilretteleggingsbehov, og kva faglærarar som ikkje har stadfesta at dei har lese dei. Fristen er dei tre første skulevekene ({{date}}), eller tre skuleveker etter at eit behov vart registrert eller endra.',
    none: 'Ingen elevar i klassen har registrerte tilretteleggingsbehov.',
    student: 'Elev', needs: 'Behov', notConfirmed: 'Ikkje stadfesta', allConfirmed: 'Alle har stadfesta',
    remindAll: 'Send påminning til alle som ikkje har stadfesta', remindOne: 'Send påminning om {{name}}',
    reminded_one: 'Påminning send til {{count}} lærar.', reminded_other: 'Påminning send til {{count}} lærarar.',
    lastReminded: 'påmint {{date}}', overdue: 'Fristen er passert', open: 'Sjå behova',
  },
  mine: {
    title: 'Behov eg må stadfeste',
    intro: 'Elevar du underviser som har tilretteleggingsbehov du ikkje har stadfesta at du har lese.',
    none: 'Du har ingen behov å stadfeste.',
    homeHeading: 'Skjemaelevar', homeCount_one: '{{count}} elev har behov du må stadfeste', homeCount_other: '{{count}} elevar har behov du må stadfeste',
    link: 'Sjå og stadfest',
  },
  notice: {
    toConfirm: 'Ein elev du underviser har eit nytt eller endra tilretteleggingsbehov – les og stadfest',
    reminder: 'Påminning frå kontaktlæraren: les og stadfest tilretteleggingsbehovet til ein elev du underviser',
  },
};

export const accommodationNeedsEn: typeof accommodationNeedsNb = {
  classSection: 'Accommodation needs',
  required: 'Write what the need is.',
  actions: {
    read: "Read the student's accommodation needs", classRead: 'Read who has confirmed accommodation needs in the class',
    remind: 'Reminded subject teachers to confirm accommodation needs', manage: 'Registered or changed an accommodation need', confirm: 'Confirmed having read accommodation needs',
  },
  student: {
    title: 'Accommodation needs of {{name}}',
    intro: "Only the student's teachers and the leaders see this. Each subject teacher confirms having read it.",
    none: 'The student has no registered accommodation needs.',
    what: 'Need', guidance: 'What teachers should do', registered: 'Registered {{date}} by {{name}}', changed: 'Changed {{date}}',
    confirm: 'I have read this and confirm', confirmed: 'You have confirmed reading the needs.',
    teachers: 'Subject teachers who must confirm', teacher: 'Subject teacher', groups: 'Groups', status: 'Status',
    confirmedOn: 'Confirmed {{date}}', notConfirmed: 'Not confirmed', due: 'Due {{date}}', overdue: 'Past the deadline',
    newHeading: 'Register a new need', editHeading: 'Change the need', description: 'Need (what the student needs)', guidanceLabel: 'What teachers should do',
    save: 'Save', saved: 'Saved. The subject teachers are asked to confirm.', edit: 'Change', end: 'End the need', cancel: 'Cancel',
    endConfirm: 'End the need? It is kept on record but no longer shown to the teachers.',
  },
  class: {
    title: 'Accommodation needs {{group}}',
    intro: 'The students of the class with accommodation needs, and which subject teachers have not confirmed reading them. The deadline is the first three school weeks ({{date}}), or three school weeks after a need was registered or changed.',
    none: 'No student in the class has registered accommodation needs.',
    student: 'Student', needs: 'Needs', notConfirmed: 'Not confirmed', allConfirmed: 'Everyone has confirmed',
    remindAll: 'Remind everyone who has not confirmed', remindOne: 'Send a reminder about {{name}}',
    reminded_one: 'Reminder sent to {{count}} teacher.', reminded_other: 'Reminder sent to {{count}} teachers.',
    lastReminded: 'reminded {{date}}', overdue: 'Past the deadline', open: 'See the needs',
  },
  mine: {
    title: 'Needs I must confirm',
    intro: 'Students you teach who have accommodation needs you have not confirmed reading.',
    none: 'You have no needs to confirm.',
    homeHeading: 'Accommodation needs', homeCount_one: '{{count}} student has needs you must confirm', homeCount_other: '{{count}} students have needs you must confirm',
    link: 'See and confirm',
  },
  notice: {
    toConfirm: 'A student you teach has a new or changed accommodation need – read and confirm',
    reminder: 'Reminder from the contact teacher: read and confirm the accommodation need of a student you teach',
  },
};
