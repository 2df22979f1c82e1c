// The school admin's administration pages: schools, staff and roles, groups and members, contact teachers.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AdminHomePage } from './AdminHomePage';
import { ContactTeachersPage } from './ContactTeachersPage';
import { GroupsPage } from './GroupsPage';
import { MembersPage } from './MembersPage';
import { StaffPage } from './StaffPage';

export const homeRoute = createLazyRoute('/authed/admin')({ component: AdminHomePage });

export const staffRoute = createLazyRoute('/authed/admin/schools/$schoolId/staff')({
  component: function StaffRoute(): ReactNode {
    const { schoolId } = staffRoute.useParams();
    return <StaffPage schoolId={schoolId} />;
  },
});

export const groupsRoute = createLazyRoute('/authed/admin/schools/$schoolId/groups')({
  component: function GroupsRoute(): ReactNode {
    const { schoolId } = groupsRoute.useParams();
    return <GroupsPage schoolId={schoolId} />;
  },
});

export const membersRoute = createLazyRoute('/authed/admin/schools/$schoolId/groups/$groupId')({
  component: function MembersRoute(): ReactNode {
    const { schoolId, groupId } = membersRoute.useParams();
    // another group is another page: nothing typed for the last one carries over
    return <MembersPage key={groupId} schoolId={schoolId} groupId={groupId} />;
  },
});

export const contactTeachersRoute = createLazyRoute('/authed/admin/schools/$schoolId/contact-teachers')({
  component: function ContactTeachersRoute(): ReactNode {
    const { schoolId } = contactTeachersRoute.useParams();
    return <ContactTeachersPage schoolId={schoolId} />;
  },
});
