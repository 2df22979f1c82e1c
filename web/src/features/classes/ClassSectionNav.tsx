import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { classSections, type ClassSectionGroup } from './sections';

const CLASS_PATH = /^\/classes\/([0-9a-f-]{36})(?:\/|$)/i;
const groupOrder: readonly ClassSectionGroup[] = ['followUp', 'classLife', 'routines'];

/** The basis group whose pages the user is on, if any. */
export function useCurrentClassId(): string | null {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return CLASS_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * One sub-menu for all of a class's pages (sections.ts), so the main menu needs one entry per class.
 * Shown above every page under /classes/:id; the pages themselves still decide who may see what.
 */
export function ClassSectionNav({ me, basisGroupId }: { me: Me; basisGroupId: string }) {
  const { t } = useTranslation();
  const name = me.basisGroups.find((g) => g.id === basisGroupId)?.name;
  // a student in their own class sees only the class life they take part in, not the staff's follow-up pages
  const staff = me.roles.some((r) => r !== 'student' && r !== 'guardian');
  const sections = classSections
    .filter((s) => staff || s.forStudents)
    .sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group));
  return (
    <nav aria-label={name ? t('classSections.labelFor', { name }) : t('classSections.label')} className="class-sections">
      <ul>
        {sections.map((s) => (
          <li key={s.segment} data-group={s.group}>
            {/* Paths come from the registry; each is a route of its feature. */}
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
