/**
 * The conversation templates Elevlos ships to every school, in bokmål, nynorsk and English.
 * A school copies and adapts them; these are only the starting point.
 *
 * Where the content comes from (the school's own documents are the specification):
 * - seed 003 (the August–November routine): the start-of-year conversation finds students who struggle,
 *   with a page 2 for minority-language students with up to 6 years of residence (they bring the
 *   residence card); the November student + guardian conference and its fixed topics (what the student
 *   succeeds with, challenges, how measures have worked, Vg1 screening); consent for adults; new
 *   important information goes to the department head; subject conversations by mid-November.
 * - seed 004 (the student conversation): relation, trust, expectations, goals, feedback, mastery,
 *   motivation; how things are at school and at home; what would help; part of formative assessment of
 *   academic development and "orden og oppførsel"; one-to-one in private; the duty to report.
 * - seeds 000/001 (the contact teacher's duties): registration form, school rules, absence rules,
 *   contact with the home, plans for the future.
 * - law L-01 (academic progress every half-year, social development) and L-02 (the parent conversation:
 *   how the student works, academic progress, social development, cooperation student–school–home).
 * Health is asked about only in general terms (L-42: keep health data out of free text).
 *
 * Data only, no logic: `key` is the template's builtinKey.
 */
import type { ConversationKind } from './tables.js';
import type { TemplateContent } from './schemas.js';

export interface BuiltinTemplate { key: string; kind: ConversationKind; content: TemplateContent }

export const builtinTemplates: BuiltinTemplate[] = [
  /* ── 1. Oppstartsamtale (August, seed 003) ── */
  {
    key: 'startOfYear',
    kind: 'startOfYear',
    content: {
      title: { nb: 'Oppstartsamtale', nn: 'Oppstartsamtale', en: 'Start-of-year conversation' },
      sections: [
        {
          key: 'start',
          title: { nb: 'Hvordan har starten vært?', nn: 'Korleis har starten vore?', en: 'How has the start been?' },
          helpText: {
            nb: 'Oppstartsamtalen skal bidra til å finne elever som strever, også blant dem som ikke er skjemaelever. Kommer det fram ny, viktig informasjon, noter den og marker det når du huker av samtalen – avdelingsleder skal informeres.',
            nn: 'Oppstartsamtalen skal hjelpe til med å finne elevar som strevar, også blant dei som ikkje er skjemaelevar. Kjem det fram ny, viktig informasjon, skriv eit notat og merk det av når du hukar av samtalen – avdelingsleiaren skal informerast.',
            en: 'The start-of-year conversation helps identify students who struggle, including those without registered accommodation needs. If new important information comes up, write a note and mark it when you check off the conversation – the department head must be informed.',
          },
          questions: [
            { key: 'firstWeeks', text: { nb: 'Hvordan har de første ukene vært?', nn: 'Korleis har dei første vekene vore?', en: 'How have the first weeks been?' } },
            { key: 'settlingIn', text: { nb: 'Trives du på skolen?', nn: 'Trivst du på skulen?', en: 'Are you settling in well at school?' } },
            { key: 'classEnvironment', text: { nb: 'Hvordan er det i klassen?', nn: 'Korleis er det i klassen?', en: 'What is it like in your class?' } },
            { key: 'friends', text: { nb: 'Har du noen å være sammen med på skolen og i friminuttene?', nn: 'Har du nokon å vere saman med på skulen og i friminutta?', en: 'Do you have someone to spend time with at school and during breaks?' } },
            { key: 'tellMe', text: { nb: 'Er det noe i klassen eller på skolen du vil at jeg skal vite om?', nn: 'Er det noko i klassen eller på skulen du vil at eg skal vite om?', en: 'Is there anything in your class or at school you would like me to know about?' } },
          ],
          rule: null,
        },
        {
          key: 'background',
          title: { nb: 'Bakgrunn og forventninger', nn: 'Bakgrunn og forventningar', en: 'Background and expectations' },
          questions: [
            { key: 'previousSchool', text: { nb: 'Hvordan hadde du det på skolen du gikk på før?', nn: 'Korleis hadde du det på skulen du gjekk på før?', en: 'How did you get on at your previous school?' } },
            { key: 'lookingForward', text: { nb: 'Hva gleder du deg til dette skoleåret?', nn: 'Kva gler du deg til dette skuleåret?', en: 'What are you looking forward to this school year?' } },
            { key: 'expectations', text: { nb: 'Hva forventer du av skoleåret, av skolen og av meg som kontaktlærer?', nn: 'Kva forventar du av skuleåret, av skulen og av meg som kontaktlærar?', en: 'What do you expect from this year, from the school and from me as your contact teacher?' } },
            { key: 'futurePlans', text: { nb: 'Har du tanker om hva du vil gjøre etter denne skolen?', nn: 'Har du tankar om kva du vil gjere etter denne skulen?', en: 'Do you have any thoughts about what you want to do after this school?' } },
          ],
          rule: null,
        },
        {
          key: 'learning',
          title: { nb: 'Læring og fag', nn: 'Læring og fag', en: 'Learning and subjects' },
          questions: [
            { key: 'learnBest', text: { nb: 'Hvordan lærer du best?', nn: 'Korleis lærer du best?', en: 'How do you learn best?' } },
            { key: 'subjectsLiked', text: { nb: 'Hvilke fag liker du best, og hvorfor?', nn: 'Kva fag likar du best, og kvifor?', en: 'Which subjects do you like best, and why?' } },
            { key: 'subjectsHard', text: { nb: 'Hvilke fag synes du er vanskelige?', nn: 'Kva fag synest du er vanskelege?', en: 'Which subjects do you find difficult?' } },
            { key: 'whatIsHard', text: { nb: 'Er noe vanskelig når du skal lære, for eksempel lesing, skriving, regning, konsentrasjon eller lekser?', nn: 'Er noko vanskeleg når du skal lære, til dømes lesing, skriving, rekning, konsentrasjon eller lekser?', en: 'Is anything hard when you learn, for example reading, writing, maths, concentrating or homework?' } },
            { key: 'workload', text: { nb: 'Hvordan håndterer du arbeidsmengden og fristene?', nn: 'Korleis taklar du arbeidsmengda og fristane?', en: 'How are you coping with the workload and deadlines?' } },
          ],
          rule: null,
        },
        {
          key: 'support',
          title: { nb: 'Behov for tilrettelegging', nn: 'Behov for tilrettelegging', en: 'Adaptation and support' },
          helpText: {
            nb: 'Se først om eleven er registrert som skjemaelev, og bygg på det som allerede er kjent. Noter nye behov; kontaktlærer sørger for at faglærerne får vite det de trenger.',
            nn: 'Sjå først om eleven er registrert som skjemaelev, og byggj på det som alt er kjent. Noter nye behov; kontaktlæraren syter for at faglærarane får vite det dei treng.',
            en: 'First check whether the student is registered with accommodation needs (skjemaelev) and build on what is already known. Note any new needs; the contact teacher makes sure the subject teachers are told what they need to know.',
          },
          questions: [
            { key: 'earlierSupport', text: { nb: 'Har du hatt tilrettelegging eller ekstra hjelp tidligere? Hva fungerte?', nn: 'Har du hatt tilrettelegging eller ekstra hjelp tidlegare? Kva fungerte?', en: 'Have you had adaptations or extra help before? What worked?' } },
            { key: 'needsNow', text: { nb: 'Trenger du noe for å kunne lære godt her?', nn: 'Treng du noko for å kunne lære godt her?', en: 'Do you need anything to be able to learn well here?' } },
            { key: 'teachersShouldKnow', text: { nb: 'Er det noe faglærerne dine bør vite?', nn: 'Er det noko faglærarane dine bør vite?', en: 'Is there anything your subject teachers should know?' } },
          ],
          rule: null,
        },
        {
          key: 'wellbeing',
          title: { nb: 'Helse og trivsel', nn: 'Helse og trivsel', en: 'Health and wellbeing' },
          helpText: {
            nb: 'Spør generelt. Eleven trenger ikke fortelle om diagnoser eller helseforhold. Ikke skriv helseopplysninger i notatet – noter bare hva skolen skal gjøre, for eksempel at eleven ønsker en samtale med skolehelsetjenesten.',
            nn: 'Spør generelt. Eleven treng ikkje fortelje om diagnosar eller helseforhold. Ikkje skriv helseopplysningar i notatet – noter berre kva skulen skal gjere, til dømes at eleven ønskjer ein samtale med skulehelsetenesta.',
            en: 'Ask in general terms. The student does not need to tell you about diagnoses or health matters. Do not write health information in the note – note only what the school will do, for example that the student would like to talk to the school health service.',
          },
          questions: [
            { key: 'howAreYou', text: { nb: 'Hvordan har du det for tiden, alt i alt?', nn: 'Korleis har du det for tida, alt i alt?', en: 'How are you doing at the moment, all in all?' } },
            { key: 'schoolShouldKnow', text: { nb: 'Er det noe skolen bør vite for å kunne legge til rette for deg?', nn: 'Er det noko skulen bør vite for å kunne leggje til rette for deg?', en: 'Is there anything the school should know in order to support you?' } },
            { key: 'schoolHealthService', text: { nb: 'Vil du at vi avtaler en samtale med skolehelsetjenesten?', nn: 'Vil du at vi avtaler ein samtale med skulehelsetenesta?', en: 'Would you like us to arrange a conversation with the school health service?' } },
          ],
          rule: null,
        },
        {
          key: 'goals',
          title: { nb: 'Mål for halvåret', nn: 'Mål for halvåret', en: 'Goals for the term' },
          questions: [
            { key: 'goals', text: { nb: 'Hva vil du få til dette halvåret?', nn: 'Kva vil du få til dette halvåret?', en: 'What do you want to achieve this term?' } },
            { key: 'howToReach', text: { nb: 'Hva må du gjøre for å nå målene dine?', nn: 'Kva må du gjere for å nå måla dine?', en: 'What do you need to do to reach your goals?' } },
            { key: 'schoolHelp', text: { nb: 'Hva kan jeg og skolen gjøre for å hjelpe deg?', nn: 'Kva kan eg og skulen gjere for å hjelpe deg?', en: 'What can the school and I do to help you?' } },
          ],
          rule: null,
        },
        {
          key: 'practical',
          title: { nb: 'Praktisk', nn: 'Praktisk', en: 'Practical matters' },
          helpText: {
            nb: 'Myndige elever (18 år eller eldre) bestemmer selv om foresatte skal få innsyn. Vil eleven det, fyller eleven ut den digitale samtykkeerklæringen. Den kan trekkes tilbake.',
            nn: 'Myndige elevar (18 år eller eldre) bestemmer sjølve om føresette skal få innsyn. Vil eleven det, fyller eleven ut den digitale samtykkeerklæringa. Ho kan trekkjast tilbake.',
            en: 'Adult students (18 or older) decide themselves whether their guardians get insight. If the student wants that, they fill in the digital consent form. Consent can be withdrawn.',
          },
          questions: [
            { key: 'contactInfo', text: { nb: 'Er kontaktinformasjonen til deg og dine foresatte riktig?', nn: 'Er kontaktinformasjonen til deg og dei føresette dine rett?', en: 'Is the contact information for you and your guardians correct?' } },
            { key: 'registrationForm', text: { nb: 'Har du levert registreringsskjemaet?', nn: 'Har du levert registreringsskjemaet?', en: 'Have you handed in the registration form?' } },
            { key: 'rules', text: { nb: 'Kjenner du ordensreglementet og reglene for fravær?', nn: 'Kjenner du ordensreglementet og reglane for fråvær?', en: 'Do you know the school rules and the rules on absence?' } },
            { key: 'information', text: { nb: 'Vet du hvor du finner beskjeder og informasjon fra skolen?', nn: 'Veit du kvar du finn beskjedar og informasjon frå skulen?', en: 'Do you know where to find messages and information from the school?' } },
            { key: 'guardianConsent', text: { nb: 'Hvis du er 18 år eller eldre: Vil du at foresatte skal få innsyn? I så fall fyller du ut samtykkeerklæringen.', nn: 'Viss du er 18 år eller eldre: Vil du at føresette skal få innsyn? I så fall fyller du ut samtykkeerklæringa.', en: 'If you are 18 or older: do you want your guardians to have insight? If so, you fill in the consent form.' } },
          ],
          rule: null,
        },
        {
          key: 'minorityLanguage',
          title: {
            nb: 'Side 2: Minoritetsspråklige elever med inntil 6 års botid',
            nn: 'Side 2: Minoritetsspråklege elevar med inntil 6 års butid',
            en: 'Page 2: Minority-language students with up to 6 years of residence',
          },
          helpText: {
            nb: 'Kontaktlærer fyller ut denne siden for minoritetsspråklige elever som har bodd inntil 6 år i Norge. Eleven tar med oppholdskortet til samtalen. Noter at kortet er sjekket og hvor lenge eleven har bodd i Norge – kortnummer og andre opplysninger fra kortet trengs ikke.',
            nn: 'Kontaktlæraren fyller ut denne sida for minoritetsspråklege elevar som har budd inntil 6 år i Noreg. Eleven tek med opphaldskortet til samtalen. Noter at kortet er sjekka og kor lenge eleven har budd i Noreg – kortnummer og andre opplysningar frå kortet trengst ikkje.',
            en: 'The contact teacher fills in this page for minority-language students who have lived in Norway for up to 6 years. The student brings their residence card to the conversation. Note that the card has been checked and how long the student has lived in Norway – the card number and other details from the card are not needed.',
          },
          questions: [
            { key: 'residenceCard', text: { nb: 'Har du med oppholdskortet? (Kontaktlærer sjekker kortet.)', nn: 'Har du med opphaldskortet? (Kontaktlæraren sjekkar kortet.)', en: 'Have you brought your residence card? (The contact teacher checks the card.)' } },
            { key: 'yearsOfResidence', text: { nb: 'Hvor lenge har du bodd i Norge?', nn: 'Kor lenge har du budd i Noreg?', en: 'How long have you lived in Norway?' } },
            { key: 'languages', text: { nb: 'Hvilke språk snakker du, og hvilket språk snakker dere hjemme?', nn: 'Kva språk snakkar du, og kva språk snakkar de heime?', en: 'Which languages do you speak, and which language do you speak at home?' } },
            { key: 'norwegian', text: { nb: 'Hvordan går det med norsken? Hva er lett, og hva er vanskelig?', nn: 'Korleis går det med norsken? Kva er lett, og kva er vanskeleg?', en: 'How is your Norwegian going? What is easy and what is hard?' } },
            { key: 'languageSupport', text: { nb: 'Trenger du hjelp med språket i fagene, for eksempel særskilt språkopplæring?', nn: 'Treng du hjelp med språket i faga, til dømes særskild språkopplæring?', en: 'Do you need help with the language in your subjects, for example special language tuition (særskilt språkopplæring)?' } },
            { key: 'previousSchooling', text: { nb: 'Hvor mange år har du gått på skole før, og i hvilke land?', nn: 'Kor mange år har du gått på skule før, og i kva land?', en: 'How many years have you been to school before, and in which countries?' } },
            { key: 'interpreter', text: { nb: 'Trenger familien din tolk eller informasjon på et annet språk når skolen tar kontakt?', nn: 'Treng familien din tolk eller informasjon på eit anna språk når skulen tek kontakt?', en: 'Does your family need an interpreter or information in another language when the school gets in touch?' } },
          ],
          rule: { kind: 'minorityLanguageResidence', maxYears: 6 },
        },
      ],
    },
  },

  /* ── 2. Elev- og foresattesamtale (November, seed 003 fixed topics; L-02) ── */
  {
    key: 'guardianConference',
    kind: 'guardian',
    content: {
      title: { nb: 'Elev- og foresattesamtale (november)', nn: 'Elev- og føresettesamtale (november)', en: 'Student and guardian conference (November)' },
      sections: [
        {
          key: 'succeedsBest',
          title: { nb: 'Det eleven lykkes best med', nn: 'Det eleven lukkast best med', en: 'What the student succeeds with best' },
          helpText: {
            nb: 'Samtalen handler om elevens totale utvikling og bygger på oppstartsamtalen og fagsamtalene – les notatene derfra før møtet. Eleven deltar hvis det ikke er grunn til noe annet. Er eleven 18 år eller eldre, må samtykkeerklæringen foreligge før foresatte deltar. For Vg2 og Vg3 kan samtalen holdes på Teams.',
            nn: 'Samtalen handlar om den samla utviklinga til eleven og byggjer på oppstartsamtalen og fagsamtalane – les notata derifrå før møtet. Eleven deltek om det ikkje er grunn til noko anna. Er eleven 18 år eller eldre, må samtykkeerklæringa liggje føre før føresette deltek. For Vg2 og Vg3 kan samtalen haldast på Teams.',
            en: 'The conference is about the student\'s overall development and builds on the start-of-year conversation and the subject conversations – read their notes before the meeting. The student takes part unless there is a reason not to. If the student is 18 or older, the consent form must be in place before guardians take part. For Vg2 and Vg3 the conference may be held on Teams.',
          },
          questions: [
            { key: 'soFar', text: { nb: 'Hva synes du at du har lykkes best med så langt i skoleåret?', nn: 'Kva synest du at du har lukkast best med så langt i skuleåret?', en: 'What do you think you have succeeded with best so far this school year?' } },
            { key: 'academic', text: { nb: 'Hvordan går det faglig? Hvilke fag går bra?', nn: 'Korleis går det fagleg? Kva fag går bra?', en: 'How are you doing academically? Which subjects are going well?' } },
            { key: 'workHabits', text: { nb: 'Hvordan jobber du i timene og med skolearbeidet ellers?', nn: 'Korleis arbeider du i timane og med skulearbeidet elles?', en: 'How do you work in lessons and with the rest of your schoolwork?' } },
            { key: 'social', text: { nb: 'Hvordan har du det sammen med de andre i klassen?', nn: 'Korleis har du det saman med dei andre i klassen?', en: 'How are things between you and the others in your class?' } },
          ],
          rule: null,
        },
        {
          key: 'challenges',
          title: { nb: 'Utfordringer', nn: 'Utfordringar', en: 'Challenges' },
          questions: [
            { key: 'difficult', text: { nb: 'Hva opplever du som vanskelig, faglig eller sosialt?', nn: 'Kva opplever du som vanskeleg, fagleg eller sosialt?', en: 'What do you find difficult, academically or socially?' } },
            { key: 'shouldKnow', text: { nb: 'Er det noe vi bør vite?', nn: 'Er det noko vi bør vite?', en: 'Is there anything we should know?' } },
            { key: 'guardiansView', text: { nb: 'Hvordan opplever foresatte at det går?', nn: 'Korleis opplever dei føresette at det går?', en: 'How do the guardians feel things are going?' } },
          ],
          rule: null,
        },
        {
          key: 'measures',
          title: { nb: 'Tiltak', nn: 'Tiltak', en: 'Measures' },
          helpText: {
            nb: 'Se tiltakene som er registrert på eleven.',
            nn: 'Sjå tiltaka som er registrerte på eleven.',
            en: 'See the measures registered for the student.',
          },
          questions: [
            { key: 'howWorked', text: { nb: 'Hvis tiltak er satt inn: Hvordan har de fungert?', nn: 'Viss tiltak er sette inn: Korleis har dei fungert?', en: 'If measures have been put in place: how have they worked?' } },
            { key: 'newMeasures', text: { nb: 'Bør det settes inn tiltak, eller bør noe endres?', nn: 'Bør det setjast inn tiltak, eller bør noko endrast?', en: 'Should measures be put in place, or should anything be changed?' } },
          ],
          rule: null,
        },
        {
          key: 'screening',
          title: { nb: 'Kartlegging (Vg1)', nn: 'Kartlegging (Vg1)', en: 'Screening (Vg1)' },
          helpText: {
            nb: 'Gå gjennom resultatene fra kartleggingen i norsk, engelsk og matematikk i september.',
            nn: 'Gå gjennom resultata frå kartlegginga i norsk, engelsk og matematikk i september.',
            en: 'Go through the results of the September screening in Norwegian, English and mathematics.',
          },
          questions: [
            { key: 'results', text: { nb: 'Hvordan var kartleggingsresultatene?', nn: 'Korleis var kartleggingsresultata?', en: 'How were the screening results?' } },
            { key: 'followUp', text: { nb: 'Er det noe som må følges opp?', nn: 'Er det noko som må følgjast opp?', en: 'Is there anything that needs to be followed up?' } },
          ],
          rule: { kind: 'level', levels: ['vg1'] },
        },
        {
          key: 'cooperation',
          title: { nb: 'Samarbeid mellom elev, skole og hjem', nn: 'Samarbeid mellom elev, skule og heim', en: 'Cooperation between student, school and home' },
          questions: [
            { key: 'howItWorks', text: { nb: 'Hvordan fungerer samarbeidet mellom deg, skolen og hjemmet?', nn: 'Korleis fungerer samarbeidet mellom deg, skulen og heimen?', en: 'How is the cooperation between you, the school and home working?' } },
            { key: 'homeSupport', text: { nb: 'Hvordan kan foresatte støtte deg i skolearbeidet?', nn: 'Korleis kan føresette støtte deg i skulearbeidet?', en: 'How can your guardians support you in your schoolwork?' } },
            { key: 'contact', text: { nb: 'Hvordan og hvor ofte ønsker dere kontakt med skolen?', nn: 'Korleis og kor ofte ønskjer de kontakt med skulen?', en: 'How and how often would you like to be in touch with the school?' } },
          ],
          rule: null,
        },
        {
          key: 'followUps',
          title: { nb: 'Avtalt oppfølging', nn: 'Avtalt oppfølging', en: 'Agreed follow-up' },
          helpText: {
            nb: 'Registrer hver avtale som en oppfølging med ansvarlig og frist. Kommer det fram ny, viktig informasjon, marker det når du huker av samtalen – avdelingsleder skal informeres.',
            nn: 'Registrer kvar avtale som ei oppfølging med ansvarleg og frist. Kjem det fram ny, viktig informasjon, merk det av når du hukar av samtalen – avdelingsleiaren skal informerast.',
            en: 'Record each agreement as a follow-up with a person responsible and a due date. If new important information comes up, mark it when you check off the conversation – the department head must be informed.',
          },
          questions: [
            { key: 'agreed', text: { nb: 'Hva er avtalt, hvem har ansvaret, og når skal det være gjort?', nn: 'Kva er avtalt, kven har ansvaret, og når skal det vere gjort?', en: 'What has been agreed, who is responsible, and by when?' } },
            { key: 'nextContact', text: { nb: 'Når tar vi kontakt igjen?', nn: 'Når tek vi kontakt igjen?', en: 'When will we be in touch again?' } },
          ],
          rule: null,
        },
      ],
    },
  },

  /* ── 3. Elevsamtale (seed 004; L-01) ── */
  {
    key: 'student',
    kind: 'student',
    content: {
      title: { nb: 'Elevsamtale', nn: 'Elevsamtale', en: 'Student conversation' },
      sections: [
        {
          key: 'wellbeing',
          title: { nb: 'Hvordan har du det?', nn: 'Korleis har du det?', en: 'How are you doing?' },
          helpText: {
            nb: 'Elevsamtalen skal bygge relasjon og tillit, avklare forventninger, sette nye mål, gi tilbakemelding, vise mestring og utvikling og motivere. Ha samtalen på tomannshånd i et eget rom. Lytt, og ikke vær redd for å spørre om vanskelige ting.',
            nn: 'Elevsamtalen skal byggje relasjon og tillit, avklare forventningar, setje nye mål, gi tilbakemelding, vise meistring og utvikling og motivere. Ha samtalen på tomannshand i eit eige rom. Lytt, og ver ikkje redd for å spørje om vanskelege ting.',
            en: 'The student conversation builds the relationship and trust, clarifies expectations, sets new goals, gives feedback, shows mastery and development, and motivates. Hold it one-to-one in a private room. Listen, and do not be afraid to ask about difficult things.',
          },
          questions: [
            { key: 'atSchool', text: { nb: 'Hvordan har du det på skolen?', nn: 'Korleis har du det på skulen?', en: 'How are things at school?' } },
            { key: 'atHome', text: { nb: 'Hvordan har du det hjemme?', nn: 'Korleis har du det heime?', en: 'How are things at home?' } },
            { key: 'inClass', text: { nb: 'Hvordan har du det sammen med de andre i klassen?', nn: 'Korleis har du det saman med dei andre i klassen?', en: 'How are things between you and the others in your class?' } },
            { key: 'bothering', text: { nb: 'Er det noe som plager deg, på skolen, hjemme eller på fritiden?', nn: 'Er det noko som plagar deg, på skulen, heime eller på fritida?', en: 'Is anything bothering you, at school, at home or in your free time?' } },
          ],
          rule: null,
        },
        {
          key: 'academic',
          title: { nb: 'Faglig utvikling', nn: 'Fagleg utvikling', en: 'Academic development' },
          helpText: {
            nb: 'Samtalen er en del av underveisvurderingen. Gå gjennom fagene ett for ett.',
            nn: 'Samtalen er ein del av undervegsvurderinga. Gå gjennom faga eitt for eitt.',
            en: 'The conversation is part of formative assessment. Go through the subjects one by one.',
          },
          questions: [
            { key: 'perSubject', text: { nb: 'Hvordan går det i hvert fag?', nn: 'Korleis går det i kvart fag?', en: 'How are things going in each subject?' } },
            { key: 'pleasedWith', text: { nb: 'Hva er du fornøyd med så langt?', nn: 'Kva er du nøgd med så langt?', en: 'What are you pleased with so far?' } },
            { key: 'wantToImprove', text: { nb: 'Hva vil du bli bedre på?', nn: 'Kva vil du bli betre på?', en: 'What do you want to get better at?' } },
            { key: 'needHelpWith', text: { nb: 'Hva trenger du hjelp med?', nn: 'Kva treng du hjelp med?', en: 'What do you need help with?' } },
          ],
          rule: null,
        },
        {
          key: 'conduct',
          title: { nb: 'Orden og oppførsel', nn: 'Orden og oppførsel', en: 'Order and conduct' },
          helpText: {
            nb: 'Underveisvurderingen i orden og oppførsel bygger på skolens ordensreglement.',
            nn: 'Undervegsvurderinga i orden og oppførsel byggjer på ordensreglementet til skulen.',
            en: 'Formative assessment in order and conduct is based on the school rules.',
          },
          questions: [
            { key: 'order', text: { nb: 'Hvordan går det med orden – å møte presis, ha med utstyr og holde frister?', nn: 'Korleis går det med orden – å møte presis, ha med utstyr og halde fristar?', en: 'How are you doing with order – arriving on time, bringing what you need and meeting deadlines?' } },
            { key: 'behaviour', text: { nb: 'Hvordan går det med oppførselen – hvordan du er mot andre, og om du følger reglene?', nn: 'Korleis går det med oppførselen – korleis du er mot andre, og om du følgjer reglane?', en: 'How are you doing with conduct – how you treat others, and whether you follow the rules?' } },
            { key: 'teacherFeedback', text: { nb: 'Hva er lærerens tilbakemelding på orden og oppførsel?', nn: 'Kva er tilbakemeldinga frå læraren på orden og oppførsel?', en: 'What is the teacher\'s feedback on order and conduct?' } },
          ],
          rule: null,
        },
        {
          key: 'goals',
          title: { nb: 'Mål og tilbakemelding', nn: 'Mål og tilbakemelding', en: 'Goals and feedback' },
          questions: [
            { key: 'previousGoals', text: { nb: 'Hvordan gikk det med målene fra forrige samtale?', nn: 'Korleis gjekk det med måla frå førre samtale?', en: 'How did it go with the goals from the last conversation?' } },
            { key: 'mastery', text: { nb: 'Hva mestrer du, og hva er neste steg?', nn: 'Kva meistrar du, og kva er neste steg?', en: 'What have you mastered, and what is the next step?' } },
            { key: 'motivation', text: { nb: 'Hva motiverer deg?', nn: 'Kva motiverer deg?', en: 'What motivates you?' } },
            { key: 'newGoals', text: { nb: 'Hvilke mål setter du deg fram til neste samtale?', nn: 'Kva mål set du deg fram til neste samtale?', en: 'What goals do you set yourself until the next conversation?' } },
            { key: 'expectations', text: { nb: 'Hva forventer vi av hverandre framover?', nn: 'Kva forventar vi av kvarandre framover?', en: 'What do we expect from each other from now on?' } },
          ],
          rule: null,
        },
        {
          key: 'help',
          title: { nb: 'Hva kan hjelpe deg?', nn: 'Kva kan hjelpe deg?', en: 'What would help you?' },
          helpText: {
            nb: 'Hør hva eleven mener kan hjelpe, og finn løsninger sammen.',
            nn: 'Høyr kva eleven meiner kan hjelpe, og finn løysingar saman.',
            en: 'Listen to what the student thinks would help, and find solutions together.',
          },
          questions: [
            { key: 'whatHelps', text: { nb: 'Hva tror du kan hjelpe deg?', nn: 'Kva trur du kan hjelpe deg?', en: 'What do you think would help you?' } },
            { key: 'teacherAndSchool', text: { nb: 'Hva kan læreren og skolen gjøre?', nn: 'Kva kan læraren og skulen gjere?', en: 'What can the teacher and the school do?' } },
            { key: 'yourself', text: { nb: 'Hva vil du gjøre selv?', nn: 'Kva vil du gjere sjølv?', en: 'What will you do yourself?' } },
          ],
          rule: null,
        },
        {
          key: 'other',
          title: { nb: 'Noe annet du vil ta opp?', nn: 'Noko anna du vil ta opp?', en: 'Anything else you want to raise?' },
          helpText: {
            nb: 'Eleven kan si fra hvis malen ikke tar opp det eleven vil snakke om. Læreren har taushetsplikt. Får du vite om rus, vold, overgrep eller annet som utløser meldeplikten, følg skolens rutine – du har selv plikt til å melde fra.',
            nn: 'Eleven kan seie frå viss malen ikkje tek opp det eleven vil snakke om. Læraren har teieplikt. Får du vite om rus, vald, overgrep eller anna som utløyser meldeplikta, følg rutinen til skulen – du har sjølv plikt til å melde frå.',
            en: 'The student can say if the template does not cover what they want to talk about. The teacher has a duty of confidentiality. If you learn of drugs, violence, abuse or anything else that triggers the duty to report, follow the school\'s procedure – you yourself have the duty to report.',
          },
          questions: [
            { key: 'anythingElse', text: { nb: 'Er det noe annet du vil snakke om?', nn: 'Er det noko anna du vil snakke om?', en: 'Is there anything else you want to talk about?' } },
            { key: 'guardianTopics', text: { nb: 'Hva vil du at vi skal ta opp i samtalen med foresatte?', nn: 'Kva vil du at vi skal ta opp i samtalen med føresette?', en: 'What would you like us to raise in the conversation with your guardians?' } },
            { key: 'missing', text: { nb: 'Er det noe du savnet i denne samtalen?', nn: 'Er det noko du sakna i denne samtalen?', en: 'Was there anything missing from this conversation?' } },
          ],
          rule: null,
        },
      ],
    },
  },

  /* ── 4. Fagsamtale (subject teacher, by mid-November, seed 003) ── */
  {
    key: 'subject',
    kind: 'subject',
    content: {
      title: { nb: 'Fagsamtale', nn: 'Fagsamtale', en: 'Subject conversation' },
      sections: [
        {
          key: 'development',
          title: { nb: 'Utviklingen din i faget', nn: 'Utviklinga di i faget', en: 'Your development in the subject' },
          helpText: {
            nb: 'Faglærer holder fagsamtalen innen midten av november. Den er en del av underveisvurderingen og et grunnlag for elev- og foresattesamtalen. Gi beskjed til kontaktlærer om forhold som må følges opp.',
            nn: 'Faglæraren held fagsamtalen innan midten av november. Samtalen er ein del av undervegsvurderinga og eit grunnlag for elev- og føresettesamtalen. Gi beskjed til kontaktlæraren om forhold som må følgjast opp.',
            en: 'The subject teacher holds the subject conversation by mid-November. It is part of formative assessment and a basis for the student and guardian conference. Tell the contact teacher about anything that needs following up.',
          },
          questions: [
            { key: 'soFar', text: { nb: 'Hvordan synes du det har gått i faget så langt?', nn: 'Korleis synest du det har gått i faget så langt?', en: 'How do you think the subject has gone so far?' } },
            { key: 'pleasedWith', text: { nb: 'Hva har du lært som du er fornøyd med?', nn: 'Kva har du lært som du er nøgd med?', en: 'What have you learned that you are pleased with?' } },
            { key: 'effort', text: { nb: 'Hvordan jobber du i timene og med oppgavene?', nn: 'Korleis arbeider du i timane og med oppgåvene?', en: 'How do you work in lessons and on assignments?' } },
          ],
          rule: null,
        },
        {
          key: 'mastery',
          title: { nb: 'Det du mestrer', nn: 'Det du meistrar', en: 'What you master' },
          questions: [
            { key: 'mastered', text: { nb: 'Hva mestrer du godt i faget?', nn: 'Kva meistrar du godt i faget?', en: 'What do you master well in the subject?' } },
            { key: 'teacherSees', text: { nb: 'Hva ser læreren at du får til?', nn: 'Kva ser læraren at du får til?', en: 'What does the teacher see that you do well?' } },
          ],
          rule: null,
        },
        {
          key: 'workOn',
          title: { nb: 'Det du bør jobbe med', nn: 'Det du bør arbeide med', en: 'What to work on' },
          questions: [
            { key: 'workOn', text: { nb: 'Hva bør du jobbe mer med?', nn: 'Kva bør du arbeide meir med?', en: 'What should you work more on?' } },
            { key: 'difficult', text: { nb: 'Hva synes du er vanskelig i faget?', nn: 'Kva synest du er vanskeleg i faget?', en: 'What do you find difficult in the subject?' } },
          ],
          rule: null,
        },
        {
          key: 'learning',
          title: { nb: 'Hvordan du lærer best', nn: 'Korleis du lærer best', en: 'How you learn best' },
          questions: [
            { key: 'bestWay', text: { nb: 'Hvordan lærer du best i dette faget?', nn: 'Korleis lærer du best i dette faget?', en: 'How do you learn best in this subject?' } },
            { key: 'teaching', text: { nb: 'Er det noe i undervisningen som kan gjøre det lettere for deg å lære?', nn: 'Er det noko i undervisninga som kan gjere det lettare for deg å lære?', en: 'Is there anything in the teaching that could make it easier for you to learn?' } },
          ],
          rule: null,
        },
        {
          key: 'nextSteps',
          title: { nb: 'Avtalte neste steg', nn: 'Avtalte neste steg', en: 'Agreed next steps' },
          questions: [
            { key: 'student', text: { nb: 'Hva gjør du fram til neste vurdering?', nn: 'Kva gjer du fram til neste vurdering?', en: 'What will you do until the next assessment?' } },
            { key: 'teacher', text: { nb: 'Hva gjør læreren?', nn: 'Kva gjer læraren?', en: 'What will the teacher do?' } },
            { key: 'contactTeacher', text: { nb: 'Er det noe kontaktlærer bør få vite?', nn: 'Er det noko kontaktlæraren bør få vite?', en: 'Is there anything the contact teacher should know?' } },
          ],
          rule: null,
        },
      ],
    },
  },

  /* ── 5. Samtale ved behov (ad hoc; seed 004 confidentiality and duty to report) ── */
  {
    key: 'adHoc',
    kind: 'adHoc',
    content: {
      title: { nb: 'Samtale ved behov', nn: 'Samtale ved behov', en: 'Conversation as needed' },
      sections: [
        {
          key: 'reason',
          title: { nb: 'Bakgrunn for samtalen', nn: 'Bakgrunn for samtalen', en: 'Reason for the conversation' },
          helpText: {
            nb: 'Ha samtalen på tomannshånd i et eget rom. Notatene er underlagt taushetsplikt: skriv bare det som trengs for oppfølgingen, og ikke helseopplysninger. Meldeplikt (opplysningsplikt): Får du grunn til å tro at en elev under 18 år blir utsatt for vold, overgrep eller alvorlig omsorgssvikt, har alvorlige rusproblemer, eller det gjelder annet som utløser meldeplikten, skal du selv melde fra til barnevernstjenesten uten ugrunnet opphold. Taushetsplikten er ikke til hinder, og meldingen skal ikke vente på noens godkjenning. Orienter rektor etter skolens rutine. Er noen i akutt fare, ring 112.',
            nn: 'Ha samtalen på tomannshand i eit eige rom. Notata er underlagde teieplikt: skriv berre det som trengst for oppfølginga, og ikkje helseopplysningar. Meldeplikt (opplysningsplikt): Får du grunn til å tru at ein elev under 18 år blir utsett for vald, overgrep eller alvorleg omsorgssvikt, har alvorlege rusproblem, eller det gjeld anna som utløyser meldeplikta, skal du sjølv melde frå til barnevernstenesta utan ugrunna opphald. Teieplikta er ikkje til hinder, og meldinga skal ikkje vente på godkjenning frå nokon. Orienter rektor etter rutinen til skulen. Er nokon i akutt fare, ring 112.',
            en: 'Hold the conversation one-to-one in a private room. The notes are confidential: write only what the follow-up needs, and no health information. Duty to report (meldeplikt/opplysningsplikt): if you have reason to believe that a student under 18 is exposed to violence, abuse or serious neglect, has serious drug problems, or anything else that triggers the duty to report, you must report it yourself to the child welfare service without undue delay. Confidentiality does not prevent this, and the report must not wait for anyone\'s approval. Inform the principal according to the school\'s procedure. If anyone is in immediate danger, call 112.',
          },
          questions: [
            { key: 'reason', text: { nb: 'Hva er bakgrunnen for samtalen?', nn: 'Kva er bakgrunnen for samtalen?', en: 'What is the reason for the conversation?' } },
            { key: 'initiative', text: { nb: 'Hvem tok initiativ til samtalen?', nn: 'Kven tok initiativ til samtalen?', en: 'Who asked for the conversation?' } },
          ],
          rule: null,
        },
        {
          key: 'studentView',
          title: { nb: 'Elevens syn', nn: 'Synet til eleven', en: 'The student\'s view' },
          questions: [
            { key: 'howYouSeeIt', text: { nb: 'Hvordan ser du på dette?', nn: 'Korleis ser du på dette?', en: 'How do you see this?' } },
            { key: 'whatHelps', text: { nb: 'Hva tror du kan hjelpe?', nn: 'Kva trur du kan hjelpe?', en: 'What do you think would help?' } },
            { key: 'anythingElse', text: { nb: 'Er det noe mer du vil fortelle?', nn: 'Er det noko meir du vil fortelje?', en: 'Is there anything more you want to tell me?' } },
          ],
          rule: null,
        },
        {
          key: 'followUp',
          title: { nb: 'Avtalt oppfølging', nn: 'Avtalt oppfølging', en: 'Agreed follow-up' },
          helpText: {
            nb: 'Registrer hver avtale som en oppfølging med ansvarlig og frist. Kommer det fram ny, viktig informasjon, marker det når du huker av samtalen – avdelingsleder skal informeres.',
            nn: 'Registrer kvar avtale som ei oppfølging med ansvarleg og frist. Kjem det fram ny, viktig informasjon, merk det av når du hukar av samtalen – avdelingsleiaren skal informerast.',
            en: 'Record each agreement as a follow-up with a person responsible and a due date. If new important information comes up, mark it when you check off the conversation – the department head must be informed.',
          },
          questions: [
            { key: 'agreed', text: { nb: 'Hva er avtalt, hvem har ansvaret, og når skal det være gjort?', nn: 'Kva er avtalt, kven har ansvaret, og når skal det vere gjort?', en: 'What has been agreed, who is responsible, and by when?' } },
            { key: 'whoIsTold', text: { nb: 'Hvem andre skal få vite om dette?', nn: 'Kven andre skal få vite om dette?', en: 'Who else should be told about this?' } },
            { key: 'nextTalk', text: { nb: 'Når snakker vi sammen igjen?', nn: 'Når snakkar vi saman igjen?', en: 'When will we talk again?' } },
          ],
          rule: null,
        },
      ],
    },
  },
];
