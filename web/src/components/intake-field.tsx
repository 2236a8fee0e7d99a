import { fieldLimits, joinSentences } from '#shared/domain/intake/field-hint.ts';
import { isPersonalizationField } from '#shared/domain/intake/personalization.ts';
import { initialColour } from '#shared/domain/intake/validate-answers.ts';
import type { AnswerValue, IntakeField } from '#shared/schemas/intake-form.ts';
import { describedByOf, Field } from './field.tsx';
import { describedWithCount, LengthCount } from './length-count.tsx';
import { WithLinks } from './with-links.tsx';
import { ReferenceFilesInput, type ReferenceUploader } from './reference-files-input.tsx';

/**
 * How many characters a text answer is over its field's limit (0 when within it), counted as its
 * length count counts them (UTF-16 code units, `charactersLeft`): the count says "too many" exactly
 * when the request page refuses to send. The server counts code points, never more, so a text
 * sent is one it takes.
 */
export function charactersOverLimit(field: IntakeField, value: AnswerValue | undefined): number {
  if ((field.type !== 'short_text' && field.type !== 'long_text') || typeof value !== 'string') return 0;
  return Math.max(0, value.length - field.maxLength);
}

/** What the request page says of a text answer over its limit, beside the count of how many too many. */
export const overLimitMessage = (max: number) => `Shorten this to ${max.toLocaleString('en-US')} characters or fewer to send your request.`;

/** One intake form field as the customer sees it; the builder's preview uses the same. */
export function IntakeFieldInput(props: {
  field: IntakeField;
  value: AnswerValue | undefined;
  error?: string | undefined;
  onChange: (value: AnswerValue) => void;
  idPrefix?: string;
  /** Uploads a file field's files; absent in the builder's preview. */
  uploader?: ReferenceUploader | undefined;
  onUploading?: (count: number) => void;
}) {
  const { field } = props;
  const id = `${props.idPrefix ?? 'f'}-${field.id}`;
  if (field.type === 'file') return <ReferenceFilesInput id={id} field={field} error={props.error} uploader={props.uploader} onChange={props.onChange} onUploading={props.onUploading} />;
  const text = typeof props.value === 'string' ? props.value : props.value === undefined ? '' : String(props.value);

  if (field.type === 'checkbox') {
    // The hint follows its box's words, inside the same field: above the box it read as the
    // previous question's. It describes the box; the box is named by its words alone.
    const describedBy = describedByOf(id, field.help, props.error);
    return (
      <div class="field">
        <label class={field.help ? 'choice with-hint' : 'choice'}>
          <input type="checkbox" id={id} checked={props.value === true} aria-labelledby={`${id}-label`} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined} onChange={(e) => props.onChange(e.currentTarget.checked)} />
          <span>
            <span id={`${id}-label`}>{field.label}</span>
            {field.required ? <span aria-hidden="true"> *</span> : null}
            {field.help ? (
              <span class="hint" id={`${id}-hint`}>
                <WithLinks text={field.help} />
              </span>
            ) : null}
          </span>
        </label>
        {props.error ? (
          <span class="error" id={`${id}-error`}>
            {props.error}
          </span>
        ) : null}
      </div>
    );
  }

  if (field.type === 'single_choice' || field.type === 'multiple_choice') {
    const hint = joinSentences(field.help, fieldLimits(field));
    const describedBy = describedByOf(id, hint, props.error);
    return (
      <fieldset class="field" aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined}>
        <legend>
          {field.label}
          {field.required ? <span aria-hidden="true"> *</span> : null}
        </legend>
        {hint ? (
          <span class="hint" id={`${id}-hint`}>
            <WithLinks text={hint} />
          </span>
        ) : null}
        {field.options.map((option, i) => {
          const selected = field.type === 'single_choice' ? props.value === option : Array.isArray(props.value) && props.value.includes(option);
          return (
            <label class="choice" key={option}>
              <input
                type={field.type === 'single_choice' ? 'radio' : 'checkbox'}
                name={id}
                id={`${id}-${i}`}
                checked={selected}
                onChange={(e) => {
                  if (field.type === 'single_choice') props.onChange(option);
                  else {
                    const current = Array.isArray(props.value) ? props.value : [];
                    props.onChange(e.currentTarget.checked ? [...current, option] : current.filter((v) => v !== option));
                  }
                }}
              />
              <span>{option}</span>
            </label>
          );
        })}
        {props.error ? (
          <span class="error" id={`${id}-error`}>
            {props.error}
          </span>
        ) : null}
      </fieldset>
    );
  }

  const confirmLater = isPersonalizationField(field) ? 'You confirm this exact text again before the piece is made.' : '';
  const hint = joinSentences(field.help, fieldLimits(field), confirmLater);
  // A text answer's limit is the seller's to set, as low as they like: it is counted near its end.
  // No `maxLength`: it would drop what is typed or pasted past the limit without a word, and an
  // engraving cut short would be sent as if whole. The text may run over; the count says by how
  // much, and the request page will not send it until it is shortened. (So not `Field`'s count,
  // whose note on a paste cut by `maxLength` would say so of a paste that was not cut.)
  const limit = field.type === 'long_text' || field.type === 'short_text' ? { value: text, max: field.maxLength } : undefined;
  return (
    <Field id={id} label={field.label} hint={hint} error={props.error} required={field.required}>
      {(given) => {
        const aria = limit ? { ...given, 'aria-describedby': describedWithCount(given['aria-describedby'] as string | undefined, id, limit) } : given;
        switch (field.type) {
          case 'long_text':
            return (
              <>
                <textarea {...aria} value={text} onInput={(e) => props.onChange(e.currentTarget.value)} />
                <LengthCount id={id} {...limit!} />
              </>
            );
          case 'short_text':
            return (
              <>
                <input {...aria} type="text" value={text} onInput={(e) => props.onChange(e.currentTarget.value)} />
                <LengthCount id={id} {...limit!} />
              </>
            );
          case 'number':
            return (
              <input {...aria} type="number" inputMode="decimal" min={field.min} max={field.max} step={field.integer ? 1 : 'any'} value={text} onInput={(e) => props.onChange(e.currentTarget.value)} />
            );
          case 'date':
            return <input {...aria} type="date" min={field.min} max={field.max} value={text} onInput={(e) => props.onChange(e.currentTarget.value)} />;
          case 'color':
            // A colour picker always holds a colour: an optional question says beside it whether
            // the customer has a preference, and without one it is left unanswered. Its swatch
            // then shows no colour (crossed through, `.no-colour`), not the picker's starting
            // brown, which read as chosen; it opens on that brown when the customer picks one.
            return field.required ? (
              <input {...aria} type="color" value={text || initialColour} onInput={(e) => props.onChange(e.currentTarget.value)} />
            ) : (
              <div class="colour-pick">
                <input
                  {...aria}
                  type="color"
                  class={text ? undefined : 'no-colour'}
                  aria-describedby={[aria['aria-describedby'], text ? '' : `${id}-none-said`].filter(Boolean).join(' ') || undefined}
                  value={text || initialColour}
                  onInput={(e) => props.onChange(e.currentTarget.value)}
                />
                <label class="choice">
                  <input type="checkbox" id={`${id}-none`} checked={!text} onChange={(e) => props.onChange(e.currentTarget.checked ? '' : initialColour)} />
                  <span>
                    No preference<span class="visually-hidden"> for {field.label}</span>
                  </span>
                </label>
                {text ? null : (
                  <span id={`${id}-none-said`} class="visually-hidden">
                    No colour chosen
                  </span>
                )}
              </div>
            );
          default:
            return <input {...aria} type="text" value={text} onInput={(e) => props.onChange(e.currentTarget.value)} />;
        }
      }}
    </Field>
  );
}
