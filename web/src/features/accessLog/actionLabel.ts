import type { TFunction } from 'i18next';

/**
 * The audit log stores action codes ("student.read"); people read sentences. A code this app does not
 * know yet is shown as it is rather than hidden, so a new kind of access never disappears from view.
 * A feature that writes a new code to the audit log adds its sentence here.
 */
const actionKeys: Record<string, string> = {
  'student.read': 'actions.studentRead',
  // the annual cycle (R-30…R-33); its words live with the annualCycle feature
  'annualCycle.readCompliance': 'annualCycle.actions.readCompliance',
  'basisGroup.readRoutineCompliance': 'annualCycle.actions.readClass',
  'student.readRoutineTasks': 'annualCycle.actions.readStudent',
  'annualCycle.tick': 'annualCycle.actions.tick',
  'annualCycle.readMyTasks': 'annualCycle.actions.readMyTasks',
  'basisGroup.readOverview': 'actions.classOverviewRead',
  'teachingGroup.readStudents': 'actions.teachingGroupRead',
  'contactLog.read': 'actions.contactLogRead',
  'contactLog.write': 'actions.contactLogWrite',
  'consent.read': 'actions.consentRead',
  'consent.manage': 'actions.consentManage',
  'accessLog.read': 'actions.accessLogRead',
  'audit.search': 'actions.auditSearch',
  'informationDecision.write': 'actions.informationDecision',
  // conversations and booking (R-10…R-18); their words live with the conversations feature
  'conversation.read': 'conversations.plan.actions.conversationRead',
  'conversation.list': 'conversations.plan.actions.conversationList',
  'conversation.hold': 'conversations.plan.actions.conversationHold',
  'conversation.plan': 'conversations.plan.actions.conversationPlan',
  'conversation.delegate': 'conversations.plan.actions.conversationDelegate',
  'conversation.prepare': 'conversations.plan.actions.conversationPrepare',
  'conversation.readPreparation': 'conversations.plan.actions.conversationReadPreparation',
  'guardianConference.offer': 'conversations.plan.actions.guardianConferenceOffer',
  'basisGroup.readConversationPlan': 'conversations.plan.actions.basisGroupReadConversationPlan',
  'basisGroup.readGuardianConferences': 'conversations.plan.actions.basisGroupReadGuardianConferences',
  'conversationPlan.manage': 'conversations.plan.actions.conversationPlanManage',
  'conversationPlan.readCompliance': 'conversations.plan.actions.conversationPlanReadCompliance',
  'conversationTemplate.read': 'conversations.plan.actions.conversationTemplateRead',
  'conversationTemplate.manage': 'conversations.plan.actions.conversationTemplateManage',
  'booking.book': 'conversations.plan.actions.bookingBook',
  'booking.read': 'conversations.plan.actions.bookingRead',
  'bookingRound.read': 'conversations.plan.actions.bookingRoundRead',
  'bookingRound.cancelSlot': 'conversations.plan.actions.bookingRoundCancelSlot',
  'basisGroup.manageBooking': 'conversations.plan.actions.basisGroupManageBooking',
  'teachingGroup.manageBooking': 'conversations.plan.actions.teachingGroupManageBooking',
  // absence; its words live with the absence feature
  'absence.read': 'absence.actions.absenceRead',
  'absence.readDiploma': 'absence.actions.absenceReadDiploma',
  'absence.requestDiploma': 'absence.actions.absenceRequestDiploma',
  'absence.registerDay': 'absence.actions.absenceRegisterDay',
  'absence.document': 'absence.actions.absenceDocument',
  'absence.selfCertify': 'absence.actions.absenceSelfCertify',
  'absence.decideLimit': 'absence.actions.absenceDecideLimit',
  'absence.recordHigherRisk': 'absence.actions.absenceRecordHigherRisk',
  'basisGroup.readAbsence': 'absence.actions.basisGroupReadAbsence',
  'basisGroup.checkAbsence': 'absence.actions.basisGroupCheckAbsence',
  'teachingGroup.readAbsence': 'absence.actions.teachingGroupReadAbsence',
  'teachingGroup.registerAbsence': 'absence.actions.teachingGroupRegisterAbsence',
  'emergingAbsenceRule.manage': 'absence.actions.emergingAbsenceRuleManage',
  'timetable.manage': 'absence.actions.timetableManage',
  'schoolCalendar.read': 'absence.actions.schoolCalendarRead',
  // conduct and discipline; their words live with those features
  'conduct.read': 'conduct.actions.conductRead',
  'teachingGroup.writeConduct': 'conduct.actions.teachingGroupWriteConduct',
  'basisGroup.readConduct': 'conduct.actions.basisGroupReadConduct',
  'basisGroup.setConduct': 'conduct.actions.basisGroupSetConduct',
  'basisGroup.reviewConduct': 'conduct.actions.basisGroupReviewConduct',
  'basisGroup.readGradePreparation': 'conduct.actions.basisGroupReadGradePreparation',
  'disciplinaryCase.list': 'discipline.actions.list',
  'disciplinaryCase.open': 'discipline.actions.open',
  'basisGroup.readDiscipline': 'discipline.actions.readClass',
  'discipline.readSchool': 'discipline.actions.readSchool',
  'disciplinaryCase.read': 'discipline.actions.read',
  'disciplinaryCase.update': 'discipline.actions.update',
  'disciplinaryCase.removeFromLesson': 'discipline.actions.removeFromLesson',
  'disciplinaryCase.suspend': 'discipline.actions.suspend',
  'disciplinaryCase.reportIntervention': 'discipline.actions.reportIntervention',
  'disciplinaryCase.informParents': 'discipline.actions.informParents',
  // warnings (R-22, L-20, L-21); their words live with the warnings feature
  'warning.read': 'warnings.actions.read',
  'warning.raise': 'warnings.actions.raise',
  'warning.coordinate': 'warnings.actions.coordinate',
  'warning.decide': 'warnings.actions.decide',
  'warning.recordAppeal': 'warnings.actions.recordAppeal',
  'basisGroup.readWarnings': 'warnings.actions.readGroup',
  'warning.readSchool': 'warnings.actions.readSchool',
  'warning.manageAssessmentDates': 'warnings.actions.assessmentDates',
  // formative assessment and conflicts between students; their words live with each feature
  'formativeAssessment.read': 'formative.actions.read',
  'teachingGroup.readFormativeAssessments': 'formative.actions.groupRead',
  'teachingGroup.recordFormativeAssessment': 'formative.actions.record',
  'basisGroup.readFormativeSummary': 'formative.actions.classSummary',
  // assessment plan
  'assessmentPlan.read': 'assessmentPlan.actions.read',
  'assessmentPlan.readFeed': 'assessmentPlan.actions.readFeed',
  'teachingGroup.readAssessmentPlan': 'assessmentPlan.actions.groupRead',
  'basisGroup.readAssessmentPlan': 'assessmentPlan.actions.classRead',
  'teachingGroup.planAssessment': 'assessmentPlan.actions.plan',
  'basisGroup.planAssessment': 'assessmentPlan.actions.plan',
  'assessmentPlan.planSchoolEvent': 'assessmentPlan.actions.plan',
  'conflict.list': 'conflicts.actions.list',
  'conflict.read': 'conflicts.actions.read',
  'conflict.record': 'conflicts.actions.record',
  'conflict.update': 'conflicts.actions.update',
  'conflict.readStudentPart': 'conflicts.actions.readStudent',
  // class life; its words live with the classLife feature
  'basisGroup.readClassLife': 'classLife.actions.read',
  'basisGroup.manageClassLife': 'classLife.actions.manage',
  // accommodation needs, forms, parent meetings; their words live with those features
  'accommodationNeed.read': 'accommodationNeeds.actions.read',
  'accommodationNeed.manage': 'accommodationNeeds.actions.manage',
  'accommodationNeed.confirm': 'accommodationNeeds.actions.confirm',
  'basisGroup.readAccommodationNeeds': 'accommodationNeeds.actions.classRead',
  'basisGroup.remindAccommodationNeeds': 'accommodationNeeds.actions.remind',
  'form.read': 'forms.actions.read',
  'basisGroup.readForms': 'forms.actions.classRead',
  'basisGroup.setFormStatus': 'forms.actions.set',
  'parentMeeting.read': 'parentMeeting.actions.read',
  'basisGroup.readParentMeetings': 'parentMeeting.actions.classRead',
  'basisGroup.manageParentMeetings': 'parentMeeting.actions.manage',
  // administration (issue 13); its words live with the administration feature
  'administration.listSchools': 'administration.actions.listSchools',
  'administration.renameSchool': 'administration.actions.renameSchool',
  'administration.readStaff': 'administration.actions.readStaff',
  'administration.addRole': 'administration.actions.addRole',
  'administration.removeRole': 'administration.actions.removeRole',
  'administration.readGroups': 'administration.actions.readGroups',
  'administration.addMembership': 'administration.actions.addMembership',
  'administration.endMembership': 'administration.actions.endMembership',
  'administration.assignContactTeacher': 'administration.actions.assignContactTeacher',
  'administration.unassignContactTeacher': 'administration.actions.unassignContactTeacher',
};

export function actionLabel(t: TFunction, action: string): string {
  const key = actionKeys[action];
  return key ? (t as (k: string) => string)(key) : action;
}

const resourceKeys: Record<string, string> = {
  student: 'actions.resourceStudent',
  auditLog: 'actions.resourceAuditLog',
  basisGroup: 'actions.resourceBasisGroup',
  teachingGroup: 'actions.resourceTeachingGroup',
  school: 'actions.resourceSchool',
  conversation: 'conversations.plan.actions.resourceConversation',
  disciplinaryCase: 'discipline.actions.resource',
  booking: 'conversations.plan.actions.resourceBooking',
  bookingRound: 'conversations.plan.actions.resourceBookingRound',
  conflict: 'conflicts.actions.resource',
  staffMember: 'administration.actions.resourceStaffMember',
  enrolment: 'administration.actions.resourceEnrolment',
};

export function resourceLabel(t: TFunction, resourceType: string): string {
  const key = resourceKeys[resourceType];
  return key ? (t as (k: string) => string)(key) : resourceType;
}
