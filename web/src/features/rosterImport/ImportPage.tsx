import {
  Button, Details, EXPERIMENTAL_FileUpload as FileUpload, Field, Heading, Label, Link, Paragraph, Table, Tag, ValidationMessage,
} from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  importsQuery, pick, templatesQuery, templateUrl, templatesZipUrl, useUpload, type ImportSummary, type Picked, type Templates,
} from './api';
import { StatusTag } from './parts';
import { UnsavedGuard, leaveAfterSave } from '../../core/ui/UnsavedGuard';

/** The school admin's import page: upload the files, the history of imports, the templates of the CSV set. */
export function ImportPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(importsQuery);
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('rosterImport.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('rosterImport.intro')}</Paragraph>
      <UploadForm />
      <History imports={data.imports} />
      <TemplatesSection />
      <Paragraph>
        <AppLink to="/admin/import/fint">{t('rosterImport.scheduleLink')}</AppLink>
      </Paragraph>
    </div>
  );
}

/** The files chosen, and what the server will read them as (the same rule as adapters/index.ts). */
function PickedText({ picked }: { picked: Exclude<Picked, { kind: 'other' }> }) {
  const { t } = useTranslation();
  const files = picked.kind === 'zip' ? [picked.file] : picked.files;
  const readAs = picked.kind === 'csv' || picked.readAs === 'csvSet' ? 'readAsCsvSet' : picked.readAs === 'oneRoster' ? 'readAsOneRoster' : 'readAsUnknown';
  return (
    <>
      {t('rosterImport.upload.picked', { count: files.length, names: files.map((f) => f.name).join(', ') })}{' '}
      {t(`rosterImport.upload.${readAs}`)}
    </>
  );
}

/** A zip or CSV files, by the picker or dropped on it; said back what it will be read as, then sent. */
function UploadForm() {
  const { t } = useTranslation();
  const uid = useId();
  const me = useMe();
  const navigate = useNavigate();
  const upload = useUpload(me.csrfToken ?? '');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [error, setError] = useState('');
  const [uploaded, setUploaded] = useState(false);
  async function onPick(e: ChangeEvent<HTMLInputElement>) {
    setError('');
    upload.reset();
    const p = await pick([...(e.target.files ?? [])]);
    setPicked(p);
    if (p?.kind === 'other') setError(t('rosterImport.upload.wrongType', { name: p.file.name }));
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked) return setError(t('rosterImport.upload.none'));
    if (picked.kind === 'other') return setError(t('rosterImport.upload.wrongType', { name: picked.file.name }));
    try {
      const { id } = await upload.mutateAsync(picked);
      leaveAfterSave(() => setUploaded(true), () => navigate({ to: '/admin/import/$importId', params: { importId: id } }));
    } catch {
      // the failure is shown below the form (upload.error)
    }
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.upload.heading')}</Heading>
      <form onSubmit={submit} noValidate className="stack">
        <UnsavedGuard dirty={picked !== null && picked.kind !== 'other' && !uploaded && !upload.isPending} />
        <Field>
          <Label htmlFor={`${uid}-files`}>{t('rosterImport.upload.label')}</Label>
          <Field.Description>{t('rosterImport.upload.help')}</Field.Description>
          <FileUpload className="import-drop">
            <Field.Description>{t('rosterImport.upload.drop')}</Field.Description>
            <Button asChild variant="secondary">
              <span>{t('rosterImport.upload.choose')}</span>
            </Button>
            <input id={`${uid}-files`} type="file" multiple accept=".zip,.csv,.txt,application/zip,text/csv" aria-invalid={error ? true : undefined}
              onChange={(e) => void onPick(e)} />
          </FileUpload>
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
        <Paragraph role="status" data-size="sm">{picked && picked.kind !== 'other' ? <PickedText picked={picked} /> : null}</Paragraph>
        {upload.error && <ErrorAlert error={upload.error} />}
        <div><Button type="submit" loading={upload.isPending}>{t('rosterImport.upload.submit')}</Button></div>
      </form>
    </section>
  );
}

function History({ imports }: { imports: readonly ImportSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const resultOf = (i: ImportSummary) => [
    i.written ? t('rosterImport.history.written', i.written) : '',
    i.errorCount > 0 ? t('rosterImport.history.errors', { count: i.errorCount }) : '',
  ].filter(Boolean).join(' · ');
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.history.heading')}</Heading>
      {imports.length === 0 ? <Paragraph>{t('rosterImport.history.none')}</Paragraph> : (
        <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
          <Table data-size="sm" className="import-history">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('rosterImport.history.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.history.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.history.source')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.history.by')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.history.result')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {imports.map((i) => (
                <Table.Row key={i.id}>
                  <Table.HeaderCell scope="row" className="nowrap">
                    <AppLink to="/admin/import/$importId" params={{ importId: i.id }}>{format.dateTime(i.createdAt)}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell><StatusTag status={i.status} /></Table.Cell>
                  <Table.Cell>{t(`rosterImport.source.${i.source}`)}</Table.Cell>
                  <Table.Cell>{i.createdBy ?? t('rosterImport.history.automatic')}</Table.Cell>
                  <Table.Cell>{resultOf(i)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

type Lang = 'nb' | 'nn' | 'en';
const langOf = (l: string): Lang => (l === 'nn' || l === 'en' ? l : 'nb');

/** The templates to download in bokmål or nynorsk, and what each column holds. */
function TemplatesSection() {
  const { t, i18n } = useTranslation();
  const { data } = useSuspenseQuery(templatesQuery);
  const uid = useId();
  const lang = langOf(i18n.language);
  const langName = (l: 'nb' | 'nn') => t(`rosterImport.templates.${l}`);
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.templates.heading')}</Heading>
      <Paragraph>{t('rosterImport.templates.intro')}</Paragraph>
      <Paragraph className="button-row">
        <span>{t('rosterImport.templates.all')}</span>
        {(['nb', 'nn'] as const).map((l) => (
          <Link key={l} href={templatesZipUrl(l)} download aria-label={t('rosterImport.templates.allFor', { lang: langName(l) })}>{langName(l)}</Link>
        ))}
      </Paragraph>
      <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('rosterImport.templates.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rosterImport.templates.download')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.templates.map((tm) => (
              <Table.Row key={tm.kind}>
                <Table.HeaderCell scope="row">{tm.title[lang]}</Table.HeaderCell>
                <Table.Cell>
                  <span className="button-row import-downloads">
                    {(['nb', 'nn'] as const).map((l) => (
                      <Link key={l} href={templateUrl(tm.kind, l)} download={`${tm.file[l]}.csv`}
                        aria-label={t('rosterImport.templates.downloadFor', { title: tm.title[lang], lang: langName(l) })}>
                        {langName(l)}
                      </Link>
                    ))}
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Columns templates={data.templates} lang={lang} />
    </section>
  );
}

function Columns({ templates, lang }: { templates: Templates['templates']; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Details data-size="sm">
      <Details.Summary>{t('rosterImport.templates.columns')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          {templates.map((tm) => (
            <section key={tm.kind} className="stack import-columns">
              <Heading level={3} data-size="2xs">{t('rosterImport.templates.columnsFor', { title: tm.title[lang] })}</Heading>
              <ul>
                {tm.columns.map((c) => (
                  <li key={c.headers.nb}>
                    <strong>{c.headers[lang]}</strong>{c.required ? ` ${t('rosterImport.templates.requiredColumn')}` : ''}: {c.help[lang]}
                    {c.example ? <span className="muted"> {t('rosterImport.templates.example', { value: c.example })}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Details.Content>
    </Details>
  );
}
