/**
 * Conversations (R-10…R-18): who plans, holds, reads and prepares them; the school's plan, templates and
 * compliance. A conversation is its own kind of resource: who may hold it hangs on its kind, its holder
 * and its teaching group, not only on the student.
 */
import type { ConversationKind } from './tables.js';
import {
  GUARDIAN_INSIGHT, allow, decideForGroup, decideForStudent, deny, pick, relationshipsTo,
  type ActionsOf, type Policy,
} from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';

/** What the policy needs to know about one conversation: its kind, who holds it, which subject. */
export interface ConversationFacts {
  conversationId: string;
  kind: ConversationKind;
  holderPersonId: string;
  delegated: boolean;
  teachingGroupId: string | null;
  held: boolean;
  student: StudentFacts;
}

/** Who of the staff may read a student's conversations (not their notes: those follow the note's tier). */
const CONVERSATION_READERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'principal', 'counsellor'];
/** Kinds a guardian with insight takes part in; other kinds reach guardians only as shared notes and follow-ups. */
const FAMILY_KINDS = new Set(['guardian']);

/**
 * Conversations: the holder and the contact teacher hold them; a subject
 * teacher sees only the subject conversations of their own groups and what was delegated to them;
 * leaders read; the student prepares their own; guardians see the guardian conference.
 * `conversation.plan` is asked with facts of the conversation to be created.
 */
function decideForConversation(actor: Actor, action: string, c: ConversationFacts, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', c.student, today);
  if (!base.allow) return base;
  const rels = relationshipsTo(actor, c.student, today);
  const subjectTeacher = c.kind === 'subject'
    ? rels.find((r) => r.kind === 'subjectTeacher' && actor.subjectTeacherOf.some((g) => g.id === c.teachingGroupId && g.name === r.params.group))
    : undefined;
  const holder = c.conversationId !== '' && actor.personId === c.holderPersonId
    ? (c.delegated ? { kind: 'delegatedHolder' as const, params: {} } : subjectTeacher ?? pick(rels, ['contactTeacher', 'counsellor', 'departmentHead', 'principal']))
    : undefined;
  const contactTeacher = pick(rels, ['contactTeacher']);
  const what = { what: action };

  switch (action) {
    case 'conversation.plan':
      if (c.kind === 'subject') return subjectTeacher ? allow(subjectTeacher) : deny('roleNotAllowed', what);
      if (c.kind === 'adHoc') {
        const r = pick(rels, ['contactTeacher', 'counsellor', 'departmentHead', 'principal']);
        return r ? allow(r) : deny('roleNotAllowed', what);
      }
      return contactTeacher ? allow(contactTeacher) : deny('roleNotAllowed', what);
    case 'conversation.read': {
      if (holder) return allow(holder);
      if (subjectTeacher) return allow(subjectTeacher);
      const r = pick(rels, ['self', ...CONVERSATION_READERS]);
      if (r) return allow(r);
      const family = FAMILY_KINDS.has(c.kind) ? pick(rels, GUARDIAN_INSIGHT) : undefined;
      return family ? allow(family) : deny('roleNotAllowed', what);
    }
    case 'conversation.hold': {
      if (holder) return allow(holder);
      if (subjectTeacher) return allow(subjectTeacher);
      // the contact teacher may take back a delegated conversation, but never holds a subject teacher's
      return c.kind !== 'subject' && contactTeacher ? allow(contactTeacher) : deny('roleNotAllowed', what);
    }
    case 'conversation.prepare': {
      const self = pick(rels, ['self']);
      return self && !c.held ? allow(self) : deny('roleNotAllowed', what);
    }
    case 'conversation.readPreparation': {
      const r = holder ?? subjectTeacher ?? pick(rels, c.kind === 'subject' ? ['self'] : ['self', 'contactTeacher']);
      return r ? allow(r) : deny('roleNotAllowed', what);
    }
    default:
      return deny('roleNotAllowed', what);
  }
}

const onConversation = (actor: Actor, action: string, r: { conversation: ConversationFacts }, today: string) =>
  decideForConversation(actor, action, r.conversation, today);

export const conversationPolicy = {
  student: {
    // R-15/L-02: the contact teacher offers the guardian conference and records that guardians were told of the right
    'guardianConference.offer': ['contactTeacher', 'departmentHead', 'principal'],
    // only the contact teacher delegates a student conversation (upper secondary; the route checks the stage)
    'conversation.delegate': ['contactTeacher'],
    // the gate before the finer conversation decision (kind, teaching group) on the conversation itself
    'conversation.plan': ['contactTeacher', 'subjectTeacher', 'counsellor', 'departmentHead', 'principal'],
    // the list is filtered per conversation; guardians see the guardian conference and what was shared
    'conversation.list': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  },
  conversation: {
    'conversation.plan': onConversation,
    'conversation.read': onConversation,
    'conversation.hold': onConversation,
    'conversation.prepare': onConversation,
    'conversation.readPreparation': onConversation,
  },
  basisGroup: {
    'basisGroup.readConversationPlan': (actor, _action, r) => decideForGroup(actor, r.group),
  },
  school: {
    'conversationPlan.manage': ['principal', 'schoolAdmin'],
    'conversationPlan.readCompliance': ['principal', 'departmentHead'],
    'conversationTemplate.manage': ['principal', 'schoolAdmin', 'departmentHead'],
    'conversationTemplate.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  },
} satisfies Policy;

/** Conversations of each kind about the student, for the generated access rules. */
export const conversationExamples: ExamplesOf = (w, student) => {
  const c = (kind: ConversationKind, holder: string, more: Partial<ConversationFacts> = {}) =>
    ({ type: 'conversation' as const, conversation: { conversationId: 'conversation', kind, holderPersonId: holder, delegated: false, teachingGroupId: null, held: false, student, ...more } });
  return [
    { label: 'a student conversation held by the contact teacher', resource: c('student', w.people.contactTeacher) },
    { label: 'a student conversation delegated to the subject teacher', resource: c('student', w.people.subjectTeacher, { delegated: true }) },
    { label: "a subject conversation in the subject teacher's group", resource: c('subject', w.people.subjectTeacher, { teachingGroupId: w.teachingGroup.teachingGroupId }) },
    { label: 'a guardian conference held by the contact teacher', resource: c('guardian', w.people.contactTeacher) },
    { label: 'a student conversation already held', resource: c('student', w.people.contactTeacher, { held: true }) },
  ];
};

declare module '../../core/policy/types.js' {
  interface Resources {
    conversation: { type: 'conversation'; conversation: ConversationFacts };
  }
  interface Actions extends ActionsOf<typeof conversationPolicy> {}
}
