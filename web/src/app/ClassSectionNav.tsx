import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../core/api/types';
import { classSectionGroups, type ClassSection } from '../core/feature';
import { features } from './features';

const CLASS_PATH = /^\/classes\/([0-9a-f-]{36})(?:\/|$)/i;

/**
 * The class's own pages, gathered from the features: following up students first, then the class's
 * life, then routines; within a group by each section's `order`.
 */
const classSections: readonly ClassSection[] = inOrder(
  features.flatMap((f): readonly ClassSection[] => ('classSections' in f ? f.classSections : [])),
);

function inOrder(sections: readonly ClassSection[]): readonly ClassSection[] {
  const rank = (s: ClassSection): number => classSectionGroups.indexOf(s.group) * 10_000 + s.order;
  const sorted = [...sections].sort((a, b) => rank(a) - rank(b));
  // Two sections at one place would be ordered by accident.
  const clash = sorted.find((s, i) => i > 0 && rank(sorted[i - 1]!) === rank(s));
  if (clash) throw new Error(`Two class sections have order ${clash.order} in ${clash.group}`);
  return sorted;
}

/** The basis group whose pages the user is on, if any. */
function useCurrentClassId(): string | null {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return CLASS_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * One sub-menu for all of a class's pages, so the main menu needs one entry per class. Shown above
 * every page under /classes/:id (nothing elsewhere); the pages themselves still decide who may see what.
 */
export function ClassSectionNav({ me }: { me: Me }): ReactNode {
  const basisGroupId = useCurrentClassId();
  return basisGroupId ? <ClassSections me={me} basisGroupId={basisGroupId} /> : null;
}

function ClassSections({ me, basisGroupId }: { me: Me; basisGroupId: string }): ReactNode {
  const { t } = useTranslation();
  const name = me.basisGroups.find((g) => g.id === basisGroupId)?.name;
  // a student in their own class sees only the class life they take part in, not the staff's follow-up pages
  const staff = me.roles.some((r) => r !== 'student' && r !== 'guardian');
  const sections = classSections.filter((s) => staff || s.forStudents);
  return (
    <nav aria-label={name ? t('classSections.labelFor', { name }) : t('classSections.label')} className="class-sections">
      <ul>
        {sections.map((s) => (
          <li key={s.segment} data-group={s.group}>
            {/* Paths come from the features' descriptions; each is a route of its feature. */}
            <Link
              to={(s.segment ? `/classes/$basisGroupId/${s.segment}` : '/classes/$basisGroupId') as '/classes/$basisGroupId'}
              params={{ basisGroupId }}
              activeOptions={{ exact: s.segment === '' }}
            >
              {t(s.labelKey as 'classSections.overview')}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
