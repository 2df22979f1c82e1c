import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery, meQueryKey, saveLocale } from '../auth/session';
import { applyLocale, currentLocale, isLocale, localeNames, locales } from './i18n';

export function LanguagePicker() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Read-only view of the session: the picker must not itself trigger a /api/me call on /login.
  const { data: me } = useQuery({ ...meQuery, enabled: false });

  async function choose(value: string) {
    if (!isLocale(value)) return;
    await applyLocale(value);
    if (me) await saveLocale(queryClient, value).catch(() => undefined);
    // Reasons, titles and error texts come localised from the server: fetch them again in the new language.
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  }

  return (
    <Field className="language-picker" data-size="sm">
      <Label>{t('shell.language')}</Label>
      <Select width="auto" value={currentLocale()} onChange={(e) => void choose(e.target.value)}>
        {locales.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {localeNames[l]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
