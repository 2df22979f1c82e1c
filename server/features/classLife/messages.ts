/**
 * Server texts of class life, merged into the server catalogue
 * (core/i18n/messages.ts). Same keys in nb, nn and en.
 */
const nb = {
  'classLife.notMonday': 'Uken oppgis med mandagen (for eksempel 2026-11-23).',
  'classLife.inFuture': 'Datoen kan ikke være fram i tid ({today}).',
  'classLife.outsideSchoolYear': 'Datoen må ligge i skoleåret ({from}–{to}).',
  'classLife.decisionNeedsDate': 'Skriv datoen vedtaket ble gjort.',
  'classLife.dateNeedsDecision': 'En dato hører bare til et vedtak; skriv vedtaket først.',
  'classLife.caseNotFound': 'Finner ikke saken i denne klassen.',
  'classLife.emptyDraft': 'Utkastet er tomt. Skriv reglene før du publiserer dem.',
  'classLife.proposalNotFound': 'Finner ikke forslaget i denne klassen.',
  'classLife.notInClass': 'Eleven går ikke i klassen.',
  'classLife.electionNotFound': 'Finner ikke valget i denne klassen.',
  'classLife.electionUnfinished': 'Klassen har allerede et valg som ikke er avsluttet.',
  'classLife.electionNotDraft': 'Valget er åpnet, så kandidatene kan ikke lenger endres.',
  'classLife.electionNotOpen': 'Valget er ikke åpent for stemmegivning.',
  'classLife.alreadyVoted': 'Du har allerede stemt i dette valget. Hver elev har én stemme.',
  'classLife.notACandidate': 'Eleven stiller ikke til valg (eller har ikke takket ja).',
  'classLife.alreadyCandidate': 'Eleven er allerede foreslått.',
  'classLife.tooFewCandidates': 'Valget trenger minst {min, plural, one {# kandidat} other {# kandidater}} som har takket ja.',
  'classLife.termEndsBeforeStart': 'Perioden kan ikke slutte før den begynner.',
  'classLife.periodTooLong': 'Perioden kan være høyst ett år.',
  'classLife.perWeekTooMany': 'Klassen har bare {count, plural, one {# elev} other {# elever}} som kan settes opp.',
  'classLife.rotaNotFound': 'Finner ikke ordenslisten i denne klassen.',
  'classLife.awayNotFound': 'Finner ikke fraværsperioden.',
};

type Messages = Record<keyof typeof nb, string>;

const nn: Messages = {
  'classLife.notMonday': 'Veka blir oppgitt med måndagen (til dømes 2026-11-23).',
  'classLife.inFuture': 'Datoen kan ikkje vere fram i tid ({today}).',
  'classLife.outsideSchoolYear': 'Datoen må liggje i skuleåret ({from}–{to}).',
  'classLife.decisionNeedsDate': 'Skriv datoen vedtaket vart gjort.',
  'classLife.dateNeedsDecision': 'Ein dato høyrer berre til eit vedtak; skriv vedtaket først.',
  'classLife.caseNotFound': 'Finn ikkje saka i denne klassen.',
  'classLife.emptyDraft': 'Utkastet er tomt. Skriv reglane før du publiserer dei.',
  'classLife.proposalNotFound': 'Finn ikkje forslaget i denne klassen.',
  'classLife.notInClass': 'Eleven går ikkje i klassen.',
  'classLife.electionNotFound': 'Finn ikkje valet i denne klassen.',
  'classLife.electionUnfinished': 'Klassen har alt eit val som ikkje er avslutta.',
  'classLife.electionNotDraft': 'Valet er opna, så kandidatane kan ikkje lenger endrast.',
  'classLife.electionNotOpen': 'Valet er ikkje ope for stemmegiving.',
  'classLife.alreadyVoted': 'Du har alt stemt i dette valet. Kvar elev har éi stemme.',
  'classLife.notACandidate': 'Eleven stiller ikkje til val (eller har ikkje takka ja).',
  'classLife.alreadyCandidate': 'Eleven er alt føreslått.',
  'classLife.tooFewCandidates': 'Valet treng minst {min, plural, one {# kandidat} other {# kandidatar}} som har takka ja.',
  'classLife.termEndsBeforeStart': 'Perioden kan ikkje slutte før han byrjar.',
  'classLife.periodTooLong': 'Perioden kan vere høgst eitt år.',
  'classLife.perWeekTooMany': 'Klassen har berre {count, plural, one {# elev} other {# elevar}} som kan setjast opp.',
  'classLife.rotaNotFound': 'Finn ikkje ordenslista i denne klassen.',
  'classLife.awayNotFound': 'Finn ikkje fråværsperioden.',
};

const en: Messages = {
  'classLife.notMonday': 'Give the week by its Monday (for example 2026-11-23).',
  'classLife.inFuture': 'The date cannot be in the future ({today}).',
  'classLife.outsideSchoolYear': 'The date must lie within the school year ({from}–{to}).',
  'classLife.decisionNeedsDate': 'Enter the date the decision was made.',
  'classLife.dateNeedsDecision': 'A date belongs to a decision; write the decision first.',
  'classLife.caseNotFound': 'The case was not found in this class.',
  'classLife.emptyDraft': 'The draft is empty. Write the rules before publishing them.',
  'classLife.proposalNotFound': 'The proposal was not found in this class.',
  'classLife.notInClass': 'The student is not in the class.',
  'classLife.electionNotFound': 'The election was not found in this class.',
  'classLife.electionUnfinished': 'The class already has an election that is not finished.',
  'classLife.electionNotDraft': 'The election is open, so the candidates can no longer be changed.',
  'classLife.electionNotOpen': 'The election is not open for voting.',
  'classLife.alreadyVoted': 'You have already voted in this election. Each student has one vote.',
  'classLife.notACandidate': 'The student is not standing (or has not accepted).',
  'classLife.alreadyCandidate': 'The student has already been nominated.',
  'classLife.tooFewCandidates': 'The election needs at least {min, plural, one {# candidate} other {# candidates}} who have accepted.',
  'classLife.termEndsBeforeStart': 'The period cannot end before it starts.',
  'classLife.periodTooLong': 'The period can be at most one year.',
  'classLife.perWeekTooMany': 'The class has only {count, plural, one {# student} other {# students}} who can be put on the rota.',
  'classLife.rotaNotFound': 'The duty rota was not found in this class.',
  'classLife.awayNotFound': 'The away period was not found.',
};

export const classLifeMessages = { nb, nn, en };
