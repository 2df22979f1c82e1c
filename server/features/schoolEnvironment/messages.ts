/** Server texts of school-environment cases (R-70; L-33, L-34). Same keys in nb, nn and en. */
const nb = {
  'schoolEnvironment.staffNotAtSchool': 'Den ansatte må arbeide ved elevens skole.',
  'schoolEnvironment.reportAboutSelf': 'Du kan ikke melde en sak om deg selv her. Snakk med rektor eller skoleeier.',
  'schoolEnvironment.evaluateBeforeStart': 'Evalueringsdatoen kan ikke være før tiltaket starter.',
  'schoolEnvironment.endsBeforeStart': 'Sluttdatoen kan ikke være før startdatoen.',
  'schoolEnvironment.unknownMeasure': 'Tiltaket finnes ikke i aktivitetsplanen.',
  'schoolEnvironment.inFuture': 'Datoen kan ikke være fram i tid.',
  'schoolEnvironment.participantConcerned': 'Saken gjelder denne ansatte. Hen kan ikke delta i saken.',
  'schoolEnvironment.closed': 'Saken er avsluttet.',
  'schoolEnvironment.alreadyEscalated': 'Saken er allerede meldt til skoleeier.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'schoolEnvironment.staffNotAtSchool': 'Den tilsette må arbeide ved skulen til eleven.',
  'schoolEnvironment.reportAboutSelf': 'Du kan ikkje melde ei sak om deg sjølv her. Snakk med rektor eller skuleeigar.',
  'schoolEnvironment.evaluateBeforeStart': 'Evalueringsdatoen kan ikkje vere før tiltaket startar.',
  'schoolEnvironment.endsBeforeStart': 'Sluttdatoen kan ikkje vere før startdatoen.',
  'schoolEnvironment.unknownMeasure': 'Tiltaket finst ikkje i aktivitetsplanen.',
  'schoolEnvironment.inFuture': 'Datoen kan ikkje vere fram i tid.',
  'schoolEnvironment.participantConcerned': 'Saka gjeld denne tilsette. Vedkomande kan ikkje vere med i saka.',
  'schoolEnvironment.closed': 'Saka er avslutta.',
  'schoolEnvironment.alreadyEscalated': 'Saka er alt meld til skuleeigar.',
};
const en: Record<Keys, string> = {
  'schoolEnvironment.staffNotAtSchool': "The staff member must work at the student's school.",
  'schoolEnvironment.reportAboutSelf': 'You cannot report a case about yourself here. Talk to the principal or the school owner.',
  'schoolEnvironment.evaluateBeforeStart': 'The evaluation date cannot be before the measure starts.',
  'schoolEnvironment.endsBeforeStart': 'The end date cannot be before the start date.',
  'schoolEnvironment.unknownMeasure': 'The measure is not in the activity plan.',
  'schoolEnvironment.inFuture': 'The date cannot be in the future.',
  'schoolEnvironment.participantConcerned': 'The case is about this staff member. They cannot take part in it.',
  'schoolEnvironment.closed': 'The case is closed.',
  'schoolEnvironment.alreadyEscalated': 'The case has already been sent to the school owner.',
};
export const schoolEnvironmentMessages = { nb, nn, en };
