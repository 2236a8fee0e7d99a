import { useState } from 'preact/hooks';
import { joinSentences } from '#shared/domain/intake/field-hint.ts';
import type { IntakeField } from '#shared/schemas/intake-form.ts';
import { ApiError } from '../api.ts';
import { acceptedFileTypes } from '../upload.ts';
import { Field } from './field.tsx';
import { useFocusAfterRender } from './focus-after-render.ts';

type FileField = Extract<IntakeField, { type: 'file' }>;
/** Starts one file's upload; resolves to its upload id. */
export type ReferenceUploader = (file: File, onProgress: (fraction: number) => void) => { done: Promise<string>; cancel(): void };
type Item = { key: number; name: string; progress: number; uploadId?: string; error?: string; cancel?: () => void };


/**
 * A file field of a request form: each chosen file goes straight to storage with its own
 * progress bar and a way to cancel or remove it; the answer is the ids of the finished uploads.
 * Without an uploader (the form builder's preview) it shows, but does not upload.
 */
export function ReferenceFilesInput(props: { id: string; field: FileField; error?: string | undefined; uploader?: ReferenceUploader | undefined; onChange(uploadIds: string[]): void; onUploading?(count: number): void }) {
  const { field } = props;
  const [items, setItems] = useState<Item[]>([]);
  const publish = (next: Item[]) => {
    props.onChange(next.flatMap((i) => (i.uploadId ? [i.uploadId] : [])));
    props.onUploading?.(next.filter((i) => i.cancel).length);
  };
  const change = (key: number, changes: Partial<Item>) =>
    setItems((all) => {
      const next = all.map((i) => (i.key === key ? { ...i, ...changes } : i));
      publish(next);
      return next;
    });
  const remove = (key: number) =>
    setItems((all) => {
      const next = all.filter((i) => i.key !== key);
      publish(next);
      return next;
    });
  const room = field.maxFiles - items.filter((i) => !i.error).length;
  // A file taken away by its own button: the keyboard goes on from the picker (enabled again
  // once there is room), not from the start of the page.
  const focusAfterRender = useFocusAfterRender();

  // More files chosen than there is room for: the ones left out are named, not dropped in silence.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const add = (files: FileList | null) => {
    if (!props.uploader) return;
    const chosen = Array.from(files ?? []);
    setLeftOut(chosen.slice(Math.max(0, room)).map((file) => file.name));
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const key = Math.random();
      const handle = props.uploader(file, (progress) => change(key, { progress }));
      setItems((all) => {
        const next = [...all, { key, name: file.name, progress: 0, cancel: handle.cancel }];
        publish(next);
        return next;
      });
      handle.done.then(
        (uploadId) => change(key, { uploadId, cancel: undefined }),
        (e) => (e instanceof ApiError && e.code === 'cancelled' ? remove(key) : change(key, { error: e instanceof ApiError ? e.message : 'Upload failed.', cancel: undefined })),
      );
    }
  };

  return (
    <Field id={props.id} label={field.label} required={field.required} error={props.error} hint={joinSentences(field.help, `Up to ${field.maxFiles} ${field.maxFiles === 1 ? 'file' : 'files'}: images, PDF, SVG, AI or EPS.`)}>
      {(aria) => (
        <>
          {/* Not `required` for the browser: the input empties after each choice; the answer holds the files. */}
          <input
            {...aria}
            required={undefined}
            type="file"
            multiple={field.maxFiles > 1}
            accept={acceptedFileTypes}
            disabled={!props.uploader || room <= 0}
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          {leftOut.length ? (
            <span class="error" role="alert">
              Up to {field.maxFiles} {field.maxFiles === 1 ? 'file' : 'files'} here: {leftOut.join(', ')} {leftOut.length === 1 ? 'was' : 'were'} left out.
            </span>
          ) : null}
          {items.length ? (
            <ul class="upload-list" aria-label={`Files for ${field.label}`}>
              {items.map((i) => (
                <li key={i.key}>
                  <span class="name">{i.name}</span>
                  {i.error ? <span class="error">{i.error}</span> : i.uploadId ? <span class="small muted">Attached</span> : <progress max={1} value={i.progress} aria-label={`Uploading ${i.name}`} />}
                  <button
                    type="button"
                    class="button ghost"
                    onClick={() => {
                      if (i.cancel) i.cancel();
                      else remove(i.key);
                      focusAfterRender(props.id);
                    }}
                  >
                    {i.cancel ? 'Cancel' : 'Remove'} <span class="visually-hidden">{i.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  );
}
