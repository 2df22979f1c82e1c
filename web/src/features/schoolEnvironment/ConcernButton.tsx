import { Button } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The student page's "Jeg er bekymret": the first of the two clicks to a concern reported. */
export function ConcernButton({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  return (
    <Button asChild variant="secondary" data-size="sm">
      <Link to="/students/$studentId/concern" params={{ studentId }}>{t('schoolEnvironment.worried')}</Link>
    </Button>
  );
}
