import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import * as z from '#shared/zod.ts';
import { isDueDateField } from '#shared/domain/intake/due-date-field.ts';
import { isPersonalizationField, personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { sameOptionsProblem } from '#shared/domain/intake/choice-options.ts';

/** The field types a seller can put on an intake form; `file` lets customers attach references. */
export const fieldTypes = ['short_text', 'long_text', 'number', 'single_choice', 'multiple_choice', 'date', 'color', 'checkbox', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const intakeFieldSchema = lazySchema(() => {
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
  const option = z.string().trim().min(1, 'An option cannot be empty.').max(100, 'An option is at most 100 characters.');
  const options = z.array(option).min(2, 'A choice needs at least two options.').max(30, 'A choice has at most 30 options.');
  const base = {
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1-40 lower-case letters, digits, - or _'),
    label: z.string().trim().min(1, 'A field needs a label.').max(120, 'A question is at most 120 characters.'),
    help: z.string().trim().max(300, 'Help text is at most 300 characters.').optional(),
    required: z.boolean().default(false),
  };
  /** A text field whose answer is the text made on the piece: it becomes the order's personalization. */
  const personalization = z.boolean().optional();
  return z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('short_text'), minLength: z.int().min(0).max(500).optional(), maxLength: z.int().min(1).max(500).default(200), personalization }),
    z.object({ ...base, type: z.literal('long_text'), minLength: z.int().min(0).max(5000).optional(), maxLength: z.int().min(1).max(5000).default(2000), personalization }),
    z.object({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(false) }),
    z.object({ ...base, type: z.literal('single_choice'), options }),
    z.object({
      ...base,
      type: z.literal('multiple_choice'),
      options,
      minSelected: z.int().min(0).optional(),
      maxSelected: z.int().min(1).optional(),
    }),
    /**
     * `dueDate`: the answer is when the piece is needed (a "Needed by", an event's date): less
     * `dueDaysBefore` (time for delivery), it becomes the order's due date, the day to ship by.
     */
    z.object({
      ...base,
      type: z.literal('date'),
      min: isoDate.optional(),
      max: isoDate.optional(),
      dueDate: z.boolean().optional(),
      dueDaysBefore: z.int('Days for delivery is a whole number, from 0 to 60.').min(0, 'Days for delivery is from 0 to 60.').max(60, 'Days for delivery is from 0 to 60.').optional(),
    }),
    z.object({ ...base, type: z.literal('color') }),
    z.object({ ...base, type: z.literal('checkbox') }),
    z.object({ ...base, type: z.literal('file'), maxFiles: z.int('Most files is a whole number, from 1 to 10.').min(1, 'Most files is from 1 to 10.').max(10, 'Most files is from 1 to 10.').default(3) }),
  ]);
});
export type IntakeField = z.infer<ReturnType<typeof intakeFieldSchema>>;

/** What a seller saves: the form's name, its fields in order, and whether it is the default. */
export const intakeFormInputSchema = lazySchema(() =>
  z
    .object({
      name: z.string().trim().min(1, 'A form needs a name.').max(80, 'A form’s name is at most 80 characters.'),
      description: z.string().trim().max(1000, 'An introduction is at most 1,000 characters.').optional(),
      fields: z.array(intakeFieldSchema()).min(1, 'A form needs at least one field.').max(40, 'A form has at most 40 fields.'),
      isDefault: z.boolean().default(false),
    })
    .superRefine((form, ctx) => {
      const seen = new Set<string>();
      let markedLabel: string | undefined;
      let dueDateLabel: string | undefined;
      form.fields.forEach((field, index) => {
        if (isPersonalizationField(field)) {
          if (markedLabel !== undefined)
            ctx.addIssue({ code: 'custom', path: ['fields', index, 'personalization'], message: `Only one field can be the personalisation; "${markedLabel}" is already.` });
          markedLabel = field.label;
          if (field.maxLength > personalizationMaxLength)
            ctx.addIssue({ code: 'custom', path: ['fields', index, 'maxLength'], message: `A personalisation is at most ${personalizationMaxLength} characters; lower this field’s maximum.` });
        }
        if (isDueDateField(field)) {
          if (dueDateLabel !== undefined)
            ctx.addIssue({ code: 'custom', path: ['fields', index, 'dueDate'], message: `Only one field can be the due date; "${dueDateLabel}" is already.` });
          dueDateLabel = field.label;
        }
        if (seen.has(field.id)) ctx.addIssue({ code: 'custom', path: ['fields', index, 'id'], message: `Two fields share the id "${field.id}".` });
        seen.add(field.id);
        const limits = field as { minLength?: number; maxLength?: number; min?: number | string; max?: number | string; minSelected?: number; maxSelected?: number };
        if (limits.minLength !== undefined && limits.maxLength !== undefined && limits.minLength > limits.maxLength)
          ctx.addIssue({ code: 'custom', path: ['fields', index, 'minLength'], message: 'The minimum length is above the maximum.' });
        if (limits.min !== undefined && limits.max !== undefined && limits.min > limits.max)
          ctx.addIssue({ code: 'custom', path: ['fields', index, 'min'], message: 'The minimum is above the maximum.' });
        if (field.type === 'multiple_choice' && limits.maxSelected !== undefined && limits.maxSelected > field.options.length)
          ctx.addIssue({ code: 'custom', path: ['fields', index, 'maxSelected'], message: 'More selections allowed than there are options.' });
        const sameOptions = 'options' in field ? sameOptionsProblem(field.options) : undefined;
        if (sameOptions) ctx.addIssue({ code: 'custom', path: ['fields', index, 'options'], message: sameOptions });
      });
    }),
);
export type IntakeFormInput = z.infer<ReturnType<typeof intakeFormInputSchema>>;

export const intakeFormSchema = lazySchema(() =>
  z.object({
    formId: z.string(),
    version: z.int(),
    name: z.string(),
    description: z.string().optional(),
    fields: z.array(intakeFieldSchema()),
    isDefault: z.boolean(),
    updatedAt: z.string(),
  }),
);
export type IntakeForm = z.infer<ReturnType<typeof intakeFormSchema>>;

/** An answer as the customer sends it: text, a number, a list of options, or a tick. */
export const answerValueSchema = lazySchema(() =>
  z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(100)).max(30)]),
);
export type AnswerValue = z.infer<ReturnType<typeof answerValueSchema>>;

/** An answer as the order keeps it: the label travels with it, so later form edits change nothing. */
export const storedAnswerSchema = lazySchema(() => z.object({ fieldId: z.string(), label: z.string(), type: z.enum(fieldTypes), value: answerValueSchema() }));
export type StoredAnswer = z.infer<ReturnType<typeof storedAnswerSchema>>;
