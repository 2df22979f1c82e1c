import { Alert, Button, Checkbox, Details, Field, Heading, Label, List, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { localized, type ConversationDetail, type Note, type Section, type Visibility } from '../types';
import { useSaveNote } from './api';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import { useAutosave } from '../../../core/ui/autosave';
import { UnsavedGuard } from '../../../core/ui/UnsavedGuard';
import { noteVisibilities, ruleBadge, ruleLimit, visibilityLabel } from './labels';

/**
 * The note editors on the page, so that an action that closes the conversation ("Marker som holdt")
 * saves what is typed first. Each editor's `flush` resolves false when its note could not be saved.
 */
type Flush = () => Promise<boolean>;
const NoteDrafts = createContext<Map<string, Flush> | null>(null);

export function NoteDraftsProvider({ children }: { children: ReactNode }) {
  const [drafts] = useState(() => new Map<string, Flush>());
  return <NoteDrafts.Provider value={drafts}>{children}</NoteDrafts.Provider>;
}

/** Saves every note editor's unsaved text and choices; true when all of them are stored. */
export function useSaveAllNotes(): () => Promise<boolean> {
  const drafts = useContext(NoteDrafts);
  return async () => (await Promise.all([...(drafts?.values() ?? [])].map((f) => f()))).every(Boolean);
}

/** Used when a conversation has no template: one note for the whole conversation. */
export const GENERAL_SECTION = 'general';
const NOTE_MAX = 8000;

/**
 * The template's sections in order, each with its help text, questions and note. A section whose rule
 * leaves this student out is left out (or, if it has a note, folded away with the reason); one that is
 * here because of its rule says why.
 */
export function Sections({ detail }: { detail: ConversationDetail }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { template } = detail;
  const canWrite = detail.permissions.hold && detail.conversation.status !== 'cancelled';
  const noteFor = (key: string) => detail.notes.find((n) => n.sectionKey === key);
  const known = new Set(template?.sections.map((s) => s.key) ?? [GENERAL_SECTION]);
  // Notes on sections no longer in the template (or written without one) are never hidden.
  const stray = detail.notes.filter((n) => !known.has(n.sectionKey));

  return (
    <section aria-labelledby={headingId} className="stack meeting-sections">
      <div>
        <Heading level={2} data-size="sm" id={headingId}>
          {template ? localized(template.title, i18n.language) : t('conversations.meeting.generalSection')}
        </Heading>
        {template ? (
          <Paragraph data-size="sm" className="muted">
            {t('conversations.meeting.templateLine', { title: localized(template.title, i18n.language), version: template.version })}
          </Paragraph>
        ) : (
          canWrite && <Paragraph data-size="sm" className="muted">{t('conversations.meeting.noTemplate')}</Paragraph>
        )}
      </div>
      {template ? (
        <>
          {template.sections
            // A section whose rule leaves this student out is not shown, unless a note was written in it;
            // a reader who cannot write sees only the sections with notes, and the others named below.
            .filter((s) => (s.applies || noteFor(s.key)) && (canWrite || noteFor(s.key)))
            .map((s) => <TemplateSection key={s.key} detail={detail} section={s} note={noteFor(s.key)} canWrite={canWrite} />)}
          {!canWrite && <EmptySections titles={template.sections.filter((s) => s.applies && !noteFor(s.key)).map((s) => localized(s.title, i18n.language))} />}
        </>
      ) : (
        <div className="panel stack">
          <NoteArea detail={detail} sectionKey={GENERAL_SECTION} sectionTitle={t('conversations.meeting.generalSection')} note={noteFor(GENERAL_SECTION)} canWrite={canWrite} />
        </div>
      )}
      {stray.map((n) => (
        <div key={n.id} className="panel stack">
          <ReadOnlyNote note={n} />
        </div>
      ))}
    </section>
  );
}

/** For readers: the sections nobody wrote a note in, by name, instead of their empty questions. */
function EmptySections({ titles }: { titles: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (titles.length === 0) return null;
  const quoted = titles.map((title) => t('conversations.meeting.quoted', { title }));
  const list = new Intl.ListFormat(format.locale, { style: 'long', type: 'conjunction' }).format(quoted);
  return (
    <Paragraph data-size="sm" className="muted">
      {t('conversations.meeting.emptySections', { count: titles.length, sections: list })}
    </Paragraph>
  );
}

function TemplateSection({ detail, section, note, canWrite }: { detail: ConversationDetail; section: Section & { applies: boolean }; note: Note | undefined; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const title = localized(section.title, i18n.language);
  const body = (
    <>
      {section.helpText && <Paragraph className="meeting-text">{localized(section.helpText, i18n.language)}</Paragraph>}
      {section.questions.length > 0 && (
        <List.Unordered aria-label={t('conversations.meeting.questions')} className="meeting-questions">
          {section.questions.map((q) => (
            <List.Item key={q.key}>{localized(q.text, i18n.language)}</List.Item>
          ))}
        </List.Unordered>
      )}
      <NoteArea detail={detail} sectionKey={section.key} sectionTitle={title} note={note} canWrite={canWrite} />
    </>
  );

  if (!section.applies) {
    return (
      <Details className="meeting-section meeting-section--not-applies">
        <Details.Summary>{t('conversations.meeting.notAppliesSummary', { title })}</Details.Summary>
        <Details.Content>
          <div className="stack">
            <Paragraph>
              {t('conversations.meeting.notApplies', { rule: section.rule ? ruleLimit(t, section.rule, format.level) : '' })}
            </Paragraph>
            {body}
          </div>
        </Details.Content>
      </Details>
    );
  }

  return (
    <section aria-labelledby={headingId} className="panel stack meeting-section">
      <div className="meeting-section__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {title}
        </Heading>
        {section.rule && (
          <Tag data-size="sm" data-color="warning" className="meeting-badge">
            {ruleBadge(t, section.rule, format.level)}
          </Tag>
        )}
      </div>
      {body}
    </section>
  );
}

/** A note the caller may read but not change: its text, who wrote it, and who may read it. */
export function ReadOnlyNote({ note, title, forFamily = false }: { note: Note; title?: ReactNode; forFamily?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="meeting-note">
      {title}
      <Paragraph className="meeting-text">{note.text}</Paragraph>
      <div className="meeting-note__meta">
        <Paragraph data-size="sm" className="muted">
          {t('conversations.meeting.noteBy', { name: note.author.name, date: format.dateTime(note.updatedAt) })}
        </Paragraph>
        {!forFamily && (
          <Tag data-size="sm" data-color="info" variant="outline">
            {visibilityLabel(t, note.visibility)}
          </Tag>
        )}
        {note.sharedWithFamily && !forFamily && (
          <Tag data-size="sm" data-color="warning">
            {t('conversations.meeting.sharedTag')}
          </Tag>
        )}
      </div>
    </div>
  );
}

function NoteArea(props: { detail: ConversationDetail; sectionKey: string; sectionTitle: string; note: Note | undefined; canWrite: boolean }) {
  const { note, canWrite } = props;
  if (canWrite && (!note || note.canEdit)) return <NoteEditor {...props} />;
  return note ? <ReadOnlyNote note={note} /> : null;
}

type NoteField = 'text' | 'visibility' | 'sharedWithFamily';
const noteFields: readonly NoteField[] = ['text', 'visibility', 'sharedWithFamily'];

/**
 * One note per section, saved on its own (PUT …/notes/:sectionKey). What was typed stays in the field
 * whatever the server answers; the saved indicator says when the text on screen is the stored one.
 */
function NoteEditor({ detail, sectionKey, sectionTitle, note }: { detail: ConversationDetail; sectionKey: string; sectionTitle: string; note: Note | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const ids: Record<NoteField, string> = { text: `${uid}-text`, visibility: `${uid}-visibility`, sharedWithFamily: `${uid}-shared` };
  const save = useSaveNote(detail.conversation.id, detail.student.id);
  const [text, setText] = useState(note?.text ?? '');
  const [visibility, setVisibility] = useState<Visibility>(note?.visibility ?? 'contactTeacherAndLeaders');
  const [shared, setShared] = useState(note?.sharedWithFamily ?? false);
  const [saved, setSaved] = useState({ text: note?.text ?? '', visibility: note?.visibility ?? 'contactTeacherAndLeaders', shared: note?.sharedWithFamily ?? false });
  const [status, setStatus] = useState('');
  const form = useFormErrors(noteFields);
  const textDirty = text !== saved.text;
  const choicesDirty = visibility !== saved.visibility || shared !== saved.shared;
  const dirty = textDirty || choicesDirty;
  const time = (iso: string | Date) => new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(new Date(iso));

  // The draft keeps the choices last saved: ticking "share with the family" takes effect on Save only.
  const draft = useAutosave(text, saved.text, async (value, keepalive) => {
    if (!value.trim() || value.trim().length > NOTE_MAX) return false;
    await save.mutateAsync({ sectionKey, body: { text: value.trim(), visibility: saved.visibility, sharedWithFamily: saved.shared }, keepalive });
    setSaved((old) => ({ ...old, text: value }));
    return true;
  });

  async function store(): Promise<boolean> {
    setStatus('');
    if (!form.check(text.trim().length > NOTE_MAX ? { text: t('contactLog.summaryTooLong', { max: NOTE_MAX }) } : {})) return false;
    try {
      const stored = await save.mutateAsync({ sectionKey, body: { text: text.trim(), visibility, sharedWithFamily: shared } });
      form.clear();
      setSaved({ text, visibility, shared });
      setStatus(stored ? t('conversations.meeting.noteSaved', { time: time(stored.updatedAt) }) : t('conversations.meeting.noteDeleted'));
      return true;
    } catch (err) {
      form.fromServer(err);
      return false;
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await store();
  }

  const drafts = useContext(NoteDrafts);
  const storeRef = useRef(store);
  storeRef.current = store;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    drafts?.set(sectionKey, () => (dirtyRef.current ? storeRef.current() : Promise.resolve(true)));
    return () => void drafts?.delete(sectionKey);
  }, [drafts, sectionKey]);

  return (
    <form noValidate onSubmit={submit} className="stack meeting-note-form" aria-label={t('conversations.meeting.noteFor', { section: sectionTitle })}>
      {/* Typed text is saved as a draft on leaving; what cannot be (choices, an emptied note, a failed save) asks. */}
      <UnsavedGuard dirty={choicesDirty || (textDirty && (draft.failed || !text.trim()))} />
      <FormErrorSummary {...form} order={noteFields} idFor={(f) => ids[f]} />
      <Textfield
        id={ids.text}
        label={
          <>
            {t('conversations.meeting.note')}
            <span className="ds-sr-only">: {sectionTitle}</span>
          </>
        }
        description={note ? t('conversations.meeting.noteHelp') : undefined}
        multiline
        rows={4}
        counter={{ limit: NOTE_MAX, under: t('contactLog.charsLeft'), over: t('contactLog.charsOver') }}
        value={text}
        error={form.errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="meeting-note-form__options">
        <Field>
          <Label htmlFor={ids.visibility}>{t('conversations.meeting.visibility')}</Label>
          <Select
            id={ids.visibility}
            width="auto"
            value={visibility}
            aria-invalid={form.errors.visibility ? true : undefined}
            onChange={(e) => setVisibility(e.target.value as Visibility)}
          >
            {noteVisibilities.map((v) => (
              <Select.Option key={v} value={v}>
                {visibilityLabel(t, v)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.visibility && <ValidationMessage>{form.errors.visibility}</ValidationMessage>}
        </Field>
        <Checkbox
          id={ids.sharedWithFamily}
          label={t('conversations.meeting.shareWithFamily')}
          description={t('conversations.meeting.shareWithFamilyHelp')}
          checked={shared}
          error={form.errors.sharedWithFamily}
          onChange={(e) => setShared(e.target.checked)}
        />
      </div>
      {shared && (
        <Alert data-color="warning" data-size="sm">
          <Paragraph data-size="sm">{t('conversations.meeting.shareWarning')}</Paragraph>
        </Alert>
      )}
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={save.isPending} aria-label={t('conversations.meeting.saveNoteFor', { section: sectionTitle })}>
          {t('conversations.meeting.saveNote')}
        </Button>
        <div role="status" className="status-message">
          {status}
        </div>
        {/* Not a live region: announcing every draft save would talk over the typing. */}
        {draft.savedAt && !status && !textDirty && (
          <Paragraph data-size="sm" className="muted meeting-draft-saved">
            {t('conversations.meeting.draftSaved', { time: time(draft.savedAt) })}
          </Paragraph>
        )}
        {dirty && !save.isPending && (
          <Paragraph data-size="sm" className="meeting-unsaved">
            {t('conversations.meeting.noteUnsaved')}
          </Paragraph>
        )}
      </div>
      {note && !dirty && (
        <Paragraph data-size="sm" className="muted">
          {t('conversations.meeting.noteBy', { name: note.author.name, date: format.dateTime(note.updatedAt) })}
        </Paragraph>
      )}
    </form>
  );
}
