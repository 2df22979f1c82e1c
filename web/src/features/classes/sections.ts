/**
 * The class's own pages, shown as one sub-menu on every page under /classes/:id (ClassSectionNav),
 * so the main menu keeps one entry per class. A feature with a class page adds one line here.
 * `labelKey` is an i18n key; `group` orders the menu: following up students first, then the class's life.
 */
export type ClassSectionGroup = 'followUp' | 'classLife' | 'routines';

export interface ClassSection {
  /** Path under /classes/$basisGroupId; '' is the class overview. */
  readonly segment: string;
  readonly labelKey: string;
  readonly group: ClassSectionGroup;
  /** the class's own students may open it too (class life they take part in); else staff only */
  readonly forStudents?: true;
}

export const classSections: readonly ClassSection[] = [
  { segment: '', labelKey: 'classSections.overview', group: 'followUp' },
  { segment: 'conversations', labelKey: 'classSections.conversations', group: 'followUp' },
  { segment: 'guardian-conferences', labelKey: 'classSections.guardianConferences', group: 'followUp' },
  { segment: 'absence', labelKey: 'classSections.absence', group: 'followUp' },
  { segment: 'formative', labelKey: 'classSections.formative', group: 'followUp' },
  { segment: 'warnings', labelKey: 'classSections.warnings', group: 'followUp' },
  { segment: 'conduct', labelKey: 'classSections.conduct', group: 'followUp' },
  { segment: 'grade-preparation', labelKey: 'classSections.gradePreparation', group: 'followUp' },
  // class life; the labels live in the classLife feature's i18n
  { segment: 'class-hour', forStudents: true, labelKey: 'classLife.sections.classHour', group: 'classLife' },
  { segment: 'start-of-year', labelKey: 'classLife.sections.startOfYear', group: 'classLife' },
  { segment: 'class-rules', forStudents: true, labelKey: 'classLife.sections.classRules', group: 'classLife' },
  { segment: 'representatives', forStudents: true, labelKey: 'classLife.sections.representatives', group: 'classLife' },
  { segment: 'duty-rota', forStudents: true, labelKey: 'classLife.sections.dutyRota', group: 'classLife' },
  { segment: 'assessment-plan', labelKey: 'assessmentPlan.classSection', group: 'classLife' },
  // R-30 (helper studentForms): labels live in each feature's i18n
  { segment: 'accommodation-needs', labelKey: 'accommodationNeeds.classSection', group: 'followUp' },
  { segment: 'forms', labelKey: 'forms.classSection', group: 'routines' },
  { segment: 'parent-meetings', labelKey: 'parentMeeting.classSection', group: 'routines' },
  // the annual cycle's tasks for the class (R-30…R-33); the label lives in the annualCycle feature's i18n
  { segment: 'routines', labelKey: 'annualCycle.sections.routines', group: 'routines' },
];
