import { useEffect, useRef, useState } from 'preact/hooks';
import { personalizationField, personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { dueDateField, withDueDateLimits } from '#shared/domain/intake/due-date-field.ts';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import type { AnswerValue, FieldType, IntakeField } from '#shared/schemas/intake-form.ts';
import { ApiError, get, post, put } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Announcement, describedByOf, Field, Notice } from '../components/field.tsx';
import { useFocusAfterRender } from '../components/focus-after-render.ts';
import { IntakeFieldInput } from '../components/intake-field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { RequestPageLink } from '../components/request-page-link.tsx';
import { useRequire } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';

type SellerForm = { formId: string; version: number; name: string; description?: string; fields: IntakeField[]; isDefault: boolean; archived: boolean; updatedAt: string };
type Draft = { formId?: string; version?: number; name: string; description: string; isDefault: boolean; fields: IntakeField[] };

const typeLabels: Record<FieldType, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  date: 'Date',
  color: 'Colour',
  checkbox: 'Checkbox',
  file: 'Files (photos, sketches)',
};

/** One line about a form in the list: whether it is the default, its size, which answers become the personalisation and the due date. */
function formFacts(form: SellerForm): string {
  const marked = personalizationField(form.fields);
  const due = dueDateField(form.fields);
  return [
    form.isDefault ? 'Default form' : '',
    `${form.fields.length} ${form.fields.length === 1 ? 'field' : 'fields'}`,
    marked ? `personalisation: ${marked.label}` : '',
    due ? `due date: ${due.label}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * An id no field of the form has: `field_<n>` past the highest in use. Counting the fields would
 * give a removed field's successor the id of one still there, and the form could not be saved.
 */
function nextFieldId(fields: IntakeField[]): string {
  const used = fields.map((f) => /^field_(\d+)$/.exec(f.id)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `field_${Math.max(0, ...used) + 1}`;
}

function blankField(type: FieldType, existing: IntakeField[]): IntakeField {
  const base = { id: nextFieldId(existing), label: '', required: false };
  switch (type) {
    case 'short_text':
      return { ...base, type, maxLength: 200 };
    case 'long_text':
      return { ...base, type, maxLength: 2000 };
    case 'number':
      return { ...base, type, integer: false };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, type, options: ['Option 1', 'Option 2'] };
    case 'file':
      return { ...base, type, maxFiles: 3 };
    default:
      return { ...base, type };
  }
}

/** A field as the customer will see it once saved: blank options left out, counts within what is kept. */
function previewOf(field: IntakeField): IntakeField {
  const shown = { ...field, label: field.label || 'Untitled field' };
  if ('options' in shown) shown.options = shown.options.map((o) => o.trim()).filter(Boolean);
  if (shown.type === 'file') shown.maxFiles = Math.min(10, Math.max(1, shown.maxFiles || 1));
  return withDueDateLimits([shown], localIsoToday())[0]!;
}

/** What the API takes for a form. Options are typed one per line: blank lines and spaces around are not options. */
function formBody(form: { name: string; description?: string | undefined; isDefault: boolean; fields: IntakeField[] }) {
  const fields = form.fields.map((f) => ('options' in f ? { ...f, options: f.options.map((o) => o.trim()).filter(Boolean) } : f));
  return { name: form.name, description: form.description || undefined, isDefault: form.isDefault, fields };
}

/**
 * One thing a save was refused for: in the form itself (`key` "name", "fields"; "" for a refusal
 * of the whole save) or in one field (`fieldId`) at one of its settings (`key` "options").
 * `seen` is that part as it was refused: once the seller changes it, the message goes.
 */
type SaveProblem = { message: string; key: string; fieldId?: string | undefined; seen: string };

const formPart = (draft: Draft, key: string) => (key in draft ? JSON.stringify(draft[key as keyof Draft]) : '');

/**
 * The server's refusal by the part of the draft each problem is about: its `details` give each
 * problem's path ("fields.2.options"), the index of the field as sent, which is its index in the draft.
 */
function refusalProblems(error: unknown, draft: Draft): SaveProblem[] {
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  const issues = details.filter((issue): issue is { path?: unknown; message: string } => typeof issue?.message === 'string');
  if (issues.length === 0) return [{ message: error instanceof ApiError ? error.message : 'Could not save the form.', key: '', seen: '' }];
  return issues.map(({ path, message }) => {
    const [top = '', index = '', key = ''] = typeof path === 'string' ? path.split('.') : [];
    const field = top === 'fields' && /^\d+$/.test(index) ? draft.fields[Number(index)] : undefined;
    return field ? { message, key, fieldId: field.id, seen: JSON.stringify(field) } : { message, key: top, seen: formPart(draft, top) };
  });
}

const fieldAsRefused = (problem: SaveProblem, fields: IntakeField[]) => fields.findIndex((f) => f.id === problem.fieldId && JSON.stringify(f) === problem.seen);
const stillAsRefused = (problem: SaveProblem, draft: Draft) => (problem.fieldId === undefined ? formPart(draft, problem.key) === problem.seen : fieldAsRefused(problem, draft.fields) >= 0);

/** The form's own controls a problem can be about, in the order the editor shows them. */
const formControls: Record<string, string> = { name: 'form-name', description: 'form-description', isDefault: 'form-default', fields: 'add-field' };
/** A field's settings with a control in its card, in the card's order; any other (its id) is said at its question. */
const fieldSettings = ['label', 'help', 'options', 'minLength', 'maxLength', 'min', 'max', 'maxSelected', 'maxFiles', 'personalization', 'dueDate', 'dueDaysBefore'];
const settingIds: Record<string, string> = { dueDate: 'due-date', dueDaysBefore: 'due-days' };

/** A problem where the editor shows it: the control to fix it by (none for the whole save), its words in the summary. */
type PlacedProblem = { message: string; summary: string; target?: string | undefined; fieldIndex?: number; setting?: string; rank: number[] };

/**
 * The problems in the order of the form, as GOV.UK's error summary lists them: the form's own
 * first, then each field's by its place now (a field moved since keeps its problems), each once.
 */
function placeProblems(problems: SaveProblem[], draft: Draft): PlacedProblem[] {
  const placed = problems.flatMap((problem, n): PlacedProblem[] => {
    if (problem.fieldId === undefined) {
      const order = Object.keys(formControls).indexOf(problem.key);
      return [{ message: problem.message, summary: problem.message, target: formControls[problem.key], rank: [-1, order < 0 ? -1 : order, n] }];
    }
    const index = fieldAsRefused(problem, draft.fields);
    if (index < 0) return [];
    const setting = fieldSettings.includes(problem.key) ? problem.key : 'label';
    const label = draft.fields[index]!.label.trim();
    const summary = `Field ${index + 1}${label ? ` (“${label}”)` : ''}: ${problem.message}`;
    return [{ message: problem.message, summary, target: `fe-${index}-${settingIds[setting] ?? setting}`, fieldIndex: index, setting, rank: [index, fieldSettings.indexOf(setting), n] }];
  });
  const byRank = (a: PlacedProblem, b: PlacedProblem) => a.rank.reduce((order, r, i) => order || r - b.rank[i]!, 0);
  const seen = new Set<string>();
  return placed.sort(byRank).filter((p) => {
    const id = `${p.summary}\u0000${p.target}`;
    return seen.has(id) ? false : Boolean(seen.add(id));
  });
}

/** The messages for one control, joined: a setting refused twice over (two options too long) says it once. */
function messagesAt(placed: PlacedProblem[], matches: (p: PlacedProblem) => boolean): string | undefined {
  const messages = [...new Set(placed.filter(matches).map((p) => p.message))];
  return messages.length ? messages.join(' ') : undefined;
}

/** The seller designs the questions customers answer when they ask for a piece. */
export default function FormsPage() {
  const seller = useRequire('seller');
  const [forms, setForms] = useState<SellerForm[]>();
  const [slug, setSlug] = useState('');
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<SaveProblem[]>();
  const [saved, setSaved] = useState<string>();
  const load = () =>
    get<{ forms: SellerForm[]; shopSlug: string }>('/shop/intake-forms').then((r) => {
      setForms(r.forms);
      setSlug(r.shopSlug);
      return r.forms;
    });
  useEffect(() => {
    if (seller) load().catch(() => setError('Could not load your forms.'));
  }, [seller]);

  // The draft as last opened or saved: closing a draft that differs from it asks first.
  const [savedSnapshot, setSavedSnapshot] = useState('');
  const snapshot = (d: Draft) => JSON.stringify({ name: d.name, description: d.description, isDefault: d.isDefault, fields: d.fields });
  const open = (next: Draft) => {
    setDraft(next);
    setSavedSnapshot(snapshot(next));
  };
  // A problem's message goes once the seller changes the part it is about, and stays gone.
  const change = (next: Draft) => {
    setDraft(next);
    setProblems((current) => current?.filter((p) => stillAsRefused(p, next)));
  };
  const close = () => {
    setDraft(undefined);
    setProblems(undefined);
  };
  const focusAfterRender = useFocusAfterRender();
  // Opening the editor puts the keyboard in its first field; closing it, back on the button that
  // opened it (or on New form, when that form has gone to the archive).
  const editing = Boolean(draft);
  const returnTo = useRef<string>();
  useEffect(() => {
    if (editing) document.getElementById('form-name')?.focus();
    else if (returnTo.current) (document.getElementById(returnTo.current) ?? document.getElementById('new-form'))?.focus();
  }, [editing]);
  const edit = (form?: SellerForm) => {
    returnTo.current = form ? `edit-${form.formId}` : 'new-form';
    setSaved(undefined);
    setError(undefined);
    setProblems(undefined);
    open(
      form
        ? { formId: form.formId, version: form.version, name: form.name, description: form.description ?? '', isDefault: form.isDefault, fields: form.fields }
        : { name: '', description: '', isDefault: false, fields: [blankField('short_text', [])] },
    );
  };

  // One save at a time: a second press would send the same version again and be refused.
  const [saving, setSaving] = useState(false);
  const save = async (archived = false) => {
    if (!draft) return;
    setProblems(undefined);
    setSaving(true);
    const body = formBody(draft);
    const { fields } = body;
    try {
      const result = draft.formId
        ? await put<SellerForm>(`/shop/intake-forms/${draft.formId}`, { ...body, version: draft.version, archived })
        : await post<SellerForm>('/shop/intake-forms', body);
      await load();
      if (archived) close();
      // The draft becomes the form as stored (its name and introduction trimmed), so the heading and list agree.
      else open({ ...draft, fields, formId: result.formId, version: result.version, isDefault: result.isDefault, name: result.name, description: result.description ?? '' });
      // Said with the form as saved, not before it.
      setSaved(archived ? `“${result.name}” is archived: customers no longer see it. It waits under Archived forms if you want it back.` : `Saved “${result.name}” (version ${result.version}).`);
    } catch (e) {
      setProblems(refusalProblems(e, draft));
      // As GOV.UK's error summary: the list of problems takes the focus, beside the Save just pressed.
      focusAfterRender('save-problems');
    } finally {
      setSaving(false);
    }
  };

  const restore = async (form: SellerForm) => {
    setSaved(undefined);
    setError(undefined);
    setSaving(true);
    try {
      await put<SellerForm>(`/shop/intake-forms/${form.formId}`, { ...formBody({ ...form, isDefault: false }), version: form.version, archived: false });
      await load();
      setSaved(`“${form.name}” is back on your request page.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not restore the form.');
      await load();
    } finally {
      setSaving(false);
    }
  };

  if (!seller || !forms) return <Layout signedIn><Loading /></Layout>;
  const live = forms.filter((f) => !f.archived);
  const archived = forms.filter((f) => f.archived);

  return (
    <Layout signedIn>
      <div class="page-head">
        <div>
          <h1>Intake forms</h1>
          <p class="muted small" style={{ margin: 0 }}>
            Each save of a form makes a new version of it; orders keep the version they were filled with.
          </p>
          <p class="muted small request-line">{slug ? <>Customers answer these at <RequestPageLink slug={slug} /></> : null}</p>
        </div>
        <button id="new-form" class="button primary" type="button" onClick={() => edit()}>
          New form
        </button>
      </div>
      <Announcement message={saved ? { kind: 'success', text: saved } : undefined} />
      {!draft ? (
        <ul class="order-list forms-list" aria-label="Your forms">
          {live.map((f) => (
            <FormRow key={f.formId} form={f} slug={slug} action="Edit" onAction={() => edit(f)} />
          ))}
        </ul>
      ) : (
        <FormEditor
          draft={draft}
          unsaved={snapshot(draft) !== savedSnapshot}
          onChange={change}
          saving={saving}
          onSave={() => save()}
          onArchive={() => save(true)}
          onClose={close}
          problems={problems}
        />
      )}
      {!draft && error ? <Notice kind="error">{error}</Notice> : null}
      {!draft && archived.length ? (
        <section class="archived-forms" aria-labelledby="archived-title">
          <h2 id="archived-title">Archived forms</h2>
          <p class="muted small">Customers no longer see these; orders made with them keep their answers.</p>
          <ul class="order-list forms-list" aria-label="Archived forms">
            {archived.map((f) => (
              <FormRow key={f.formId} form={f} action="Restore" busy={saving} onAction={() => restore(f)} />
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** A form in a list: its version, name and facts, where customers answer it (given the shop's `slug`), and the one thing to do with it. */
function FormRow(props: { form: SellerForm; slug?: string; action: string; busy?: boolean; onAction(): void }) {
  const f = props.form;
  return (
    <li>
      <div class="order-row">
        <span class="ref">Version {f.version}</span>
        <span>
          <span class="title">{f.name}</span>
          <span class="meta">{formFacts(f)}</span>
          {props.slug ? (
            <span class="form-address">
              Customers answer it at <RequestPageLink slug={props.slug} form={f} />
            </span>
          ) : null}
        </span>
        <span class="side">
          <Button id={`${props.action.toLowerCase()}-${f.formId}`} class="button secondary" type="button" unavailable={props.busy} onClick={props.onAction}>
            {props.action} <span class="visually-hidden">{f.name}</span>
          </Button>
        </span>
      </div>
    </li>
  );
}

function FormEditor(props: {
  draft: Draft;
  unsaved: boolean;
  saving: boolean;
  onChange(d: Draft): void;
  onSave(): void;
  onArchive(): void;
  onClose(): void;
  problems?: SaveProblem[] | undefined;
}) {
  const { draft } = props;
  const problems = placeProblems(props.problems ?? [], draft);
  const formError = (key: string) => messagesAt(problems, (p) => p.fieldIndex === undefined && p.target === formControls[key]);
  const [closing, setClosing] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [previewAnswers, setPreviewAnswers] = useState<Record<string, AnswerValue>>({});
  const [newType, setNewType] = useState<FieldType>('short_text');
  useLeaveGuard(props.unsaved);
  // The fields are drawn by position: after adding, moving or removing one, the focus is put
  // where the keyboard goes on, not left at the old position on another field's button.
  const focusAfterRender = useFocusAfterRender();
  const setField = (index: number, next: IntakeField) => props.onChange({ ...draft, fields: draft.fields.map((f, i) => (i === index ? next : f)) });
  const move = (index: number, by: number) => {
    const fields = [...draft.fields];
    const [item] = fields.splice(index, 1);
    const to = index + by;
    fields.splice(to, 0, item!);
    // The moved field's own button, to move it on; at the end of the list, its button back.
    const atEnd = by < 0 ? to === 0 : to === fields.length - 1;
    const onward = by < 0 ? 'up' : 'down';
    const back = by < 0 ? 'down' : 'up';
    focusAfterRender(`fe-${to}-${atEnd ? back : onward}`);
    props.onChange({ ...draft, fields });
  };
  // A field removed by a mis-tap (Remove sits by the small arrows) comes back with Undo, where it
  // was, settings and options and all. The notice holds its place until the form changes in any
  // other way (the draft is then another object): no timer that a slow reader would miss.
  const [removed, setRemoved] = useState<{ field: IntakeField; index: number; after: Draft }>();
  const removal = removed && removed.after === draft ? removed : undefined;
  const remove = (index: number) => {
    const next = { ...draft, fields: draft.fields.filter((_, i) => i !== index) };
    setRemoved({ field: draft.fields[index]!, index, after: next });
    // On Undo, in the notice that says what went: a keyboard or screen reader hears it at once.
    focusAfterRender('removed-field-undo');
    props.onChange(next);
  };
  const undoRemove = () => {
    if (!removal) return;
    const fields = [...draft.fields];
    fields.splice(removal.index, 0, removal.field);
    setRemoved(undefined);
    focusAfterRender(`fe-${removal.index}-label`);
    props.onChange({ ...draft, fields });
  };
  const removedNotice = removal ? (
    <div key="removed-field" class="notice info removed-field">
      <span id="removed-field-text">
        {removal.field.label.trim() ? `Removed “${removal.field.label.trim()}”.` : `Removed field ${removal.index + 1} (${typeLabels[removal.field.type]}).`}
      </span>
      <button id="removed-field-undo" class="button secondary" type="button" aria-describedby="removed-field-text" onClick={undoRemove}>
        Undo
      </button>
    </div>
  ) : null;
  return (
    <div class="grid-2">
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
        aria-labelledby="editor-title"
      >
        <h2 id="editor-title" tabIndex={-1}>{draft.formId ? `Edit “${draft.name.trim()}”` : 'New form'}</h2>
        <JumpLink to="preview-title" class="phone-only">
          See the preview
        </JumpLink>
        <Field id="form-name" label="Form name" hint="What customers pick, e.g. “Engraved cutting board”." required error={formError('name')} count={{ value: draft.name, max: 80 }}>
          {(aria) => <input {...aria} type="text" maxLength={80} value={draft.name} onInput={(e) => props.onChange({ ...draft, name: e.currentTarget.value })} />}
        </Field>
        <Field id="form-description" label="Introduction" error={formError('description')} count={{ value: draft.description, max: 1000 }}>
          {(aria) => <textarea {...aria} maxLength={1000} value={draft.description} onInput={(e) => props.onChange({ ...draft, description: e.currentTarget.value })} />}
        </Field>
        <label class="choice">
          <input id="form-default" type="checkbox" checked={draft.isDefault} onChange={(e) => props.onChange({ ...draft, isDefault: e.currentTarget.checked })} />
          <span>Default form of the request page</span>
        </label>
        <h3 style={{ marginTop: '24px' }}>Fields</h3>
        {draft.fields.flatMap((field, index) => [
          removal?.index === index ? removedNotice : null,
          <FieldEditor
            key={index}
            index={index}
            field={field}
            count={draft.fields.length}
            errors={Object.fromEntries(fieldSettings.map((setting) => [setting, messagesAt(problems, (p) => p.fieldIndex === index && p.setting === setting)]))}
            onChange={(next) => setField(index, next)}
            onMove={(by) => move(index, by)}
            onRemove={() => remove(index)}
            onMarkPersonalization={(on) => props.onChange({ ...draft, fields: markPersonalization(draft.fields, on ? index : -1) })}
            onMarkDueDate={(on) => props.onChange({ ...draft, fields: markDueDate(draft.fields, on ? index : -1) })}
          />,
        ])}
        {removal && removal.index >= draft.fields.length ? removedNotice : null}
        <div class="row add-field">
          <Field id="add-field" label="New field’s type" error={formError('fields')}>
            {(aria) => (
              // Choosing only picks the type: a select that added on change would add a field at every arrow key.
              <select {...aria} value={newType} onChange={(e) => setNewType(e.currentTarget.value as FieldType)}>
                {Object.entries(typeLabels).map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            class="button secondary"
            type="button"
            onClick={() => {
              props.onChange({ ...draft, fields: [...draft.fields, blankField(newType, draft.fields)] });
              focusAfterRender(`fe-${draft.fields.length}-label`);
            }}
          >
            Add field
          </button>
        </div>
        {/* Beside Save: the fields above can run long on a phone. */}
        {problems.length ? <SaveProblems problems={problems} /> : null}
        <div class="row" style={{ marginTop: '24px' }}>
          <Button class="button primary" type="submit" unavailable={props.saving}>
            Save form
          </Button>
          <button ref={closeButton} class="button ghost" type="button" aria-expanded={props.unsaved ? closing : undefined} onClick={() => (props.unsaved ? setClosing(!closing) : props.onClose())}>
            Close
          </button>
          {draft.formId && !draft.isDefault ? (
            <Button class="button danger" type="button" unavailable={props.saving} onClick={props.onArchive}>
              Archive
            </Button>
          ) : null}
        </div>
        {closing && props.unsaved ? (
          <div class="close-unsaved">
            <Notice kind="warn">This form has changes that are not saved. Close it and lose them?</Notice>
            <div class="row">
              <button class="button danger" type="button" onClick={props.onClose}>
                Discard changes
              </button>
              <button
                class="button secondary"
                type="button"
                onClick={() => {
                  setClosing(false);
                  closeButton.current?.focus();
                }}
              >
                Keep editing
              </button>
            </div>
          </div>
        ) : null}
      </form>
      <section class="form-preview" aria-labelledby="preview-title">
        <h2 id="preview-title" tabIndex={-1}>Preview</h2>
        <p class="muted small">The questions as the customer will see them. “Your name”, “Your email” and “Send my request” follow them.</p>
        <div class="preview-frame">
          <h3>{draft.name.trim() || 'Untitled form'}</h3>
          {draft.description ? <p>{draft.description}</p> : null}
          {draft.fields.map((field) => (
            <IntakeFieldInput key={field.id} idPrefix="preview" field={previewOf(field)} value={previewAnswers[field.id]} onChange={(v) => setPreviewAnswers({ ...previewAnswers, [field.id]: v })} />
          ))}
        </div>
        <JumpLink to="editor-title" class="phone-only">
          Back to the form
        </JumpLink>
      </section>
    </div>
  );
}

/**
 * Why the form was not saved, as GOV.UK's error summary: a list in the form's order, each problem
 * a link that takes the keyboard to the control to fix, its label in view.
 */
function SaveProblems(props: { problems: PlacedProblem[] }) {
  return (
    <div id="save-problems" class="notice error save-problems" role="alert" tabIndex={-1} aria-labelledby="save-problems-title">
      <h3 id="save-problems-title">The form was not saved</h3>
      <ul>
        {props.problems.map((problem) => (
          <li key={`${problem.target}:${problem.summary}`}>
            {problem.target ? (
              <a
                href={`#${problem.target}`}
                onClick={(e) => {
                  e.preventDefault();
                  const control = document.getElementById(problem.target!);
                  (control?.closest('.field, .choice') ?? control)?.scrollIntoView({ block: 'center' });
                  control?.focus({ preventScroll: true });
                }}
              >
                {problem.summary}
              </a>
            ) : (
              problem.summary
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** On a phone the preview sits under the whole form: a link there and back, which moves the focus with the view. */
function JumpLink(props: { to: string; class: string; children: string }) {
  return (
    <p class={props.class}>
      <a
        href={`#${props.to}`}
        onClick={(e) => {
          e.preventDefault();
          const target = document.getElementById(props.to);
          target?.scrollIntoView({ block: 'start' });
          target?.focus({ preventScroll: true });
        }}
      >
        {props.children}
      </a>
    </p>
  );
}

/** Marks the text field at `index` (none for -1) as the personalization, unmarking any other: a form has at most one. */
function markPersonalization(fields: IntakeField[], index: number): IntakeField[] {
  return fields.map((f, i) => {
    if (f.type !== 'short_text' && f.type !== 'long_text') return f;
    if (i !== index) return { ...f, personalization: undefined };
    return { ...f, personalization: true, maxLength: Math.min(f.maxLength, personalizationMaxLength) };
  });
}

/** Marks the date field at `index` (none for -1) as the due date, unmarking any other: a form has at most one. */
function markDueDate(fields: IntakeField[], index: number): IntakeField[] {
  return fields.map((f, i) => (f.type === 'date' ? { ...f, dueDate: i === index ? true : undefined, dueDaysBefore: i === index ? f.dueDaysBefore : undefined } : f));
}

function FieldEditor(props: {
  index: number;
  field: IntakeField;
  count: number;
  /** What the last save refused at each setting of this field, as it still is. */
  errors: Record<string, string | undefined>;
  onChange(f: IntakeField): void;
  onMove(by: number): void;
  onRemove(): void;
  onMarkPersonalization(on: boolean): void;
  onMarkDueDate(on: boolean): void;
}) {
  const { field, index, errors } = props;
  const id = `fe-${index}`;
  // A mark's checkbox: its hint, and what was refused about it, under its words.
  const markAria = (setting: string, control: string) => ({
    id: control,
    'aria-describedby': describedByOf(control, 'hint', errors[setting]),
    'aria-invalid': errors[setting] ? ('true' as const) : undefined,
  });
  const markError = (setting: string, control: string) =>
    errors[setting] ? (
      <span class="error" id={`${control}-error`}>
        {errors[setting]}
      </span>
    ) : null;
  const update = (changes: Partial<IntakeField>) => props.onChange({ ...field, ...changes } as IntakeField);
  const numberInput = (key: string, label: string) => (
    <Field id={`${id}-${key}`} label={label} error={errors[key]}>
      {(aria) => (
        <input
          {...aria}
          type={field.type === 'date' ? 'date' : 'number'}
          value={(field as Record<string, unknown>)[key] === undefined ? '' : String((field as Record<string, unknown>)[key])}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            update({ [key]: raw === '' ? undefined : field.type === 'date' ? raw : Number(raw) } as Partial<IntakeField>);
          }}
        />
      )}
    </Field>
  );
  return (
    <fieldset class={`builder-field${Object.values(errors).some(Boolean) ? ' has-error' : ''}`}>
      <legend class="visually-hidden">Field {index + 1}</legend>
      <div class="row">
        <strong>
          {index + 1}. {typeLabels[field.type]}
        </strong>
        <span class="row">
          <button id={`${id}-up`} class="button ghost" type="button" disabled={index === 0} onClick={() => props.onMove(-1)} aria-label={`Move field ${index + 1} up`}>
            ↑
          </button>
          <button id={`${id}-down`} class="button ghost" type="button" disabled={index === props.count - 1} onClick={() => props.onMove(1)} aria-label={`Move field ${index + 1} down`}>
            ↓
          </button>
          <button id={`${id}-remove`} class="button ghost" type="button" onClick={props.onRemove} aria-label={`Remove field ${index + 1}`}>
            Remove
          </button>
        </span>
      </div>
      <Field id={`${id}-label`} label="Question" required error={errors.label} count={{ value: field.label, max: 120 }}>
        {(aria) => <input {...aria} type="text" maxLength={120} value={field.label} onInput={(e) => update({ label: e.currentTarget.value })} />}
      </Field>
      <Field id={`${id}-help`} label="Help text" error={errors.help} count={{ value: field.help ?? '', max: 300 }}>
        {(aria) => <input {...aria} type="text" maxLength={300} value={field.help ?? ''} onInput={(e) => update({ help: e.currentTarget.value || undefined })} />}
      </Field>
      {field.type === 'single_choice' || field.type === 'multiple_choice' ? (
        <Field id={`${id}-options`} label="Options" hint="One per line." error={errors.options}>
          {(aria) => <textarea {...aria} value={field.options.join('\n')} onInput={(e) => update({ options: e.currentTarget.value.split('\n') } as Partial<IntakeField>)} />}
        </Field>
      ) : null}
      <div class="row">
        {field.type === 'short_text' || field.type === 'long_text' ? (
          <>
            {numberInput('minLength', 'Min characters')}
            {numberInput('maxLength', 'Max characters')}
          </>
        ) : null}
        {field.type === 'number' || field.type === 'date' ? (
          <>
            {numberInput('min', 'Minimum')}
            {numberInput('max', 'Maximum')}
          </>
        ) : null}
        {field.type === 'multiple_choice' ? numberInput('maxSelected', 'Most choices') : null}
        {field.type === 'file' ? numberInput('maxFiles', 'Most files (1 to 10)') : null}
      </div>
      <label class="choice">
        <input type="checkbox" checked={field.required} onChange={(e) => update({ required: e.currentTarget.checked })} />
        <span>Required</span>
      </label>
      {field.type === 'short_text' || field.type === 'long_text' ? (
        <label class="choice with-hint">
          <input type="checkbox" checked={field.personalization === true} onChange={(e) => props.onMarkPersonalization(e.currentTarget.checked)} {...markAria('personalization', `${id}-personalization`)} />
          <span>
            The text we make on the piece
            <span class="hint" id={`${id}-personalization-hint`}>
              Becomes the order’s personalisation; the customer confirms it exactly when approving a proof. One field per form.
            </span>
            {markError('personalization', `${id}-personalization`)}
          </span>
        </label>
      ) : null}
      {field.type === 'date' ? (
        <label class="choice with-hint">
          <input type="checkbox" checked={field.dueDate === true} onChange={(e) => props.onMarkDueDate(e.currentTarget.checked)} {...markAria('dueDate', `${id}-due-date`)} />
          <span>
            When the order is due
            <span class="hint" id={`${id}-due-date-hint`}>
              The customer’s date, less the days for delivery, becomes the order’s due date: the day it must ship by. It sorts your orders and marks late ones. One field per form.
            </span>
            {markError('dueDate', `${id}-due-date`)}
          </span>
        </label>
      ) : null}
      {field.type === 'date' && field.dueDate ? (
        <Field id={`${id}-due-days`} label="Days for delivery" error={errors.dueDaysBefore} hint="Ship this many days before the customer’s date; customers then choose from the first date you can still meet.">
          {(aria) => (
            <input
              {...aria}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              step={1}
              value={field.dueDaysBefore === undefined ? '' : String(field.dueDaysBefore)}
              onInput={(e) => update({ dueDaysBefore: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) } as Partial<IntakeField>)}
            />
          )}
        </Field>
      ) : null}
      {field.type === 'number' ? (
        <label class="choice">
          <input type="checkbox" checked={field.integer} onChange={(e) => update({ integer: e.currentTarget.checked } as Partial<IntakeField>)} />
          <span>Whole numbers only</span>
        </label>
      ) : null}
    </fieldset>
  );
}
