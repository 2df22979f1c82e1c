// The assessment plan's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const assessmentPlanNb = {
  title: 'Prøveplan',
  nav: 'Prøveplan',
  classSection: 'Prøveplan',
  groupLink: 'Prøveplan for {{group}}',
  actions: {
    read: 'Så prøveplanen til eleven', readFeed: 'Hentet prøveplanen til eleven i en kalender',
    groupRead: 'Så prøveplanen og konfliktene i undervisningsgruppen', classRead: 'Så prøveplanen og konfliktene i klassen',
    plan: 'Planla i prøveplanen', feed: 'Lagde kalenderlenke til prøveplanen',
  },
  kinds: { test: 'Prøve', fullDayTest: 'Heldagsprøve', project: 'Prosjekt', excursion: 'Tur-/ekskursjonsdag', culturalEvent: 'Kulturarrangement' },
  home: {
    intro: 'Prøver, prosjekter, heldagsprøver, turdager og kulturarrangementer.',
    groups: 'Undervisningsgruppene dine', classes: 'Klassene dine', children: 'Barna dine', mine: 'Min prøveplan', nothing: 'Du har ingen prøveplaner å se.', school: 'Skolen',
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
  rules: {
    link: 'Skolens regler for prøveplanen', title: 'Skolens regler for prøveplanen',
    intro: 'Reglene sjekkes for hver elev mens noen planlegger: en elev som har flere fag, kan få for mange prøver selv om hver gruppe holder seg innenfor. Et brudd stopper lagringen, eller gir bare en advarsel.',
    current: 'Reglene nå', readOnly: 'Rektor bestemmer reglene.', off: 'Av', warns: 'Bare advarsel', refuses: 'Stopper lagring',
    editHeading: 'Endre reglene',
    name: { maxTestsPerDay: 'Prøver per dag', maxTestsPerWeek: 'Prøver per uke', noTestAfterExcursion: 'Prøve dagen etter en turdag' },
    enabled: 'Regelen gjelder', maximum: 'Høyst antall prøver', whenBroken: 'Når regelen brytes',
    refuse: 'Lagringen stoppes', warn: 'Bare en advarsel, lagringen går gjennom',
    save: 'Lagre reglene', saved: 'Reglene er lagret. De gjelder fra nå av for alt som planlegges.',
    onlyStaff: 'Denne siden er for de ansatte på skolen.',
  },
  events: {
    link: 'Arrangementer for trinn og hele skolen', title: 'Arrangementer for trinn og hele skolen',
    intro: 'Kulturarrangementer, heldagsprøver og turdager for et helt trinn eller hele skolen. De kommer i prøveplanen til alle elevene det gjelder.',
    formIntro: 'Skolens regler sjekkes for hver elev på trinnet (eller skolen) mens du fyller ut.',
    forWhom: 'Hvem gjelder det', listHeading: 'Arrangementer dette skoleåret',
    removeQuestion: 'Slette «{{title}}» fra prøveplanen til alle elevene det gjelder?', yes: 'Ja, slett', no: 'Nei, behold',
    removed: '«{{title}}» er slettet.', changed: '«{{title}}» er endret.', changedWithWarnings: '«{{title}}» er endret, med advarsel om konflikt.', onlyLeaders: 'Denne siden er for rektor og avdelingsledere.',
  },
  student: { title: 'Prøveplan for {{name}}', myTitle: 'Min prøveplan', intro: 'Alt som er planlagt i fagene og klassen din.' },
  group: { title: 'Prøveplan {{group}}', students_one: '{{count}} elev', students_other: '{{count}} elever' },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const assessmentPlanNn: Shape<typeof assessmentPlanNb> = {
  title: 'Prøveplan',
  nav: 'Prøveplan',
  classSection: 'Prøveplan',
  groupLink: 'Prøveplan for {{group}}',
  actions: {
    read: 'Såg prøveplanen til eleven', readFeed: 'Henta prøveplanen til eleven i ein kalender',
    groupRead: 'Såg prøveplanen og konfliktane i undervisningsgruppa', classRead: 'Såg prøveplanen og konfliktane i klassen',
    plan: 'Planla i prøveplanen', feed: 'Laga kalenderlenkje til prøveplanen',
  },
  kinds: { test: 'Prøve', fullDayTest: 'Heildagsprøve', project: 'Prosjekt', excursion: 'Tur-/ekskursjonsdag', culturalEvent: 'Kulturarrangement' },
  home: {
    intro: 'Prøver, prosjekt, heildagsprøver, turdagar og kulturarrangement.',
    groups: 'Undervisningsgruppene dine', classes: 'Klassane dine', children: 'Borna dine', mine: 'Prøveplanen min', nothing: 'Du har ingen prøveplanar å sjå.', school: 'Skulen',
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
  rules: {
    link: 'Reglane til skulen for prøveplanen', title: 'Reglane til skulen for prøveplanen',
    intro: 'Reglane blir sjekka for kvar elev medan nokon planlegg: ein elev som har fleire fag, kan få for mange prøver sjølv om kvar gruppe held seg innanfor. Eit brot stoppar lagringa, eller gir berre ei åtvaring.',
    current: 'Reglane no', readOnly: 'Rektor bestemmer reglane.', off: 'Av', warns: 'Berre åtvaring', refuses: 'Stoppar lagring',
    editHeading: 'Endre reglane',
    name: { maxTestsPerDay: 'Prøver per dag', maxTestsPerWeek: 'Prøver per veke', noTestAfterExcursion: 'Prøve dagen etter ein turdag' },
    enabled: 'Regelen gjeld', maximum: 'Høgst tal på prøver', whenBroken: 'Når regelen blir broten',
    refuse: 'Lagringa blir stoppa', warn: 'Berre ei åtvaring, lagringa går gjennom',
    save: 'Lagre reglane', saved: 'Reglane er lagra. Dei gjeld frå no av for alt som blir planlagt.',
    onlyStaff: 'Denne sida er for dei tilsette på skulen.',
  },
  events: {
    link: 'Arrangement for trinn og heile skulen', title: 'Arrangement for trinn og heile skulen',
    intro: 'Kulturarrangement, heildagsprøver og turdagar for eit heilt trinn eller heile skulen. Dei kjem i prøveplanen til alle elevane det gjeld.',
    formIntro: 'Reglane til skulen blir sjekka for kvar elev på trinnet (eller skulen) medan du fyller ut.',
    forWhom: 'Kven gjeld det', listHeading: 'Arrangement dette skuleåret',
    removeQuestion: 'Slette «{{title}}» frå prøveplanen til alle elevane det gjeld?', yes: 'Ja, slett', no: 'Nei, behald',
    removed: '«{{title}}» er sletta.', changed: '«{{title}}» er endra.', changedWithWarnings: '«{{title}}» er endra, med åtvaring om konflikt.', onlyLeaders: 'Denne sida er for rektor og avdelingsleiarar.',
  },
  student: { title: 'Prøveplan for {{name}}', myTitle: 'Prøveplanen min', intro: 'Alt som er planlagt i faga og klassen din.' },
  group: { title: 'Prøveplan {{group}}', students_one: '{{count}} elev', students_other: '{{count}} elevar' },
};

export const assessmentPlanEn: Shape<typeof assessmentPlanNb> = {
  title: 'Assessment plan',
  nav: 'Assessment plan',
  classSection: 'Assessment plan',
  groupLink: 'Assessment plan for {{group}}',
  actions: {
    read: "Viewed the student's assessment plan", readFeed: "Fetched the student's assessment plan into a calendar",
    groupRead: "Viewed the teaching group's plan and conflicts", classRead: "Viewed the class's plan and conflicts",
    plan: 'Planned in the assessment plan', feed: 'Made a calendar link to the assessment plan',
  },
  kinds: { test: 'Test', fullDayTest: 'Full-day test', project: 'Project', excursion: 'Trip day', culturalEvent: 'Cultural event' },
  home: {
    intro: 'Tests, projects, full-day tests, trip days and cultural events.',
    groups: 'Your teaching groups', classes: 'Your classes', children: 'Your children', mine: 'My assessment plan', nothing: 'You have no assessment plans to see.', school: 'The school',
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
  rules: {
    link: "The school's rules for the assessment plan", title: "The school's rules for the assessment plan",
    intro: 'The rules are checked for each student while someone plans: a student who takes several subjects can get too many tests even when each group keeps within them. A breach stops the save, or only warns.',
    current: 'The rules now', readOnly: 'The principal sets the rules.', off: 'Off', warns: 'Warning only', refuses: 'Stops the save',
    editHeading: 'Change the rules',
    name: { maxTestsPerDay: 'Tests per day', maxTestsPerWeek: 'Tests per week', noTestAfterExcursion: 'A test the day after a trip day' },
    enabled: 'The rule applies', maximum: 'Most tests allowed', whenBroken: 'When the rule is broken',
    refuse: 'The save is stopped', warn: 'Only a warning, the save goes through',
    save: 'Save the rules', saved: 'The rules are saved. They apply from now on to everything planned.',
    onlyStaff: "This page is for the school's staff.",
  },
  events: {
    link: 'Events for a level or the whole school', title: 'Events for a level or the whole school',
    intro: 'Cultural events, full-day tests and trip days for a whole level or the whole school. They appear in the assessment plan of every student concerned.',
    formIntro: "The school's rules are checked for each student of the level (or the school) while you fill in the form.",
    forWhom: 'Who it is for', listHeading: 'Events this school year',
    removeQuestion: 'Delete "{{title}}" from the assessment plan of every student concerned?', yes: 'Yes, delete', no: 'No, keep it',
    removed: '"{{title}}" is deleted.', changed: '"{{title}}" is changed.', changedWithWarnings: '"{{title}}" is changed, with a conflict warning.', onlyLeaders: 'This page is for the principal and the department heads.',
  },
  student: { title: 'Assessment plan for {{name}}', myTitle: 'My assessment plan', intro: 'Everything planned in your subjects and your class.' },
  group: { title: 'Assessment plan {{group}}', students_one: '{{count}} student', students_other: '{{count}} students' },
};
