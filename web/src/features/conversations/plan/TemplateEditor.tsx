import {
  Button,
  Checkbox,
  Details,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { flushSync } from 'react-dom';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import {
  conversationKinds,
  type ConversationKind,
  type Level,
  type Localized,
  type SectionRule,
  type TemplateContent,
} from '../types';
import { kindLabel } from './labels';
import { allLevels, newKey } from './util';
import { UnsavedGuard, changed } from '../../../core/ui/UnsavedGuard';

/* ── the form's values: every text as nb/nn/en strings, the rule as a choice plus its fields ── */

interface Texts {
  nb: string;
  nn: string;
  en: string;
}
interface QuestionValues {
  key: string;
  text: Texts;
}
type RuleChoice = 'none' | SectionRule['kind'];
interface SectionValues {
  key: string;
  title: Texts;
  helpText: Texts;
  questions: QuestionValues[];
  rule: RuleChoice;
  maxYears: string;
  levels: Level[];
}
interface Values {
  kind: ConversationKind;
  title: Texts;
  sections: SectionValues[];
}
/** keyed by the server's field paths: "title.nb", "sections.2.questions.0.text.nb", "sections.1.rule.levels" */
type Errors = Partial<Record<string, string>>;

const MAX_SECTIONS = 30;
const MAX_QUESTIONS = 30;
const TEXT_MAX = 2000;

const texts = (l?: Localized | null): Texts => ({ nb: l?.nb ?? '', nn: l?.nn ?? '', en: l?.en ?? '' });
const emptyTexts = (): Texts => ({ nb: '', nn: '', en: '' });

function toLocalized(v: Texts): Localized {
  const out: Localized = { nb: v.nb.trim() };
  if (v.nn.trim()) out.nn = v.nn.trim();
  if (v.en.trim()) out.en = v.en.trim();
  return out;
}

const hasAny = (v: Texts) => Boolean(v.nb.trim() || v.nn.trim() || v.en.trim());

export function toValues(kind: ConversationKind, content: TemplateContent | null): Values {
  return {
    kind,
    title: texts(content?.title),
    sections: content
      ? content.sections.map((s) => ({
          key: s.key,
          title: texts(s.title),
          helpText: texts(s.helpText),
          questions: s.questions.map((q) => ({ key: q.key, text: texts(q.text) })),
          rule: s.rule?.kind ?? 'none',
          maxYears: s.rule?.kind === 'minorityLanguageResidence' ? String(s.rule.maxYears) : '6',
          levels: s.rule?.kind === 'level' ? [...s.rule.levels] : [],
        }))
      : [newSection()],
  };
}

function newSection(): SectionValues {
  return { key: newKey('s'), title: emptyTexts(), helpText: emptyTexts(), questions: [], rule: 'none', maxYears: '6', levels: [] };
}

function toBody(v: Values): TemplateContent {
  return {
    title: toLocalized(v.title),
    sections: v.sections.map((s) => {
      const rule: SectionRule | null =
        s.rule === 'minorityLanguageResidence'
          ? { kind: 'minorityLanguageResidence', maxYears: Number(s.maxYears) }
          : s.rule === 'level'
            ? { kind: 'level', levels: s.levels }
            : s.rule === 'under18'
              ? { kind: 'under18' }
              : null;
      return {
        key: s.key,
        title: toLocalized(s.title),
        ...(hasAny(s.helpText) ? { helpText: toLocalized(s.helpText) } : {}),
        questions: s.questions.map((q) => ({ key: q.key, text: toLocalized(q.text) })),
        rule,
      };
    }),
  };
}

interface Props {
  /** 'new' also asks for the kind; 'version' saves a new version of an existing template */
  mode: 'new' | 'version';
  initial: Values;
  onSave: (body: TemplateContent & { kind: ConversationKind }) => Promise<unknown>;
  onCancel: () => void;
}

export function TemplateEditor({ mode, initial, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const [values, setValues] = useState<Values>(initial);
  const idOf = (path: string) => `${uid}-${path}`;
  const form = useFormErrors<string>((path) => Boolean(document.getElementById(idOf(path))));
  const { errors, setErrors } = form;
  const [pending, setPending] = useState(false);
  const [announce, setAnnounce] = useState('');
  // the editor's page moves on once it is saved; cancelling with changes asks first
  const dirty = changed(values, initial) && !pending;
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const setSection = (i: number, patch: Partial<SectionValues>) =>
    setValues((v) => ({ ...v, sections: v.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const sectionName = (s: SectionValues, i: number) =>
    s.title.nb.trim() ? t('conversations.plan.editor.sectionNamed', { n: i + 1, title: s.title.nb.trim() }) : t('conversations.plan.editor.sectionN', { n: i + 1 });

  function moveSection(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= values.sections.length) return;
    const moved = values.sections[i]!;
    setValues((v) => {
      const next = [...v.sections];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return { ...v, sections: next };
    });
    // Positions changed: the errors shown no longer point at the right fields.
    setErrors({});
    setAnnounce(t('conversations.plan.editor.moved', { title: moved.title.nb || t('conversations.plan.editor.untitled'), n: j + 1, total: values.sections.length }));
    const atEdge = (by === -1 && j === 0) || (by === 1 && j === values.sections.length - 1);
    focus(`${uid}-${atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}-${moved.key}`);
  }

  function removeSection(i: number) {
    const s = values.sections[i]!;
    setValues((v) => ({ ...v, sections: v.sections.filter((_, j) => j !== i) }));
    setErrors({});
    setAnnounce(t('conversations.plan.editor.removed', { title: s.title.nb || t('conversations.plan.editor.untitled') }));
    focus(`${uid}-addSection`);
  }

  function addSection() {
    const n = values.sections.length;
    setValues((v) => ({ ...v, sections: [...v.sections, newSection()] }));
    setAnnounce(t('conversations.plan.editor.added', { n: n + 1 }));
    focus(idOf(`sections.${n}.title.nb`));
  }

  function addQuestion(i: number) {
    const n = values.sections[i]!.questions.length;
    setSection(i, { questions: [...values.sections[i]!.questions, { key: newKey('q'), text: emptyTexts() }] });
    focus(idOf(`sections.${i}.questions.${n}.text.nb`));
  }

  function removeQuestion(i: number, q: number) {
    setSection(i, { questions: values.sections[i]!.questions.filter((_, j) => j !== q) });
    setErrors({});
    setAnnounce(t('conversations.plan.editor.questionRemoved', { n: q + 1 }));
    focus(`${uid}-addQuestion-${values.sections[i]!.key}`);
  }

  function validate(v: Values): Errors {
    const out: Errors = {};
    const need = (path: string, x: Texts, required: boolean) => {
      if ((required || hasAny(x)) && !x.nb.trim()) out[`${path}.nb`] = t('conversations.plan.editor.nbRequired');
      for (const lang of ['nb', 'nn', 'en'] as const) {
        if (x[lang].trim().length > TEXT_MAX) out[`${path}.${lang}`] = t('conversations.plan.editor.tooLong', { max: TEXT_MAX });
      }
    };
    need('title', v.title, true);
    v.sections.forEach((s, i) => {
      need(`sections.${i}.title`, s.title, true);
      need(`sections.${i}.helpText`, s.helpText, false);
      s.questions.forEach((q, j) => need(`sections.${i}.questions.${j}.text`, q.text, true));
      if (s.rule === 'minorityLanguageResidence') {
        const n = Number(s.maxYears);
        if (!/^\d+$/.test(s.maxYears.trim()) || n > 50) out[`sections.${i}.rule.maxYears`] = t('conversations.plan.editor.maxYearsInvalid');
      }
      if (s.rule === 'level' && s.levels.length === 0) out[`sections.${i}.rule.levels`] = t('conversations.plan.editor.levelsRequired');
    });
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const other: string[] = values.sections.length === 0 ? [t('conversations.plan.editor.needSection')] : [];
    if (!form.check(validate(values), other)) return;
    // rendered at once: the save moves to the template's page, and the guard must let it
    flushSync(() => setPending(true));
    try {
      await onSave({ kind: values.kind, ...toBody(values) });
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  /** "Del 2 – Spørsmål 3 – Nynorsk: Skriv …" so a summary item says where the mistake is. */
  function whereIs(path: string): string {
    const parts: string[] = [];
    const s = /^sections\.(\d+)/.exec(path);
    if (s) parts.push(t('conversations.plan.editor.sectionN', { n: Number(s[1]) + 1 }));
    const q = /questions\.(\d+)/.exec(path);
    if (q) parts.push(t('conversations.plan.editor.questionN', { n: Number(q[1]) + 1 }));
    else if (/\.helpText\./.test(path)) parts.push(t('conversations.plan.editor.helpText'));
    else if (/^title\./.test(path) || /^sections\.\d+\.title\./.test(path)) parts.push(t('conversations.plan.editor.titleLabel'));
    const lang = /\.(nn|en)$/.exec(path);
    if (lang) parts.push(t(`conversations.plan.editor.lang.${lang[1] as 'nn' | 'en'}`));
    return parts.length ? `${parts.join(' – ')}: ` : '';
  }

  return (
    <form noValidate onSubmit={submit} className="stack plan-editor" aria-label={mode === 'new' ? t('conversations.plan.editor.newLabel') : t('conversations.plan.editor.versionLabel')}>
      <UnsavedGuard dirty={dirty} />
      <FormErrorSummary {...form} level={2} idFor={idOf} where={whereIs} />

      <Paragraph data-size="sm">{t('conversations.plan.editor.langHelp')}</Paragraph>

      {mode === 'new' && (
        <Field>
          <Label htmlFor={idOf('kind')}>{t('conversations.plan.templates.kind')}</Label>
          <Select
            id={idOf('kind')}
            width="auto"
            value={values.kind}
            aria-invalid={errors.kind ? true : undefined}
            onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as ConversationKind }))}
          >
            {conversationKinds.map((k) => (
              <Select.Option key={k} value={k}>
                {kindLabel(t, k)}
              </Select.Option>
            ))}
          </Select>
          {errors.kind && <ValidationMessage>{errors.kind}</ValidationMessage>}
        </Field>
      )}

      <LocalizedField
        path="title"
        label={t('conversations.plan.editor.templateTitle')}
        value={values.title}
        errors={errors}
        idOf={idOf}
        onChange={(title) => setValues((v) => ({ ...v, title }))}
      />

      <Heading level={2} data-size="xs">
        {t('conversations.plan.editor.sections')}
      </Heading>
      <ol className="plan-editor__sections">
        {values.sections.map((s, i) => (
          <li key={s.key}>
            <Fieldset className="panel stack plan-editor__section">
              <Fieldset.Legend>{sectionName(s, i)}</Fieldset.Legend>
              <LocalizedField
                path={`sections.${i}.title`}
                label={t('conversations.plan.editor.sectionTitle')}
                value={s.title}
                errors={errors}
                idOf={idOf}
                onChange={(title) => setSection(i, { title })}
              />
              <LocalizedField
                path={`sections.${i}.helpText`}
                label={t('conversations.plan.editor.helpText')}
                description={t('conversations.plan.editor.helpTextHelp')}
                optional
                multiline
                value={s.helpText}
                errors={errors}
                idOf={idOf}
                onChange={(helpText) => setSection(i, { helpText })}
              />
              <RuleField section={s} index={i} errors={errors} idOf={idOf} onChange={(patch) => setSection(i, patch)} />

              <Fieldset>
                <Fieldset.Legend>{t('conversations.plan.editor.questions')}</Fieldset.Legend>
                {s.questions.length === 0 && (
                  <Paragraph data-size="sm" className="muted">
                    {t('conversations.plan.editor.noQuestions')}
                  </Paragraph>
                )}
                <ol className="plan-editor__questions">
                  {s.questions.map((q, j) => (
                    <li key={q.key}>
                      <LocalizedField
                        path={`sections.${i}.questions.${j}.text`}
                        label={t('conversations.plan.editor.questionN', { n: j + 1 })}
                        value={q.text}
                        errors={errors}
                        idOf={idOf}
                        onChange={(text) => setSection(i, { questions: s.questions.map((x, k) => (k === j ? { ...x, text } : x)) })}
                      />
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('conversations.plan.editor.removeQuestionLabel', { n: j + 1, section: sectionName(s, i) })}
                        onClick={() => removeQuestion(i, j)}
                      >
                        {t('conversations.plan.editor.removeQuestion')}
                      </Button>
                    </li>
                  ))}
                </ol>
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    id={`${uid}-addQuestion-${s.key}`}
                    disabled={s.questions.length >= MAX_QUESTIONS}
                    aria-label={t('conversations.plan.editor.addQuestionLabel', { section: sectionName(s, i) })}
                    onClick={() => addQuestion(i)}
                  >
                    {t('conversations.plan.editor.addQuestion')}
                  </Button>
                </div>
              </Fieldset>

              <div className="button-row plan-editor__section-actions">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  id={`${uid}-up-${s.key}`}
                  disabled={i === 0}
                  aria-label={t('conversations.plan.editor.moveUpLabel', { section: sectionName(s, i) })}
                  onClick={() => moveSection(i, -1)}
                >
                  {t('conversations.plan.editor.moveUp')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  id={`${uid}-down-${s.key}`}
                  disabled={i === values.sections.length - 1}
                  aria-label={t('conversations.plan.editor.moveDownLabel', { section: sectionName(s, i) })}
                  onClick={() => moveSection(i, 1)}
                >
                  {t('conversations.plan.editor.moveDown')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  aria-label={t('conversations.plan.editor.removeSectionLabel', { section: sectionName(s, i) })}
                  onClick={() => removeSection(i)}
                >
                  {t('conversations.plan.editor.removeSection')}
                </Button>
              </div>
            </Fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" variant="secondary" id={`${uid}-addSection`} disabled={values.sections.length >= MAX_SECTIONS} onClick={addSection}>
          {t('conversations.plan.editor.addSection')}
        </Button>
      </div>
      <p role="status" className="ds-sr-only">
        {announce}
      </p>

      <Paragraph data-size="sm" className="muted">
        {t('conversations.plan.templates.keepsVersion')}
      </Paragraph>
      <div className="button-row">
        <Button type="submit" loading={pending}>
          {mode === 'new' ? t('conversations.plan.editor.create') : t('conversations.plan.editor.saveVersion')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

// unsaved-guard: a field of TemplateEditor's form, guarded there
/** One text in bokmål (required unless `optional`), with nynorsk and English folded away until wanted. */
function LocalizedField({
  path,
  label,
  description,
  value,
  errors,
  idOf,
  onChange,
  optional = false,
  multiline = false,
}: {
  path: string;
  label: string;
  description?: string;
  value: Texts;
  errors: Errors;
  idOf: (path: string) => string;
  onChange: (v: Texts) => void;
  optional?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const [userOpen, setUserOpen] = useState(false);
  const hasOtherError = Boolean(errors[`${path}.nn`] || errors[`${path}.en`]);
  const open = userOpen || hasOtherError;
  const filled = [value.nn.trim() && t('conversations.plan.editor.lang.nn'), value.en.trim() && t('conversations.plan.editor.lang.en')].filter(Boolean);
  const field = (lang: 'nb' | 'nn' | 'en', fieldLabel: string, required: boolean) => {
    const common = {
      id: idOf(`${path}.${lang}`),
      label: fieldLabel,
      value: value[lang],
      error: errors[`${path}.${lang}`],
      required,
      lang: lang === 'en' ? 'en' : lang === 'nn' ? 'nn' : 'nb',
    };
    return multiline ? (
      <Textfield {...common} multiline rows={3} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
    ) : (
      <Textfield {...common} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
    );
  };
  return (
    <div className="plan-localized">
      {field('nb', `${label} – ${t('conversations.plan.editor.lang.nb')}${optional ? ` ${t('conversations.plan.editor.optional')}` : ''}`, !optional)}
      {description && (
        <Paragraph data-size="sm" className="muted plan-localized__help">
          {description}
        </Paragraph>
      )}
      <Details open={open} onToggle={(e) => setUserOpen((e.currentTarget as HTMLDetailsElement | null)?.open ?? !userOpen)} className="plan-localized__other">
        <Details.Summary>
          {t('conversations.plan.editor.otherLanguages')}
          {filled.length > 0 && <span className="muted"> ({filled.join(', ')})</span>}
        </Details.Summary>
        <Details.Content>
          <div className="stack">
            {field('nn', `${label} – ${t('conversations.plan.editor.lang.nn')} ${t('conversations.plan.editor.optional')}`, false)}
            {field('en', `${label} – ${t('conversations.plan.editor.lang.en')} ${t('conversations.plan.editor.optional')}`, false)}
          </div>
        </Details.Content>
      </Details>
    </div>
  );
}

// unsaved-guard: a field of TemplateEditor's form, guarded there
/** Who the section is for: everyone, minority-language students with short residence, some levels, or under-18s. */
function RuleField({
  section: s,
  index: i,
  errors,
  idOf,
  onChange,
}: {
  section: SectionValues;
  index: number;
  errors: Errors;
  idOf: (path: string) => string;
  onChange: (patch: Partial<SectionValues>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = idOf(`sections.${i}.rule`);
  const choices: { value: RuleChoice; label: string }[] = [
    { value: 'none', label: t('conversations.plan.editor.ruleNone') },
    { value: 'minorityLanguageResidence', label: t('conversations.plan.editor.ruleMinority') },
    { value: 'level', label: t('conversations.plan.editor.ruleLevel') },
    { value: 'under18', label: t('conversations.plan.editor.ruleUnder18') },
  ];
  return (
    <Fieldset>
      <Fieldset.Legend>{t('conversations.plan.editor.rule')}</Fieldset.Legend>
      {choices.map((c, k) => (
        <Radio
          key={c.value}
          id={k === 0 ? name : `${name}-${c.value}`}
          name={name}
          value={c.value}
          label={c.label}
          checked={s.rule === c.value}
          onChange={() => onChange({ rule: c.value })}
        />
      ))}
      {errors[`sections.${i}.rule`] && <ValidationMessage>{errors[`sections.${i}.rule`]}</ValidationMessage>}
      {s.rule === 'minorityLanguageResidence' && (
        <Textfield
          id={idOf(`sections.${i}.rule.maxYears`)}
          label={t('conversations.plan.editor.maxYears')}
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          value={s.maxYears}
          error={errors[`sections.${i}.rule.maxYears`]}
          onChange={(e) => onChange({ maxYears: e.target.value })}
          className="plan-form__number"
        />
      )}
      {s.rule === 'level' && (
        <Fieldset>
          <Fieldset.Legend>{t('conversations.plan.editor.levels')}</Fieldset.Legend>
          <div className="plan-editor__levels">
            {allLevels.map((l, k) => (
              <Checkbox
                key={l}
                id={k === 0 ? idOf(`sections.${i}.rule.levels`) : `${idOf(`sections.${i}.rule.levels`)}-${l}`}
                label={format.level(l)}
                value={l}
                checked={s.levels.includes(l)}
                aria-invalid={errors[`sections.${i}.rule.levels`] ? true : undefined}
                onChange={(e) =>
                  onChange({
                    levels: e.target.checked ? allLevels.filter((x) => x === l || s.levels.includes(x)) : s.levels.filter((x) => x !== l),
                  })
                }
              />
            ))}
          </div>
          {errors[`sections.${i}.rule.levels`] && <ValidationMessage>{errors[`sections.${i}.rule.levels`]}</ValidationMessage>}
        </Fieldset>
      )}
    </Fieldset>
  );
}
