/**
 * The default annual cycle Elevlos ships (R-30…R-33): seed 003's August–November routine for upper
 * secondary and seeds 000/001's contact-teacher duties, in bokmål and nynorsk. Windows are ISO weeks of the
 * school year's autumn (from Monday of the first week to Friday or Sunday of the last), so the same
 * routine lands on the same weeks every year.
 */
import type { Level } from '../../core/db/tables.js';
import type { RoutineResponsibleRole } from './tables.js';
import { addDays, isoWeek, isoWeekday, mondayOfIsoWeek } from '../../core/calendar/calendar.js';
import type { EvidenceKind } from '../../core/evidence/sources.js';
import type { RoutineScope } from './evidence.js';

export interface DefaultRoutine {
  key: string;
  titleNb: string;
  titleNn: string;
  descriptionNb: string;
  descriptionNn: string;
  scope: RoutineScope;
  level?: Level;
  programme?: 'general' | 'vocational';
  /** only students under 18 (L-02: the guardian conference is for parents of students under 18) */
  excludeAdults?: boolean;
  responsibleRole: RoutineResponsibleRole;
  /** ISO weeks of the autumn: [first, last]; the window closes on the Friday of the last week */
  weeks: [number, number];
  evidenceKind: EvidenceKind;
  evidenceParam?: string;
}

export const DEFAULT_ROUTINES: readonly DefaultRoutine[] = [
  {
    key: 'accommodationNeedsInformed',
    titleNb: 'Informasjon om skjemaelever til alle faglærere', titleNn: 'Informasjon om skjemaelevar til alle faglærarar',
    descriptionNb: 'Avdelingsleder/rådgiver informerer om skjemaelever de tre første skoleukene. Kontaktlærer passer på at alle faglærere har fått informasjonen.',
    descriptionNn: 'Avdelingsleiar/rådgivar informerer om skjemaelevar dei tre første skulevekene. Kontaktlæraren passar på at alle faglærarane har fått informasjonen.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [34, 36], evidenceKind: 'accommodationNeedConfirmed',
  },
  {
    key: 'startOfYearChecklist',
    titleNb: 'Skolestart: organisering, reglement, fraværsregler og klage på undervisning', titleNn: 'Skulestart: organisering, reglement, fråværsreglar og klage på undervisning',
    descriptionNb: 'Elevene får vite hvordan skolen er organisert, skolens reglement, fraværsordningen og hvordan de klager på undervisningen.',
    descriptionNn: 'Elevane får vite korleis skulen er organisert, reglementet til skulen, fråværsordninga og korleis dei klagar på undervisninga.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [34, 36], evidenceKind: 'startOfYearChecklistDone',
  },
  {
    key: 'startOfYearConversations',
    titleNb: 'Oppstartsamtale med hver elev', titleNn: 'Oppstartsamtale med kvar elev',
    descriptionNb: 'Oppstartsamtalene skal bidra til å finne strev også hos andre elever enn skjemaelevene. Ny, viktig informasjon noteres, og avdelingsleder informeres.',
    descriptionNn: 'Oppstartsamtalane skal hjelpe til å finne strev også hos andre elevar enn skjemaelevane. Ny, viktig informasjon blir notert, og avdelingsleiaren blir informert.',
    scope: 'eachStudent', responsibleRole: 'contactTeacher', weeks: [34, 38], evidenceKind: 'conversationHeld', evidenceParam: 'startOfYear',
  },
  {
    key: 'registrationForm',
    titleNb: 'Registreringsskjema levert', titleNn: 'Registreringsskjema levert',
    descriptionNb: 'Kontaktlærer har ansvar for at avtalte skjemaer fylles ut.',
    descriptionNn: 'Kontaktlæraren har ansvar for at avtalte skjema blir fylte ut.',
    scope: 'eachStudent', responsibleRole: 'contactTeacher', weeks: [34, 37], evidenceKind: 'formReceived',
  },
  {
    key: 'classRules',
    titleNb: 'Klassens regler laget sammen med elevene', titleNn: 'Klassereglar laga saman med elevane',
    descriptionNb: 'Utarbeide regler for gruppa sammen med elevene og publisere den vedtatte versjonen.',
    descriptionNn: 'Utarbeide reglar for gruppa saman med elevane og publisere den vedtekne versjonen.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [34, 38], evidenceKind: 'classRulesPublished',
  },
  {
    key: 'studentRepresentatives',
    titleNb: 'Valg av tillitselever og system for ordenselever', titleNn: 'Val av tillitselevar og system for ordenselevar',
    descriptionNb: 'Kontaktlærer har ansvar for valg av tillitselever og et system for ordenselever.',
    descriptionNn: 'Kontaktlæraren har ansvar for val av tillitselevar og eit system for ordenselevar.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [34, 37], evidenceKind: 'studentRepresentativesElected',
  },
  {
    key: 'assessmentPlan',
    titleNb: 'Prøveplan for gruppa gjort kjent', titleNn: 'Prøveplan for gruppa gjord kjend',
    descriptionNb: 'Gruppas plan for prøver, prosjekter og ekskursjoner er laget og gjort kjent for alle som blir berørt.',
    descriptionNn: 'Planen til gruppa for prøver, prosjekt og ekskursjonar er laga og gjord kjend for alle som blir rørte.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [34, 36], evidenceKind: 'assessmentPlanPublished',
  },
  {
    key: 'parentMeetingVg1',
    titleNb: 'Foreldremøte Vg1: informere foresatte som ikke kom', titleNn: 'Foreldremøte Vg1: informere føresette som ikkje kom',
    descriptionNb: 'Skolen holder et tidlig foreldremøte for Vg1. Kontaktlærer informerer foresatte som ikke kom.',
    descriptionNn: 'Skulen held eit tidleg foreldremøte for Vg1. Kontaktlæraren informerer føresette som ikkje kom.',
    scope: 'eachBasisGroup', level: 'vg1', responsibleRole: 'contactTeacher', weeks: [35, 37], evidenceKind: 'parentMeetingFollowedUp',
  },
  {
    key: 'parentMeetingVg2',
    titleNb: 'Foreldremøte Vg2: informere foresatte som ikke kom', titleNn: 'Foreldremøte Vg2: informere føresette som ikkje kom',
    descriptionNb: 'Skolen holder et foreldremøte for Vg2 om høsten. Kontaktlærer informerer foresatte som ikke kom.',
    descriptionNn: 'Skulen held eit foreldremøte for Vg2 om hausten. Kontaktlæraren informerer føresette som ikkje kom.',
    scope: 'eachBasisGroup', level: 'vg2', responsibleRole: 'contactTeacher', weeks: [36, 41], evidenceKind: 'parentMeetingFollowedUp',
  },
  {
    key: 'screeningVg1',
    titleNb: 'Kartlegging Vg1 (norsk, engelsk, matematikk) med klasseliste', titleNn: 'Kartlegging Vg1 (norsk, engelsk, matematikk) med klasseliste',
    descriptionNb: 'Kartleggeren gjennomføres. Resultatene settes opp i en klasseliste; de under bekymringsgrensen merkes og sendes til avdelingslederne. Gjort når alle elevene i klassen har resultat i alle tre prøvene.',
    descriptionNn: 'Kartleggaren blir gjennomført. Resultata blir sette opp i ei klasseliste; dei under bekymringsgrensa blir merkte og sende til avdelingsleiarane. Gjort når alle elevane i klassen har resultat i alle tre prøvene.',
    scope: 'eachBasisGroup', level: 'vg1', responsibleRole: 'contactTeacher', weeks: [36, 39], evidenceKind: 'screeningCompleted',
  },
  {
    key: 'classTeamMeetings',
    titleNb: 'Klasselærermøte for klassen (uke 39/40/42)', titleNn: 'Klasselærarmøte for klassen (veke 39/40/42)',
    descriptionNb: 'Gjennomgå kartleggingsresultater (Vg1), vurdere læringsmiljøet, finne elever som sliter, og lage oversikt over hvem som trenger oppfølging og forslag til tiltak. Gjort når møtet er ført som holdt.',
    descriptionNn: 'Gå gjennom kartleggingsresultat (Vg1), vurdere læringsmiljøet, finne elevar som slit, og lage oversikt over kven som treng oppfølging og forslag til tiltak. Gjort når møtet er ført som halde.',
    scope: 'eachBasisGroup', responsibleRole: 'departmentHead', weeks: [39, 42], evidenceKind: 'classTeamMeetingHeld',
  },
  {
    key: 'formativeAssessments',
    titleNb: 'Underveisvurdering ført for eleven i faget', titleNn: 'Undervegsvurdering ført for eleven i faget',
    descriptionNb: 'Alle underveisvurderinger føres inn. Hver faglærer har ført minst én for hver elev i høsthalvåret.',
    descriptionNn: 'Alle undervegsvurderingar blir førte inn. Kvar faglærar har ført minst éi for kvar elev i hausthalvåret.',
    scope: 'eachSubjectTeacherOfStudent', responsibleRole: 'subjectTeacher', weeks: [34, 47], evidenceKind: 'formativeAssessmentRecorded',
  },
  {
    key: 'weeklyAbsenceCheck',
    titleNb: 'Fravær sjekket i kontaktlærertimen', titleNn: 'Fråvær sjekka i kontaktlærartimen',
    descriptionNb: 'Sjekke fravær hver uke i kontaktlærertimen. Regnes som gjort når fraværet er sjekket minst én uke i perioden.',
    descriptionNn: 'Sjekke fråvær kvar veke i kontaktlærartimen. Blir rekna som gjort når fråværet er sjekka minst éi veke i perioden.',
    scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', weeks: [44, 51], evidenceKind: 'weeklyAbsenceCheckDone',
  },
  {
    key: 'subjectConversations',
    titleNb: 'Fagsamtale innen midten av november', titleNn: 'Fagsamtale innan midten av november',
    descriptionNb: 'Faglærer gjennomfører fagsamtale med hver elev om den faglige utviklingen.',
    descriptionNn: 'Faglæraren gjennomfører fagsamtale med kvar elev om den faglege utviklinga.',
    scope: 'eachSubjectTeacherOfStudent', responsibleRole: 'subjectTeacher', weeks: [41, 46], evidenceKind: 'conversationHeld', evidenceParam: 'subject',
  },
  {
    key: 'guardianConferenceOffered',
    titleNb: 'Foresatte informert om retten til samtale', titleNn: 'Føresette informerte om retten til samtale',
    descriptionNb: 'Kontaktlærer informerer foresatte om retten til en elev- og foresattesamtale.',
    descriptionNn: 'Kontaktlæraren informerer føresette om retten til ein elev- og føresettesamtale.',
    scope: 'eachStudent', excludeAdults: true, responsibleRole: 'contactTeacher', weeks: [41, 44], evidenceKind: 'guardianConferenceOffered',
  },
  {
    key: 'guardianConferences',
    titleNb: 'Elev- og foresattesamtale', titleNn: 'Elev- og føresettesamtale',
    descriptionNb: 'En kombinert elev- og foresattesamtale om elevens totale utvikling, bygd på oppstart- og fagsamtalene.',
    descriptionNn: 'Ein kombinert elev- og føresettesamtale om den totale utviklinga til eleven, bygd på oppstart- og fagsamtalane.',
    scope: 'eachStudent', excludeAdults: true, responsibleRole: 'contactTeacher', weeks: [45, 49], evidenceKind: 'conversationHeld', evidenceParam: 'guardian',
  },
];

/** The window of ISO weeks [first, last] in the autumn of `year`: Monday of the first to Friday of the last. */
export function weeksWindow(year: number, weeks: [number, number]): { opensOn: string; closesOn: string } {
  return { opensOn: mondayOfIsoWeek(year, weeks[0]), closesOn: addDays(mondayOfIsoWeek(year, weeks[1]), 4) };
}

/** The ISO week of a day, e.g. 39. */
export const weekOf = (day: string): number => isoWeek(day).week;

/**
 * The same ISO week and weekday `years` later (a new school year's copy). A week 53 that the target year
 * lacks becomes week 52.
 */
export function moveByYears(day: string, years: number): string {
  const { year, week } = isoWeek(day);
  const target = year + years;
  const weeksIn = isoWeek(`${target}-12-28`).week;
  return addDays(mondayOfIsoWeek(target, Math.min(week, weeksIn)), isoWeekday(day) - 1);
}
