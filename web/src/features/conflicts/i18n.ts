// The conflicts feature's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const conflictsNb = {
  title: 'Konflikter mellom elever',
  actions: { list: 'Så listen over konflikter', read: 'Så en konflikt mellom elever', record: 'Førte en konflikt mellom elever', update: 'Oppdaterte en konflikt mellom elever', readStudent: 'Så konfliktene eleven er med i', resource: 'Konflikt mellom elever' },
  nav: 'Konflikter',
  status: { open: 'Åpen', resolved: 'Løst {{date}}' },
  another: 'En annen elev i {{group}}',
  anotherNoClass: 'En annen elev',
  list: {
    intro: 'Konflikter der du følger opp minst én av elevene. Elever du ikke følger opp, vises bare med klasse.',
    new: 'Før en ny konflikt', none: 'Ingen konflikter du har tilgang til.', occurred: 'Skjedde {{date}}', open: 'Se konflikten fra {{date}}',
  },
  form: {
    title: 'Ny konflikt mellom elever',
    occurredOn: 'Når skjedde det?', description: 'Hva skjedde?',
    descriptionHelp: 'Skriv uten navn. Kontaktlæreren til hver elev som er med, leser denne teksten.',
    students: 'Elever som er med', search: 'Søk etter elev (navn)', searchButton: 'Søk', add: 'Legg til {{name}} ({{group}})', remove: 'Fjern {{name}}',
    noHits: 'Ingen elever funnet.', note: 'Det som gjelder {{name}}', noteHelp: 'Leses bare av dem som følger opp denne eleven.',
    needTwo: 'Legg til minst to elever.', save: 'Lagre konflikten', cancel: 'Avbryt',
  },
  detail: {
    title: 'Konflikt {{date}}', recordedBy: 'Ført av {{name}}', what: 'Hva skjedde', students: 'Elevene', steps: 'Tiltak for å løse konflikten',
    noSteps: 'Ingen tiltak ført ennå.', shared: 'Med alle', withStudent: 'Med {{name}}',
    ownOnly: 'Du ser bare delen som gjelder elevene du følger opp. De andre vises med klasse.',
    noNote: 'Ingen notat.', editNote: 'Notat om {{name}}', saveNote: 'Lagre notatet',
    addStep: 'Før et tiltak', takenOn: 'Dato', stepDescription: 'Hva ble gjort', stepFor: 'Gjelder', saveStep: 'Lagre tiltaket',
    statusHeading: 'Status', markResolved: 'Marker som løst', reopen: 'Åpne igjen', resolvedOn: 'Løst dato',
  },
  section: { heading: 'Konflikter', none: 'Eleven er ikke med i noen konflikter du har tilgang til.' },
};

export type ConflictsMessages = typeof conflictsNb;

export const conflictsNn: ConflictsMessages = {
  title: 'Konfliktar mellom elevar',
  actions: { list: 'Såg lista over konfliktar', read: 'Såg ein konflikt mellom elevar', record: 'Førte ein konflikt mellom elevar', update: 'Oppdaterte ein konflikt mellom elevar', readStudent: 'Såg konfliktane eleven er med i', resource: 'Konflikt mellom elevar' },
  nav: 'Konfliktar',
  status: { open: 'Open', resolved: 'Løyst {{date}}' },
  another: 'Ein annan elev i {{group}}',
  anotherNoClass: 'Ein annan elev',
  list: {
    intro: 'Konfliktar der du følgjer opp minst éin av elevane. Elevar du ikkje følgjer opp, vert berre viste med klasse.',
    new: 'Før ein ny konflikt', none: 'Ingen konfliktar du har tilgang til.', occurred: 'Skjedde {{date}}', open: 'Sjå konflikten frå {{date}}',
  },
  form: {
    title: 'Ny konflikt mellom elevar',
    occurredOn: 'Når skjedde det?', description: 'Kva skjedde?',
    descriptionHelp: 'Skriv utan namn. Kontaktlæraren til kvar elev som er med, les denne teksten.',
    students: 'Elevar som er med', search: 'Søk etter elev (namn)', searchButton: 'Søk', add: 'Legg til {{name}} ({{group}})', remove: 'Fjern {{name}}',
    noHits: 'Fann ingen elevar.', note: 'Det som gjeld {{name}}', noteHelp: 'Vert berre lese av dei som følgjer opp denne eleven.',
    needTwo: 'Legg til minst to elevar.', save: 'Lagre konflikten', cancel: 'Avbryt',
  },
  detail: {
    title: 'Konflikt {{date}}', recordedBy: 'Ført av {{name}}', what: 'Kva skjedde', students: 'Elevane', steps: 'Tiltak for å løyse konflikten',
    noSteps: 'Ingen tiltak førte enno.', shared: 'Med alle', withStudent: 'Med {{name}}',
    ownOnly: 'Du ser berre delen som gjeld elevane du følgjer opp. Dei andre vert viste med klasse.',
    noNote: 'Ikkje noko notat.', editNote: 'Notat om {{name}}', saveNote: 'Lagre notatet',
    addStep: 'Før eit tiltak', takenOn: 'Dato', stepDescription: 'Kva vart gjort', stepFor: 'Gjeld', saveStep: 'Lagre tiltaket',
    statusHeading: 'Status', markResolved: 'Merk som løyst', reopen: 'Opne att', resolvedOn: 'Løyst dato',
  },
  section: { heading: 'Konfliktar', none: 'Eleven er ikkje med i nokon konfliktar du har tilgang til.' },
};

export const conflictsEn: ConflictsMessages = {
  title: 'Conflicts between students',
  actions: { list: 'Viewed the list of conflicts', read: 'Viewed a conflict between students', record: 'Recorded a conflict between students', update: 'Updated a conflict between students', readStudent: "Viewed the conflicts the student is involved in", resource: 'Conflict between students' },
  nav: 'Conflicts',
  status: { open: 'Open', resolved: 'Resolved {{date}}' },
  another: 'Another student in {{group}}',
  anotherNoClass: 'Another student',
  list: {
    intro: 'Conflicts in which you follow up at least one of the students. Students you do not follow up are shown by class only.',
    new: 'Record a new conflict', none: 'No conflicts you have access to.', occurred: 'Happened {{date}}', open: 'Open the conflict of {{date}}',
  },
  form: {
    title: 'New conflict between students',
    occurredOn: 'When did it happen?', description: 'What happened?',
    descriptionHelp: 'Write without names. The contact teacher of every student involved reads this text.',
    students: 'Students involved', search: 'Search for a student (name)', searchButton: 'Search', add: 'Add {{name}} ({{group}})', remove: 'Remove {{name}}',
    noHits: 'No students found.', note: 'What concerns {{name}}', noteHelp: 'Read only by those who follow up this student.',
    needTwo: 'Add at least two students.', save: 'Save the conflict', cancel: 'Cancel',
  },
  detail: {
    title: 'Conflict {{date}}', recordedBy: 'Recorded by {{name}}', what: 'What happened', students: 'The students', steps: 'Steps taken to resolve it',
    noSteps: 'No steps recorded yet.', shared: 'With everyone', withStudent: 'With {{name}}',
    ownOnly: 'You see only the part that concerns the students you follow up. The others are shown by class.',
    noNote: 'No note.', editNote: 'Note on {{name}}', saveNote: 'Save the note',
    addStep: 'Record a step', takenOn: 'Date', stepDescription: 'What was done', stepFor: 'Concerns', saveStep: 'Save the step',
    statusHeading: 'Status', markResolved: 'Mark as resolved', reopen: 'Open again', resolvedOn: 'Resolved on',
  },
  section: { heading: 'Conflicts', none: 'The student is in no conflicts you have access to.' },
};
