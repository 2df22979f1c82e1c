/**
 * The import and sync (issue 13), the school admin's: upload the school's files (the CSV set or a
 * OneRoster zip), read the preview and the errors, apply or cancel, follow the progress and the log;
 * the templates; the FINT connection and the nightly sync.
 */
import type { WebFeature } from '../../core/feature';
import { rosterImportEn, rosterImportNb, rosterImportNn } from './i18n';
import { rosterImportSettingsEn, rosterImportSettingsNb, rosterImportSettingsNn } from './settingsTexts';
import { RosterImportNavItems } from './NavItems';
import { rosterImportRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './rosterImport.css';

export const rosterImportFeature = {
  routes: rosterImportRoutes,
  nav: [{ order: 193, Items: RosterImportNavItems }],
  texts: {
    nb: { rosterImport: { ...rosterImportNb, settings: rosterImportSettingsNb } },
    nn: { rosterImport: { ...rosterImportNn, settings: rosterImportSettingsNn } },
    en: { rosterImport: { ...rosterImportEn, settings: rosterImportSettingsEn } },
  },
} satisfies WebFeature;
