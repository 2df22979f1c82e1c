import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../core/auth/session';
import { AppLink } from '../../../core/ui/AppLink';
import { PageHeading } from '../../../core/ui/PageHeading';
import { conversationKinds, localized } from '../types';
import { templatesQuery } from './api';
import { kindLabel } from './labels';

export const templateManagers = ['principal', 'schoolAdmin', 'departmentHead'] as const;

export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(templatesQuery);
  const captionId = useId();
  const canManage = hasRole(me, ...templateManagers);
  const templates = [...data.templates].sort(
    (a, b) =>
      Number(a.archived) - Number(b.archived) ||
      conversationKinds.indexOf(a.kind) - conversationKinds.indexOf(b.kind) ||
      Number(b.builtinKey !== null) - Number(a.builtinKey !== null),
  );
  const labels = {
    title: t('conversations.plan.templates.name'),
    kind: t('conversations.plan.templates.kind'),
    version: t('conversations.plan.templates.version'),
  };

  return (
    <div className="stack">
      <PageHeading title={t('conversations.plan.templates.title')} />
      <Paragraph>{t('conversations.plan.templates.intro')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.plan.templates.keepsVersion')}
      </Paragraph>
      {canManage && (
        <div className="button-row">
          <Button asChild>
            <Link to="/conversation-templates/new">{t('conversations.plan.templates.new')}</Link>
          </Button>
        </div>
      )}
      {templates.length === 0 ? (
        <Paragraph>{t('conversations.plan.templates.empty')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table border zebra data-color="neutral" className="plan-table">
            <caption id={captionId}>{t('conversations.plan.templates.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{labels.title}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{labels.kind}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{labels.version}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {templates.map((tpl) => (
                <Table.Row key={tpl.id}>
                  <Table.HeaderCell scope="row" className="plan-table__name">
                    <AppLink to="/conversation-templates/$templateId" params={{ templateId: tpl.id }} data-color="accent">
                      {localized(tpl.title, i18n.language)}
                    </AppLink>
                    {tpl.builtinKey && (
                      <Tag data-color="info" data-size="sm" title={t('conversations.plan.templates.builtinHelp')}>
                        {t('conversations.plan.templates.builtin')}
                      </Tag>
                    )}
                    {tpl.archived && (
                      <Tag data-color="neutral" data-size="sm" variant="outline">
                        {t('conversations.plan.templates.archived')}
                      </Tag>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell data-label={labels.kind}>{kindLabel(t, tpl.kind)}</Table.Cell>
                  <Table.Cell data-label={labels.version} className="numeric">
                    {t('conversations.plan.templates.versionOf', { version: tpl.currentVersion, count: tpl.versionCount })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
