import { Alert, Button, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../core/auth/session';
import { AppLink } from '../../../core/ui/AppLink';
import { PageHeading } from '../../../core/ui/PageHeading';
import { localized, type TemplateDetail, type TemplateVersion } from '../types';
import { templateQuery, templateVersionQuery, useCreateTemplate, useNewTemplateVersion } from './api';
import { usePlanDates } from './dates';
import { kindLabel, useRuleText } from './labels';
import { TemplateEditor, toValues } from './TemplateEditor';
import { templateManagers } from './TemplatesPage';

const looksLikeId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(s);

export function TemplatePage({ templateId, versionId, edit }: { templateId: string; versionId?: string; edit: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(templateQuery(templateId));
  const canManage = hasRole(me, ...templateManagers);
  const save = useNewTemplateVersion(templateId);
  const [saved, setSaved] = useState('');
  const title = localized(data.current.title, i18n.language);

  if (edit && canManage) {
    return (
      <div className="stack">
        <div>
          <PageHeading title={t('conversations.plan.templates.editTitle', { title })} />
          <Paragraph className="muted">
            {t('conversations.plan.templates.editSubtitle', { kind: kindLabel(t, data.kind), version: data.currentVersion + 1 })}
          </Paragraph>
        </div>
        <TemplateEditor
          mode="version"
          initial={toValues(data.kind, data.current)}
          onSave={async ({ title: newTitle, sections }) => {
            const detail = await save.mutateAsync({ title: newTitle, sections });
            setSaved(t('conversations.plan.templates.versionSaved', { version: detail.currentVersion }));
            await navigate({ to: '/conversation-templates/$templateId', params: { templateId }, search: {} });
          }}
          onCancel={() => void navigate({ to: '/conversation-templates/$templateId', params: { templateId }, search: {} })}
        />
      </div>
    );
  }

  const oldVersionId = versionId && versionId !== data.currentVersionId ? versionId : undefined;

  return (
    <div className="stack">
      <div>
        <PageHeading title={title} />
        <Paragraph className="muted plan-template-meta">
          {kindLabel(t, data.kind)} · {t('conversations.plan.templates.versionN', { version: data.currentVersion })}
          {data.builtinKey && (
            <Tag data-color="info" data-size="sm" title={t('conversations.plan.templates.builtinHelp')}>
              {t('conversations.plan.templates.builtin')}
            </Tag>
          )}
          {data.archived && (
            <Tag data-color="neutral" data-size="sm" variant="outline">
              {t('conversations.plan.templates.archived')}
            </Tag>
          )}
        </Paragraph>
      </div>
      <Paragraph>
        <AppLink to="/conversation-templates">{t('conversations.plan.templates.back')}</AppLink>
      </Paragraph>
      <Paragraph role="status" className="status-message">
        {saved}
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.plan.templates.keepsVersion')}
      </Paragraph>
      {canManage && !oldVersionId && (
        <div className="button-row">
          <Button asChild>
            <Link to="/conversation-templates/$templateId" params={{ templateId }} search={{ edit: true }}>
              {t('conversations.plan.templates.newVersion')}
            </Link>
          </Button>
        </div>
      )}

      <div className="record-grid">
        <div className="stack">
          {oldVersionId ? <OldVersion detail={data} versionId={oldVersionId} /> : <VersionContent version={data.current} />}
        </div>
        <History detail={data} shownId={oldVersionId ?? data.currentVersionId} />
      </div>
    </div>
  );
}

function OldVersion({ detail, versionId }: { detail: TemplateDetail; versionId: string }) {
  const { t, i18n } = useTranslation();
  const dates = usePlanDates();
  const { data } = useSuspenseQuery(templateVersionQuery(versionId));
  return (
    <>
      <Alert data-color="info">
        <Paragraph>
          {t('conversations.plan.templates.oldVersion', {
            version: data.version,
            date: dates.long(data.createdAt),
            current: detail.currentVersion,
          })}{' '}
          <AppLink to="/conversation-templates/$templateId" params={{ templateId: detail.id }} search={{}}>
            {t('conversations.plan.templates.showCurrent')}
          </AppLink>
        </Paragraph>
      </Alert>
      {localized(data.title, i18n.language) !== localized(detail.current.title, i18n.language) && (
        <Paragraph>
          {t('conversations.plan.templates.oldTitle', { title: localized(data.title, i18n.language) })}
        </Paragraph>
      )}
      <VersionContent version={data} />
    </>
  );
}

/** The sections of one version as a teacher will meet them in the conversation. */
export function VersionContent({ version }: { version: Pick<TemplateVersion, 'sections' | 'version'> }) {
  const { t, i18n } = useTranslation();
  const ruleText = useRuleText();
  return (
    <section aria-labelledby="tpl-sections" className="stack">
      <Heading level={2} data-size="sm" id="tpl-sections">
        {t('conversations.plan.templates.contentOf', { version: version.version })}
      </Heading>
      <ol className="plan-sections">
        {version.sections.map((s) => (
          <li key={s.key} className="panel">
            <Heading level={3} data-size="xs">
              {localized(s.title, i18n.language)}
            </Heading>
            {s.rule ? (
              <Tag data-color="warning" data-size="sm" className="plan-rule">
                {ruleText(s.rule)}
              </Tag>
            ) : (
              <Paragraph data-size="sm" className="muted plan-rule">
                {t('conversations.plan.templates.forAll')}
              </Paragraph>
            )}
            {s.helpText && (
              <Paragraph data-size="sm" className="plan-help">
                {localized(s.helpText, i18n.language)}
              </Paragraph>
            )}
            {s.questions.length > 0 ? (
              <List.Ordered className="plan-questions">
                {s.questions.map((q) => (
                  <List.Item key={q.key}>{localized(q.text, i18n.language)}</List.Item>
                ))}
              </List.Ordered>
            ) : (
              <Paragraph data-size="sm" className="muted">
                {t('conversations.plan.templates.noQuestions')}
              </Paragraph>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ detail, shownId }: { detail: TemplateDetail; shownId: string }) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="tpl-history" className="panel">
      <Heading level={2} data-size="xs" id="tpl-history">
        {t('conversations.plan.templates.history')}
      </Heading>
      <ol className="plan-history">
        {versions.map((v) => {
          const current = v.id === detail.currentVersionId;
          const label = t('conversations.plan.templates.versionN', { version: v.version });
          const by = v.createdBy && !looksLikeId(v.createdBy) ? t('conversations.plan.templates.by', { name: v.createdBy }) : '';
          return (
            <li key={v.id}>
              {v.id === shownId ? (
                <span aria-current="true" className="plan-history__shown">
                  {label}
                </span>
              ) : (
                <AppLink
                  to="/conversation-templates/$templateId"
                  params={{ templateId: detail.id }}
                  search={current ? {} : { version: v.id }}
                >
                  {label}
                </AppLink>
              )}
              {current && (
                <>
                  {' '}
                  <Tag data-color="success" data-size="sm">
                    {t('conversations.plan.templates.current')}
                  </Tag>
                </>
              )}
              <br />
              <span className="muted" data-size="sm">
                {dates.long(v.createdAt)}
                {by && ` · ${by}`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Ny mal": the editor with one empty section; saved, it opens the new template. */
export function NewTemplatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateTemplate();
  if (!hasRole(me, ...templateManagers)) {
    return (
      <div className="stack">
        <PageHeading title={t('conversations.plan.templates.newTitle')} />
        <Paragraph>{t('conversations.plan.templates.onlyManagers')}</Paragraph>
        <Paragraph>
          <AppLink to="/conversation-templates">{t('conversations.plan.templates.back')}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading title={t('conversations.plan.templates.newTitle')} />
      <TemplateEditor
        mode="new"
        initial={toValues('student', null)}
        onSave={async (body) => {
          const detail = await create.mutateAsync(body);
          await navigate({ to: '/conversation-templates/$templateId', params: { templateId: detail.id }, search: {} });
        }}
        onCancel={() => void navigate({ to: '/conversation-templates' })}
      />
    </div>
  );
}
