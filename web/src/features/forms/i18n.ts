// Forms. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const formsNb = {
  classSection: 'Skjemaer',
  required: 'Fyll ut feltet.',
  actions: { classRead: 'Så skjemaoversikten for klassen', set: 'Førte status på skjemaer', read: 'Så skjemaene til eleven' },
  status: { missing: 'Mangler', received: 'Mottatt', checked: 'Kontrollert' },
  level: { all: 'Alle elever' },
  class: {
    title: 'Skjemaer {{group}}',
    intro: 'Sett status for hver elev: mangler, mottatt eller kontrollert. Bruk Tab og piltastene i listene, og lagre alt til slutt.',
    summary: 'Oversikt per skjema', form: 'Skjema', due: 'Frist', counts: 'Inne', missingStudents: 'Mangler fra',
    countsText: '{{done}} av {{students}} ({{checked}} kontrollert)', noneMissing: 'Ingen mangler',
    grid: 'Status per elev', student: 'Elev', statusFor: '{{form}} for {{name}}',
    save: 'Lagre endringene', saved_one: 'Lagret {{count}} endring.', saved_other: 'Lagret {{count}} endringer.', nothing: 'Ingen endringer å lagre.',
    changed: 'Endret, ikke lagret', noForms: 'Skolen har ingen skjemaer for denne klassen.', notApplicable: 'Gjelder ikke',
  },
  school: {
    title: 'Skjemaer ved skolen', intro: 'Skjemaene skolen følger opp per elev (registreringsskjema, samtykker, avtaler).',
    nameNb: 'Navn (bokmål)', nameNn: 'Navn (nynorsk)', level: 'Gjelder', dueOn: 'Frist', create: 'Legg til skjema', newHeading: 'Nytt skjema', created: 'Skjemaet er lagt til.',
    none: 'Ingen skjemaer ennå.', counts: 'Inne', nav: 'Skjemaer',
    edit: 'Endre', editFor: 'Endre {{name}}', editHeading: 'Endre skjemaet «{{name}}»', save: 'Lagre endringene', cancel: 'Avbryt',
    updated: 'Endringene i «{{name}}» er lagret. Status som alt er ført for elevene, står.',
  },
  student: {
    title: 'Skjemaer for {{name}}', myTitle: 'Mine skjemaer', intro: 'Skjemaene skolen trenger fra deg. Lever dem til kontaktlæreren.',
    none: 'Ingen skjemaer.', due: 'Frist {{date}}', overdue: 'Fristen er passert', nav: 'Mine skjemaer',
  },
};

export const formsNn: typeof formsNb = {
  classSection: 'Skjema',
  required: 'Fyll ut feltet.',
  actions: { classRead: 'Såg skjemaoversikta for klassen', set: 'Førte status på skjema', read: 'Såg skjemaa til eleven' },
  status: { missing: 'Manglar', received: 'Motteke', checked: 'Kontrollert' },
  level: { all: 'Alle elevar' },
  class: {
    title: 'Skjema {{group}}',
    intro: 'Set status for kvar elev: manglar, motteke eller kontrollert. Bruk Tab og piltastane i listene, og lagre alt til slutt.',
    summary: 'Oversikt per skjema', form: 'Skjema', due: 'Frist', counts: 'Inne', missingStudents: 'Manglar frå',
    countsText: '{{done}} av {{students}} ({{checked}} kontrollert)', noneMissing: 'Ingen manglar',
    grid: 'Status per elev', student: 'Elev', statusFor: '{{form}} for {{name}}',
    save: 'Lagre endringane', saved_one: 'Lagra {{count}} endring.', saved_other: 'Lagra {{count}} endringar.', nothing: 'Ingen endringar å lagre.',
    changed: 'Endra, ikkje lagra', noForms: 'Skulen har ingen skjema for denne klassen.', notApplicable: 'Gjeld ikkje',
  },
  school: {
    title: 'Skjema ved skulen', intro: 'Skjemaa skulen følgjer opp per elev (registreringsskjema, samtykke, avtalar).',
    nameNb: 'Namn (bokmål)', nameNn: 'Namn (nynorsk)', level: 'Gjeld', dueOn: 'Frist', create: 'Legg til skjema', newHeading: 'Nytt skjema', created: 'Skjemaet er lagt til.',
    none: 'Ingen skjema enno.', counts: 'Inne', nav: 'Skjema',
    edit: 'Endre', editFor: 'Endre {{name}}', editHeading: 'Endre skjemaet «{{name}}»', save: 'Lagre endringane', cancel: 'Avbryt',
    updated: 'Endringane i «{{name}}» er lagra. Status som alt er ført for elevane, står.',
  },
  student: {
    title: 'Skjema for {{name}}', myTitle: 'Skjemaa mine', intro: 'Skjemaa skulen treng frå deg. Lever dei til kontaktlæraren.',
    none: 'Ingen skjema.', due: 'Frist {{date}}', overdue: 'Fristen er passert', nav: 'Skjemaa mine',
  },
};

export const formsEn: typeof formsNb = {
  classSection: 'Forms',
  required: 'Fill in the field.',
  actions: { classRead: "Read the class's form checklist", set: 'Recorded form statuses', read: "Read the student's forms" },
  status: { missing: 'Missing', received: 'Received', checked: 'Checked' },
  level: { all: 'All students' },
  class: {
    title: 'Forms {{group}}',
    intro: 'Set each student\'s status: missing, received or checked. Use Tab and the arrow keys in the lists, and save everything at the end.',
    summary: 'Per form', form: 'Form', due: 'Due', counts: 'In', missingStudents: 'Missing from',
    countsText: '{{done}} of {{students}} ({{checked}} checked)', noneMissing: 'None missing',
    grid: 'Status per student', student: 'Student', statusFor: '{{form}} for {{name}}',
    save: 'Save the changes', saved_one: 'Saved {{count}} change.', saved_other: 'Saved {{count}} changes.', nothing: 'No changes to save.',
    changed: 'Changed, not saved', noForms: 'The school has no forms for this class.', notApplicable: 'Does not apply',
  },
  school: {
    title: "The school's forms", intro: 'The forms the school follows up per student (registration form, consents, agreements).',
    nameNb: 'Name (bokmål)', nameNn: 'Name (nynorsk)', level: 'For', dueOn: 'Due', create: 'Add the form', newHeading: 'New form', created: 'The form was added.',
    none: 'No forms yet.', counts: 'In', nav: 'Forms',
    edit: 'Change', editFor: 'Change {{name}}', editHeading: 'Change the form “{{name}}”', save: 'Save the changes', cancel: 'Cancel',
    updated: 'The changes to “{{name}}” were saved. Statuses already recorded for the students stand.',
  },
  student: {
    title: 'Forms for {{name}}', myTitle: 'My forms', intro: 'The forms the school needs from you. Hand them to your contact teacher.',
    none: 'No forms.', due: 'Due {{date}}', overdue: 'Past the deadline', nav: 'My forms',
  },
};
