import { Alert, Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../core/ui/PageHeading';
import { groupsCheckQuery, type GroupsCheck } from './oidcApi';

type Group = GroupsCheck['onlyInFeide'][number];

const FEIDE_AFFILIATIONS = ['student', 'faculty', 'staff', 'employee', 'member', 'affiliate'] as const;

function feideAffiliation(t: TFunction, a: string): string {
  return (FEIDE_AFFILIATIONS as readonly string[]).includes(a) ? t(`oidc.groups.affiliation.${a as (typeof FEIDE_AFFILIATIONS)[number]}`) : a;
}

function GroupList({ id, title, groups }: { id: string; title: string; groups: Group[] }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="xs" id={id}>
        {title}
      </Heading>
      <List.Unordered>
        {groups.map((g) => (
          <List.Item key={`${g.kind}:${g.role}:${g.id}`}>
            {t('oidc.groups.group', { name: g.name, kind: t(`oidc.groups.kind.${g.kind}`), role: t(`oidc.groups.role.${g.role}`) })}
          </List.Item>
        ))}
      </List.Unordered>
    </section>
  );
}

/**
 * Shown right after a Feide login when Feide's groups and the school's data disagree. It only informs:
 * access follows the school's data whatever Feide says, so the fix is in the school's system.
 */
export function GroupsCheckPage({ next }: { next?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { data } = useSuspenseQuery(groupsCheckQuery);
  const target = next ?? '/';
  const provider = data.label;
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : t('oidc.groups.affiliationNone'));
  return (
    <div className="stack narrow">
      <PageHeading title={data.differs ? t('oidc.groups.title', { provider }) : t('oidc.groups.titleAgree', { provider })} />
      {data.differs ? (
        <>
          <Paragraph>{t('oidc.groups.intro', { provider })}</Paragraph>
          <Alert data-color="warning">
            <Paragraph>{t('oidc.groups.accessNote', { provider })}</Paragraph>
          </Alert>
          <GroupList id="groups-only-feide" title={t('oidc.groups.onlyInFeide', { provider })} groups={data.onlyInFeide} />
          <GroupList id="groups-only-school" title={t('oidc.groups.onlyInSchool')} groups={data.onlyInSchool} />
          {data.affiliations.differ && (
            <Paragraph>
              {t('oidc.groups.affiliations', {
                provider,
                feide: list(data.affiliations.feide.map((a) => feideAffiliation(t, a))),
                school: list(data.affiliations.school.map((a) => (a === 'staff' ? t('oidc.groups.affiliation.staffMember') : t('oidc.groups.affiliation.student')))),
              })}
            </Paragraph>
          )}
        </>
      ) : (
        <Paragraph>{t('oidc.groups.agree', { provider })}</Paragraph>
      )}
      <div>
        <Button asChild>
          <a
            href={target}
            onClick={(e) => {
              e.preventDefault();
              router.history.push(target);
            }}
          >
            {t('oidc.groups.continue')}
          </a>
        </Button>
      </div>
    </div>
  );
}
