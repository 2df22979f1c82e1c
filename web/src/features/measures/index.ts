/** Measures (tiltak, R-55): a section of the student's record and one of the home page, with no pages of their own. */
import type { WebFeature } from '../../core/feature';
import { measuresEn, measuresNb, measuresNn } from './i18n';

export const measuresFeature = {
  routes: [],
  texts: { nb: { measures: measuresNb }, nn: { measures: measuresNn }, en: { measures: measuresEn } },
} satisfies WebFeature;

export { MeasuresSection } from './MeasuresSection';
export { OverdueMeasures } from './OverdueMeasures';
// the form a case (sak) proposes a measure with (R-55 with R-53)
export { MeasureForm, type MeasureValues } from './MeasureForms';
