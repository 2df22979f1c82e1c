import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { auditRoles, hasRole, leaderRoles, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { AccommodationNeedsToConfirm } from '../accommodationNeeds';
import { HomeTasks } from '../annualCycle';
import { classListQuery } from '../classes';
import { ClassConversationFigures, Notifications } from '../conversations';
import { OverdueMeasures } from '../measures';
import { PendingStatusChanges } from '../statusChange';

/** The morning start page: one section per role the person has, most used first. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const isContactTeacher = hasRole(me, 'contactTeacher') || me.basisGroups.length > 0;
  const isTeacher = hasRole(me, 'teacher') && me.teachingGroups.length > 0;
  const isLeader = hasRole(me, ...leaderRoles, 'schoolAdmin');
  const isStudent = me.studentId !== null;
  const isGuardian = hasRole(me, 'guardian');
  const nothing = !isContactTeacher && !isTeacher && !isLeader && !isStudent && !isGuardian;

  return (
    <div className="stack">
      <PageHeading title={t('home.title', { name: me.person.givenName })} />
      <Paragraph>{nothing ? t('home.noRoles') : t('home.intro')}</Paragraph>
      <div className="home-grid">
        {!nothing && <Notifications />}
        {(isContactTeacher || isTeacher || isLeader) && <HomeTasks />}
        {(isContactTeacher || isTeacher) && <AccommodationNeedsToConfirm />}
        {(isContactTeacher || isTeacher || isLeader) && <OverdueMeasures />}
        {hasRole(me, 'principal') && <PendingStatusChanges />}
        {isContactTeacher && <MyClasses me={me} />}
        {isTeacher && <MyTeachingGroups me={me} />}
        {isLeader && <Leadership me={me} showClasses={!isContactTeacher} />}
        {isStudent && <StudentLinks />}
        {isGuardian && <MyChildren me={me} />}
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function ClassLinks({ groups }: { groups: { id: string; label: string }[] }) {
  return (
    <List.Unordered className="link-list">
      {groups.map((g) => (
        <List.Item key={g.id}>
          <AppLink to="/classes/$basisGroupId" params={{ basisGroupId: g.id }}>
            {g.label}
          </AppLink>
        </List.Item>
      ))}
    </List.Unordered>
  );
}

function MyClasses({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section id="home-classes" title={t('home.myClasses')}>
      {me.basisGroups.length ? (
        <List.Unordered className="link-list">
          {me.basisGroups.map((g) => (
            <List.Item key={g.id}>
              <AppLink to="/classes/$basisGroupId" params={{ basisGroupId: g.id }}>
                {t('home.classLink', { name: g.name, school: g.schoolName })}
              </AppLink>
              <ClassConversationFigures basisGroupId={g.id} />
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('home.noClasses')}</Paragraph>
      )}
    </Section>
  );
}

function MyTeachingGroups({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section id="home-teaching" title={t('home.teachingGroups')}>
      <List.Unordered>
        {me.teachingGroups.map((g) => (
          <List.Item key={g.id}>
            <AppLink to="/teaching-groups/$teachingGroupId" params={{ teachingGroupId: g.id }}>
              {t('home.teachingGroup', { name: g.name, code: g.subjectCode })}
            </AppLink>
          </List.Item>
        ))}
      </List.Unordered>
    </Section>
  );
}

function Leadership({ me, showClasses }: { me: Me; showClasses: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="home-leadership" title={t('home.leadership')}>
      {me.departments.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('home.departments')}
          </Heading>
          <List.Unordered>
            {me.departments.map((d) => (
              <List.Item key={d.id}>{d.name}</List.Item>
            ))}
          </List.Unordered>
        </>
      )}
      {showClasses && (
        <>
          <Heading level={3} data-size="2xs">
            {t('home.leaderClasses')}
          </Heading>
          <LeaderClasses />
        </>
      )}
      <List.Unordered className="link-list">
        {hasRole(me, 'principal', 'departmentHead') && (
          <List.Item>
            <AppLink to="/conversation-compliance">{t('conversations.plan.home.complianceLink')}</AppLink>
          </List.Item>
        )}
        <List.Item>
          <AppLink to="/settings/conversation-plan">{t('conversations.plan.home.planSettingsLink')}</AppLink>
        </List.Item>
        <List.Item>
          <AppLink to="/conversation-templates">{t('conversations.plan.home.templatesLink')}</AppLink>
        </List.Item>
        {hasRole(me, ...auditRoles) && (
          <List.Item>
            <AppLink to="/audit">{t('home.auditLink')}</AppLink>
          </List.Item>
        )}
      </List.Unordered>
    </Section>
  );
}

/** Leaders open classes through the list the policy gives them (their department, or the whole school). */
function LeaderClasses() {
  const { t } = useTranslation();
  const { data, isPending, isError } = useQuery(classListQuery());
  if (isPending) return <Paragraph data-size="sm">{t('common.loading')}</Paragraph>;
  if (isError || data.groups.length === 0) return <Paragraph data-size="sm">{t('home.leaderNoClasses')}</Paragraph>;
  return <ClassLinks groups={data.groups.map((g) => ({ id: g.id, label: t('home.classCount', { name: g.name, count: g.studentCount }) }))} />;
}

function StudentLinks() {
  const { t } = useTranslation();
  return (
    <Section id="home-student" title={t('home.student')}>
      <List.Unordered className="link-list">
        <List.Item>
          <AppLink to="/me">{t('home.myProfile')}</AppLink>
        </List.Item>
        <List.Item>
          <AppLink to="/me/consent">{t('home.myConsent')}</AppLink>
        </List.Item>
        <List.Item>
          <AppLink to="/me/access-log">{t('home.myAccessLog')}</AppLink>
        </List.Item>
      </List.Unordered>
    </Section>
  );
}

function MyChildren({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section id="home-children" title={t('home.guardian')}>
      {me.children.length ? (
        <List.Unordered className="link-list">
          {me.children.map((c) => (
            <List.Item key={c.studentId}>
              <AppLink to="/children/$studentId" params={{ studentId: c.studentId }}>
                {c.name}
              </AppLink>
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t('home.noChildren')}</Paragraph>
      )}
    </Section>
  );
}
