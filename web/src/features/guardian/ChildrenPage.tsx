import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { Fact, Facts } from '../../core/ui/Facts';
import { PageHeading } from '../../core/ui/PageHeading';
import { childrenQuery } from './guardianApi';

export function ChildrenPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(childrenQuery);
  const format = useFormat();
  return (
    <div className="stack">
      <PageHeading title={t('guardian.title')} />
      <Paragraph>{data.children.length ? t('guardian.intro') : t('guardian.empty')}</Paragraph>
      {data.children.length > 0 && (
        <ul className="card-list card-list--grid">
          {data.children.map((c) => (
            <li key={c.studentId}>
              <Card data-color="neutral">
                <Heading level={2} data-size="xs">
                  <AppLink to="/children/$studentId" params={{ studentId: c.studentId }}>
                    {c.name}
                  </AppLink>
                </Heading>
                <Facts>
                  <Fact label={t('guardian.level')}>{format.level(c.level)}</Fact>
                  <Fact label={t('guardian.school')}>{c.schoolName}</Fact>
                  <Fact label={t('guardian.basisGroup')}>{c.basisGroupName}</Fact>
                  <Fact label={t('guardian.reason')}>{c.reason}</Fact>
                </Facts>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
