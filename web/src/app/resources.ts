/**
 * All UI texts: core's dictionaries plus every feature's namespaces (each feature keeps its words in its
 * own folder and names them in its description), merged into one dictionary per language.
 */
import type { FeatureTexts } from '../core/feature';
import { en } from '../core/i18n/en';
import { nb, type Messages } from '../core/i18n/nb';
import { nn } from '../core/i18n/nn';
import { features, type AppFeature } from './features';

type Language = keyof FeatureTexts;

/** A feature's namespaces (`{ absence: {...} }`), or nothing for a feature without texts of its own. */
type NamespacesOf<F> = F extends { readonly texts: { readonly nb: infer N } } ? N : never;
/** `A | B` → `A & B`: every feature's namespaces side by side in one dictionary. */
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (m: infer M) => void ? M : never;

export type AllMessages = Messages & Merged<NamespacesOf<AppFeature>>;

function dictionary(core: Messages, language: Language): AllMessages {
  const merged: Record<string, unknown> = { ...core };
  for (const feature of features) {
    if (!('texts' in feature)) continue;
    for (const [namespace, block] of Object.entries(feature.texts[language])) {
      // Two owners of one key would hide one's texts behind the other's without a word.
      if (namespace in merged) throw new Error(`The text namespace "${namespace}" is defined twice (${language})`);
      merged[namespace] = block;
    }
  }
  // The merge is what the type says: core's keys plus each feature's namespaces, checked above to be distinct.
  return merged as AllMessages;
}

export const resources = {
  nb: { translation: dictionary(nb, 'nb') },
  nn: { translation: dictionary(nn, 'nn') },
  en: { translation: dictionary(en, 'en') },
};
