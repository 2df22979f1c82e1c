import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Label–value pairs as a description list, which screen readers announce as pairs. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts">{children}</dl>;
}

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An empty table cell that still says "no" to a screen reader instead of nothing. */
export function NoValue({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true" className="muted">
        –
      </span>
      <span className="ds-sr-only">{label ?? t('common.no')}</span>
    </>
  );
}
