// The assessment plan's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const assessmentPlanNb = {
  title: 'Prøveplan',
  nav: 'Prøveplan',
  classSection: 'Prøveplan',
  actions: {
    read: 'Så prøveplanen til eleven', readFeed: 'Hentet prøveplanen til eleven i en kalender',
    groupRead: 'Så prøveplanen og konfliktene i undervisningsgruppen', classRead: 'Så prøveplanen og konfliktene i klassen',
    plan: 'Planla i prøveplanen', feed: 'Lagde kalenderlenke til prøveplanen',
  },
  kinds: { test: 'Prøve', fullDayTest: 'Heldagsprøve', project: 'Prosjekt', excursion: 'Tur-/ekskursjonsdag', culturalEvent: 'Kulturarrangement' },
  home: {
    intro: 'Prøver, prosjekter, heldagsprøver, turdager og kulturarrangementer.',
    groups: 'Undervisningsgruppene dine', classes: 'Klassene dine', children: 'Barna dine', mine: 'Min prøveplan', nothing: 'Du har ingen prøveplaner å se.',
  },
  list: {
    none: 'Ingenting er planlagt i perioden.', week: 'Uke {{week}}', until: 'til {{date}}', wholeSchool: 'Hele skolen', level: 'Trinn {{level}}',
    edit: 'Endre', editLabel: 'Endre {{title}}', remove: 'Slett', removeLabel: 'Slett {{title}}', past: 'Tidligere', upcoming: 'Kommende',
  },
  conflicts: {
    heading: 'Konflikter', none: 'Ingen konflikter med skolens regler.', warningOnly: 'Advarsel', hard: 'Brudd',
    students: 'Elever det gjelder', entries: 'Det som kolliderer', proposed: 'denne',
  },
  form: {
    newHeading: 'Planlegg noe nytt', editHeading: 'Endre {{title}}', kind: 'Type', titleLabel: 'Tittel', description: 'Kort beskrivelse (valgfritt)',
    startsOn: 'Dato', startsOnRange: 'Startdato', endsOn: 'Sluttdato (valgfritt)', dueOn: 'Innleveringsdato',
    save: 'Lagre', cancel: 'Avbryt', saved: 'Lagret.', savedWithWarnings: 'Lagret, med advarsel om konflikt.',
    titleRequired: 'Skriv en tittel.', startsOnRequired: 'Velg en dato.',
    checking: 'Sjekker mot skolens regler …', liveOk: 'Ingen konflikter med skolens regler.', liveBlocked: 'Dette kan ikke lagres slik det er.',
    liveHeading: 'Sjekk mot skolens regler',
    subjectFromGroup: 'Faget hentes fra gruppen: {{subject}}.', classEvent: 'Gjelder hele klassen {{group}}.',
  },
  feed: {
    heading: 'I kalenderen din', intro: 'Lag en hemmelig lenke og legg den inn i kalenderen din (Outlook, Google, iPhone). En ny lenke erstatter den gamle.',
    create: 'Lag kalenderlenke', url: 'Kalenderlenke', download: 'Last ned som fil (.ics)',
  },
  student: { title: 'Prøveplan for {{name}}', myTitle: 'Min prøveplan', intro: 'Alt som er planlagt i fagene og klassen din.' },
  group: { title: 'Prøveplan {{group}}', students_one: '{{count}} elev', students_other: '{{count}} elever' },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const assessmentPlanNn: Shape<typeof assessmentPlanNb> = {
  title: 'Prøveplan',
  nav: 'Prøveplan',
  classSection: 'Prøveplan',
  actions: {
    read: 'Såg prøveplanen til eleven', readFeed: 'Henta prøveplanen til eleven i ein kalender',
    groupRead: 'Såg prøveplanen og konfliktane i undervisningsgruppa', classRead: 'Såg prøveplanen og konfliktane i klassen',
    plan: 'Planla i prøveplanen', feed: 'Laga kalenderlenkje til prøveplanen',
  },
  kinds: { test: 'Prøve', fullDayTest: 'Heildagsprøve', project: 'Prosjekt', excursion: 'Tur-/ekskursjonsdag', culturalEvent: 'Kulturarrangement' },
  home: {
    intro: 'Prøver, prosjekt, heildagsprøver, turdagar og kulturarrangement.',
    groups: 'Undervisningsgruppene dine', classes: 'Klassane dine', children: 'Borna dine', mine: 'Prøveplanen min', nothing: 'Du har ingen prøveplanar å sjå.',
  },
  list: {
    none: 'Ingenting er planlagt i perioden.', week: 'Veke {{week}}', until: 'til {{date}}', wholeSchool: 'Heile skulen', level: 'Trinn {{level}}',
    edit: 'Endre', editLabel: 'Endre {{title}}', remove: 'Slett', removeLabel: 'Slett {{title}}', past: 'Tidlegare', upcoming: 'Kommande',
  },
  conflicts: {
    heading: 'Konfliktar', none: 'Ingen konfliktar med reglane til skulen.', warningOnly: 'Åtvaring', hard: 'Brot',
    students: 'Elevar det gjeld', entries: 'Det som kolliderer', proposed: 'denne',
  },
  form: {
    newHeading: 'Planlegg noko nytt', editHeading: 'Endre {{title}}', kind: 'Type', titleLabel: 'Tittel', description: 'Kort skildring (valfritt)',
    startsOn: 'Dato', startsOnRange: 'Startdato', endsOn: 'Sluttdato (valfritt)', dueOn: 'Innleveringsdato',
    save: 'Lagre', cancel: 'Avbryt', saved: 'Lagra.', savedWithWarnings: 'Lagra, med åtvaring om konflikt.',
    titleRequired: 'Skriv ein tittel.', startsOnRequired: 'Vel ein dato.',
    checking: 'Sjekkar mot reglane til skulen …', liveOk: 'Ingen konfliktar med reglane til skulen.', liveBlocked: 'Dette kan ikkje lagrast slik det er.',
    liveHeading: 'Sjekk mot reglane til skulen',
    subjectFromGroup: 'Faget blir henta frå gruppa: {{subject}}.', classEvent: 'Gjeld heile klassen {{group}}.',
  },
  feed: {
    heading: 'I kalenderen din', intro: 'Lag ei løyndeleg lenkje og legg henne inn i kalenderen din (Outlook, Google, iPhone). Ei ny lenkje erstattar den gamle.',
    create: 'Lag kalenderlenkje', url: 'Kalenderlenkje', download: 'Last ned som fil (.ics)',
  },
  student: { title: 'Prøveplan for {{name}}', myTitle: 'Prøveplanen min', intro: 'Alt som er planlagt i faga og klassen din.' },
  group: { title: 'Prøveplan {{group}}', students_one: '{{count}} elev', students_other: '{{count}} elevar' },
};

export const assessmentPlanEn: Shape<typeof assessmentPlanNb> = {
  title: 'Assessment plan',
  nav: 'Assessment plan',
  classSection: 'Assessment plan',
  actions: {
    read: "Viewed the student's assessment plan", readFeed: "Fetched the student's assessment plan into a calendar",
    groupRead: "Viewed the teaching group's plan and conflicts", classRead: "Viewed the class's plan and conflicts",
    plan: 'Planned in the assessment plan', feed: 'Made a calendar link to the assessment plan',
  },
  kinds: { test: 'Test', fullDayTest: 'Full-day test', project: 'Project', excursion: 'Trip day', culturalEvent: 'Cultural event' },
  home: {
    intro: 'Tests, projects, full-day tests, trip days and cultural events.',
    groups: 'Your teaching groups', classes: 'Your classes', children: 'Your children', mine: 'My assessment plan', nothing: 'You have no assessment plans to see.',
  },
  list: {
    none: 'Nothing is planned in this period.', week: 'Week {{week}}', until: 'until {{date}}', wholeSchool: 'Whole school', level: 'Level {{level}}',
    edit: 'Change', editLabel: 'Change {{title}}', remove: 'Delete', removeLabel: 'Delete {{title}}', past: 'Earlier', upcoming: 'Coming up',
  },
  conflicts: {
    heading: 'Conflicts', none: "No conflicts with the school's rules.", warningOnly: 'Warning', hard: 'Breach',
    students: 'Students affected', entries: 'What collides', proposed: 'this one',
  },
  form: {
    newHeading: 'Plan something new', editHeading: 'Change {{title}}', kind: 'Kind', titleLabel: 'Title', description: 'Short description (optional)',
    startsOn: 'Date', startsOnRange: 'Start date', endsOn: 'End date (optional)', dueOn: 'Due date',
    save: 'Save', cancel: 'Cancel', saved: 'Saved.', savedWithWarnings: 'Saved, with a conflict warning.',
    titleRequired: 'Enter a title.', startsOnRequired: 'Choose a date.',
    checking: "Checking against the school's rules …", liveOk: "No conflicts with the school's rules.", liveBlocked: 'This cannot be saved as it is.',
    liveHeading: "Check against the school's rules",
    subjectFromGroup: 'The subject comes from the group: {{subject}}.', classEvent: 'For the whole class {{group}}.',
  },
  feed: {
    heading: 'In your calendar', intro: 'Make a secret link and add it to your calendar (Outlook, Google, iPhone). A new link replaces the old one.',
    create: 'Make calendar link', url: 'Calendar link', download: 'Download as a file (.ics)',
  },
  student: { title: 'Assessment plan for {{name}}', myTitle: 'My assessment plan', intro: 'Everything planned in your subjects and your class.' },
  group: { title: 'Assessment plan {{group}}', students_one: '{{count}} student', students_other: '{{count}} students' },
};
