import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { myClassesQuery } from './api';

/** A student's way into their class's life: the class hour, the class rules, the election and the duty rota. */
export function MyClassPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(myClassesQuery());
  return (
    <div className="stack class-life">
      <PageHeading title={t('classLife.mine.title')} />
      {data.classes.length === 0 ? <Paragraph>{t('classLife.mine.none')}</Paragraph> : <Paragraph>{t('classLife.mine.intro')}</Paragraph>}
      {data.classes.map((c) => (
        <section key={c.id} aria-labelledby={`class-${c.id}`} className="stack">
          <Heading level={2} data-size="sm" id={`class-${c.id}`}>{c.name}</Heading>
          <ul className="class-life-links">
            <li><AppLink to="/classes/$basisGroupId/class-hour" params={{ basisGroupId: c.id }} search={{}}>{t('classLife.sections.classHour')}</AppLink></li>
            <li><AppLink to="/classes/$basisGroupId/class-rules" params={{ basisGroupId: c.id }}>{t('classLife.sections.classRules')}</AppLink></li>
            <li><AppLink to="/classes/$basisGroupId/representatives" params={{ basisGroupId: c.id }}>{t('classLife.sections.representatives')}</AppLink></li>
            <li><AppLink to="/classes/$basisGroupId/duty-rota" params={{ basisGroupId: c.id }}>{t('classLife.sections.dutyRota')}</AppLink></li>
          </ul>
        </section>
      ))}
    </div>
  );
}
