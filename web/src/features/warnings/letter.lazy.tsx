// One warning letter, which the family reads too.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { LetterPage } from './LetterPage';

export const letterRoute = createLazyRoute('/authed/students/$studentId/warning-letters/$letterId')({
  component: function LetterRoute(): ReactNode {
    const { studentId, letterId } = letterRoute.useParams();
    return <LetterPage studentId={studentId} letterId={letterId} />;
  },
});
