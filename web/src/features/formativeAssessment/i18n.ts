// The formative-assessment feature's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const formativeNb = {
  title: 'Underveisvurdering',
  actions: {
    read: 'Så underveisvurderingene til eleven', groupRead: 'Så underveisvurderingene i undervisningsgruppen',
    record: 'Førte underveisvurdering', classSummary: 'Så oversikten over underveisvurdering i klassen',
  },
  nav: { staff: 'Underveisvurdering', mine: 'Mine vurderinger' },
  kinds: { writtenFeedback: 'Skriftlig tilbakemelding', test: 'Prøve', presentation: 'Presentasjon', conversation: 'Samtale', practical: 'Praktisk arbeid' },
  term: { autumn: 'Høsthalvåret {{year}}', spring: 'Vårhalvåret {{year}}', none: 'Ikke i et halvår nå' },
  home: {
    intro: 'Før underveisvurderinger for gruppene dine, og se hvordan det går i klassen din.',
    groups: 'Undervisningsgruppene dine', classes: 'Klassene dine', noGroups: 'Du har ingen undervisningsgrupper.',
  },
  group: {
    title: 'Underveisvurdering {{group}}',
    newHeading: 'Ny vurdering for gruppen',
    intro: 'Velg dato og type, og skriv en kort tilbakemelding til hver elev som skal ha en. Elever uten tekst får ingen vurdering. Eleven og foresatte med innsyn ser tilbakemeldingen.',
    date: 'Dato', kind: 'Type', feedbackFor: 'Tilbakemelding til {{name}}',
    countThisTerm_one: '{{count}} vurdering dette halvåret', countThisTerm_other: '{{count}} vurderinger dette halvåret',
    save: 'Lagre vurderingene', saved_one: 'Lagret {{count}} vurdering.', saved_other: 'Lagret {{count}} vurderinger.',
    nothingToSave: 'Skriv en tilbakemelding til minst én elev.',
    history: 'Tidligere vurderinger', noHistory: 'Ingen vurderinger ennå.', delete: 'Slett', deleteLabel: 'Slett vurderingen fra {{date}} for {{name}}',
    edit: 'Rett', editLabel: 'Rett vurderingen fra {{date}} for {{name}}', editField: 'Tilbakemelding {{date}} til {{name}}', saveEdit: 'Lagre', cancelEdit: 'Avbryt', feedbackRequired: 'Skriv en tilbakemelding, eller slett vurderingen.',
    csvHeading: 'Fra og til et annet register (CSV)',
    csvIntro: 'Kolonner: elev-id eller elev («Etternavn, Fornavn»), dato, type og tilbakemelding, skilt med semikolon. Er én linje feil, lagres ingenting.',
    export: 'Last ned CSV for gruppen', importLabel: 'Lim inn CSV', importFile: 'Eller velg en fil', import: 'Importer',
    imported: 'Importert: {{created}} nye, {{unchanged}} fantes fra før.',
  },
  student: {
    title: 'Underveisvurdering for {{name}}', myTitle: 'Mine vurderinger',
    intro: 'Underveisvurdering: tilbakemeldinger fra lærerne dine underveis i året. De er ikke karakterer.',
    ownGroups: 'Du ser vurderingene i fagene du underviser eleven i.',
    none: 'Ingen underveisvurderinger ennå.', by: 'Fra {{name}}', link: 'Se underveisvurderingene',
  },
  summary: {
    title: 'Underveisvurdering {{group}}', intro: 'Hvor mange vurderinger elevene har fått i hvert fag dette halvåret, og hvem som ikke har fått noen ennå.',
    subject: 'Fag', count: 'Vurderinger', latest: 'Siste', students: 'Elever', without: 'Uten vurdering', none: 'Ingen', allHave: 'Alle har minst én', nobody: 'Ingen har fått vurdering ennå',
    noSubjects: 'Klassen har ingen fag registrert.',
  },
};

export type FormativeMessages = typeof formativeNb;

export const formativeNn: FormativeMessages = {
  title: 'Undervegsvurdering',
  actions: {
    read: 'Såg undervegsvurderingane til eleven', groupRead: 'Såg undervegsvurderingane i undervisingsgruppa',
    record: 'Førte undervegsvurdering', classSummary: 'Såg oversikta over undervegsvurdering i klassen',
  },
  nav: { staff: 'Undervegsvurdering', mine: 'Vurderingane mine' },
  kinds: { writtenFeedback: 'Skriftleg tilbakemelding', test: 'Prøve', presentation: 'Presentasjon', conversation: 'Samtale', practical: 'Praktisk arbeid' },
  term: { autumn: 'Hausthalvåret {{year}}', spring: 'Vårhalvåret {{year}}', none: 'Ikkje i eit halvår no' },
  home: {
    intro: 'Før undervegsvurderingar for gruppene dine, og sjå korleis det går i klassen din.',
    groups: 'Undervisingsgruppene dine', classes: 'Klassane dine', noGroups: 'Du har ingen undervisingsgrupper.',
  },
  group: {
    title: 'Undervegsvurdering {{group}}',
    newHeading: 'Ny vurdering for gruppa',
    intro: 'Vel dato og type, og skriv ei kort tilbakemelding til kvar elev som skal ha ei. Elevar utan tekst får inga vurdering. Eleven og føresette med innsyn ser tilbakemeldinga.',
    date: 'Dato', kind: 'Type', feedbackFor: 'Tilbakemelding til {{name}}',
    countThisTerm_one: '{{count}} vurdering dette halvåret', countThisTerm_other: '{{count}} vurderingar dette halvåret',
    save: 'Lagre vurderingane', saved_one: 'Lagra {{count}} vurdering.', saved_other: 'Lagra {{count}} vurderingar.',
    nothingToSave: 'Skriv ei tilbakemelding til minst éin elev.',
    history: 'Tidlegare vurderingar', noHistory: 'Ingen vurderingar enno.', delete: 'Slett', deleteLabel: 'Slett vurderinga frå {{date}} for {{name}}',
    edit: 'Rett', editLabel: 'Rett vurderinga frå {{date}} for {{name}}', editField: 'Tilbakemelding {{date}} til {{name}}', saveEdit: 'Lagre', cancelEdit: 'Avbryt', feedbackRequired: 'Skriv ei tilbakemelding, eller slett vurderinga.',
    csvHeading: 'Frå og til eit anna register (CSV)',
    csvIntro: 'Kolonnar: elev-id eller elev («Etternamn, Førenamn»), dato, type og tilbakemelding, skilde med semikolon. Er éi linje feil, vert ingenting lagra.',
    export: 'Last ned CSV for gruppa', importLabel: 'Lim inn CSV', importFile: 'Eller vel ei fil', import: 'Importer',
    imported: 'Importert: {{created}} nye, {{unchanged}} fanst frå før.',
  },
  student: {
    title: 'Undervegsvurdering for {{name}}', myTitle: 'Vurderingane mine',
    intro: 'Undervegsvurdering: tilbakemeldingar frå lærarane dine undervegs i året. Dei er ikkje karakterar.',
    ownGroups: 'Du ser vurderingane i faga du underviser eleven i.',
    none: 'Ingen undervegsvurderingar enno.', by: 'Frå {{name}}', link: 'Sjå undervegsvurderingane',
  },
  summary: {
    title: 'Undervegsvurdering {{group}}', intro: 'Kor mange vurderingar elevane har fått i kvart fag dette halvåret, og kven som ikkje har fått nokon enno.',
    subject: 'Fag', count: 'Vurderingar', latest: 'Siste', students: 'Elevar', without: 'Utan vurdering', none: 'Ingen', allHave: 'Alle har minst éi', nobody: 'Ingen har fått vurdering enno',
    noSubjects: 'Klassen har ingen fag registrerte.',
  },
};

export const formativeEn: FormativeMessages = {
  title: 'Formative assessment',
  actions: {
    read: "Viewed the student's formative assessments", groupRead: "Viewed the teaching group's formative assessments",
    record: 'Recorded a formative assessment', classSummary: "Viewed the class's formative-assessment summary",
  },
  nav: { staff: 'Formative assessment', mine: 'My assessments' },
  kinds: { writtenFeedback: 'Written feedback', test: 'Test', presentation: 'Presentation', conversation: 'Conversation', practical: 'Practical work' },
  term: { autumn: 'Autumn term {{year}}', spring: 'Spring term {{year}}', none: 'Not in a term now' },
  home: {
    intro: 'Record formative assessments for your groups, and see how your class is doing.',
    groups: 'Your teaching groups', classes: 'Your classes', noGroups: 'You have no teaching groups.',
  },
  group: {
    title: 'Formative assessment {{group}}',
    newHeading: 'New assessment for the group',
    intro: 'Choose the date and kind, and write short feedback to each student who should have it. Students without text get no assessment. The student and guardians with insight see the feedback.',
    date: 'Date', kind: 'Kind', feedbackFor: 'Feedback to {{name}}',
    countThisTerm_one: '{{count}} assessment this term', countThisTerm_other: '{{count}} assessments this term',
    save: 'Save the assessments', saved_one: 'Saved {{count}} assessment.', saved_other: 'Saved {{count}} assessments.',
    nothingToSave: 'Write feedback to at least one student.',
    history: 'Earlier assessments', noHistory: 'No assessments yet.', delete: 'Delete', deleteLabel: 'Delete the assessment of {{date}} for {{name}}',
    edit: 'Correct', editLabel: 'Correct the assessment of {{date}} for {{name}}', editField: 'Feedback of {{date}} to {{name}}', saveEdit: 'Save', cancelEdit: 'Cancel', feedbackRequired: 'Write the feedback, or delete the assessment.',
    csvHeading: 'From and to another register (CSV)',
    csvIntro: 'Columns: student id or student ("Family, Given"), date, kind and feedback, separated by semicolons. If one line is wrong, nothing is saved.',
    export: 'Download CSV for the group', importLabel: 'Paste CSV', importFile: 'Or choose a file', import: 'Import',
    imported: 'Imported: {{created}} new, {{unchanged}} already there.',
  },
  student: {
    title: 'Formative assessment for {{name}}', myTitle: 'My assessments',
    intro: 'Formative assessment: feedback from your teachers during the year. These are not grades.',
    ownGroups: 'You see the assessments in the subjects you teach the student.',
    none: 'No formative assessments yet.', by: 'From {{name}}', link: 'See the formative assessments',
  },
  summary: {
    title: 'Formative assessment {{group}}', intro: 'How many assessments the students have had in each subject this term, and who has had none yet.',
    subject: 'Subject', count: 'Assessments', latest: 'Latest', students: 'Students', without: 'Without assessment', none: 'None', allHave: 'Everyone has at least one', nobody: 'Nobody has been assessed yet',
    noSubjects: 'The class has no subjects registered.',
  },
};
