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
];
