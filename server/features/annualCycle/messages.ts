/**
 * Server texts of the annual cycle (R-30…R-33).
 * Same keys in nb, nn and en.
 */
const nb = {
  'annualCycle.windowOrder': 'Perioden kan ikke slutte før den begynner ({opensOn}).',
  'annualCycle.outsideYear': 'Datoen må ligge i skoleåret ({startsOn}–{endsOn}).',
  'annualCycle.evidenceNotForScope': 'Dette beviset kan ikke vise at oppgaven er gjort for «{scope}».',
  'annualCycle.paramRequired': 'Velg {param}.',
  'annualCycle.paramNotAllowed': 'Dette beviset tar ingen parameter.',
  'annualCycle.paramInvalid': 'Ugyldig verdi; velg en av: {values}.',
  'annualCycle.excludeAdultsScope': 'Bare oppgaver om hver elev kan gjelde elever under 18 år.',
  'annualCycle.titleRequired': 'Skriv en tittel på bokmål og nynorsk.',
  'annualCycle.alreadyExists': 'Skoleåret har allerede et årshjul.',
  'annualCycle.noCycle': 'Skoleåret har ikke noe årshjul å kopiere.',
  'annualCycle.sameYear': 'Velg et annet skoleår enn det du kopierer fra.',
  'annualCycle.notHandTicked': 'Denne rutinen har data bak seg og krysses ikke av for hånd: oppgaven er gjort når dataene finnes.',
  'annualCycle.notYourTask': 'Du er ikke ansvarlig for denne oppgaven.',
  'annualCycle.digest.subject': 'Elevlos: {count, plural, one {# forfalt oppgave} other {# forfalte oppgaver}} i årshjulet',
  'annualCycle.digest.body': 'Hei {name}!\n\nDu har {count, plural, one {# forfalt oppgave} other {# forfalte oppgaver}} i årshjulet:\n{lines}\n\nSe dem her (du må logge inn): {link}\n\nDu kan slå av denne ukentlige e-posten på siden over.\nDenne e-posten er sendt automatisk og kan ikke besvares.',
};

type Messages = Record<keyof typeof nb, string>;

const nn: Messages = {
  'annualCycle.windowOrder': 'Perioden kan ikkje slutte før han byrjar ({opensOn}).',
  'annualCycle.outsideYear': 'Datoen må liggje i skuleåret ({startsOn}–{endsOn}).',
  'annualCycle.evidenceNotForScope': 'Dette provet kan ikkje vise at oppgåva er gjord for «{scope}».',
  'annualCycle.paramRequired': 'Vel {param}.',
  'annualCycle.paramNotAllowed': 'Dette provet tek ingen parameter.',
  'annualCycle.paramInvalid': 'Ugyldig verdi; vel ein av: {values}.',
  'annualCycle.excludeAdultsScope': 'Berre oppgåver om kvar elev kan gjelde elevar under 18 år.',
  'annualCycle.titleRequired': 'Skriv ein tittel på bokmål og nynorsk.',
  'annualCycle.alreadyExists': 'Skuleåret har alt eit årshjul.',
  'annualCycle.noCycle': 'Skuleåret har ikkje noko årshjul å kopiere.',
  'annualCycle.sameYear': 'Vel eit anna skuleår enn det du kopierer frå.',
  'annualCycle.notHandTicked': 'Denne rutinen har data bak seg og blir ikkje kryssa av for hand: oppgåva er gjord når dataa finst.',
  'annualCycle.notYourTask': 'Du er ikkje ansvarleg for denne oppgåva.',
  'annualCycle.digest.subject': 'Elevlos: {count, plural, one {# forfallen oppgåve} other {# forfalne oppgåver}} i årshjulet',
  'annualCycle.digest.body': 'Hei {name}!\n\nDu har {count, plural, one {# forfallen oppgåve} other {# forfalne oppgåver}} i årshjulet:\n{lines}\n\nSjå dei her (du må logge inn): {link}\n\nDu kan slå av denne vekentlege e-posten på sida over.\nDenne e-posten er send automatisk og kan ikkje svarast på.',
};

const en: Messages = {
  'annualCycle.windowOrder': 'The window cannot end before it starts ({opensOn}).',
  'annualCycle.outsideYear': 'The date must be within the school year ({startsOn}–{endsOn}).',
  'annualCycle.evidenceNotForScope': 'This evidence cannot show the task is done for "{scope}".',
  'annualCycle.paramRequired': 'Choose the {param}.',
  'annualCycle.paramNotAllowed': 'This evidence takes no parameter.',
  'annualCycle.paramInvalid': 'Not a valid value; choose one of: {values}.',
  'annualCycle.excludeAdultsScope': 'Only tasks about each student can be limited to students under 18.',
  'annualCycle.titleRequired': 'Write a title in bokmål and nynorsk.',
  'annualCycle.alreadyExists': 'The school year already has an annual cycle.',
  'annualCycle.noCycle': 'That school year has no annual cycle to copy.',
  'annualCycle.sameYear': 'Choose another school year than the one you copy from.',
  'annualCycle.notHandTicked': 'This routine has data behind it and is not ticked by hand: the task is done when the data exists.',
  'annualCycle.notYourTask': 'You are not responsible for this task.',
  'annualCycle.digest.subject': 'Elevlos: {count, plural, one {# overdue task} other {# overdue tasks}} in the annual cycle',
  'annualCycle.digest.body': 'Hello {name},\n\nYou have {count, plural, one {# overdue task} other {# overdue tasks}} in the annual cycle:\n{lines}\n\nSee them here (log in first): {link}\n\nYou can turn off this weekly e-mail on that page.\nThis e-mail was sent automatically; please do not reply.',
};

export const annualCycleMessages = { nb, nn, en };
