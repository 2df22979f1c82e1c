import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { OnlyForStudents } from '../../core/layout/OnlyFor';
import { ConsentPage } from './ConsentPage';

export const myConsentRoute = createLazyRoute('/authed/me/consent')({
  component: function MyConsentRoute(): ReactNode {
    return <OnlyForStudents>{(id) => <ConsentPage studentId={id} />}</OnlyForStudents>;
  },
});
