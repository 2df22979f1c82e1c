/** Class life: the class hour, the start of the year, class rules, representatives, the duty rota. */
import type { WebFeature } from '../../core/feature';
import { classLifeEn, classLifeNb, classLifeNn } from './i18n';
import { ClassLifeNavItems } from './NavItems';
import { classLifeRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './classLife.css';

export const classLifeFeature = {
  routes: classLifeRoutes,
  nav: [{ order: 130, Items: ClassLifeNavItems }],
  texts: { nb: { classLife: classLifeNb }, nn: { classLife: classLifeNn }, en: { classLife: classLifeEn } },
  // the labels live in this feature's texts
  classSections: [
    { segment: 'class-hour', forStudents: true, labelKey: 'classLife.sections.classHour', group: 'classLife', order: 10 },
    { segment: 'start-of-year', labelKey: 'classLife.sections.startOfYear', group: 'classLife', order: 20 },
    { segment: 'class-rules', forStudents: true, labelKey: 'classLife.sections.classRules', group: 'classLife', order: 30 },
    { segment: 'representatives', forStudents: true, labelKey: 'classLife.sections.representatives', group: 'classLife', order: 40 },
    { segment: 'duty-rota', forStudents: true, labelKey: 'classLife.sections.dutyRota', group: 'classLife', order: 50 },
  ],
} satisfies WebFeature;
