import { useRef, useState } from 'preact/hooks';
import { joinSentences } from '#shared/domain/intake/field-hint.ts';
import type { IntakeField } from '#shared/schemas/intake-form.ts';
import { ApiError } from '../api.ts';
import { acceptedFileTypes } from '../upload.ts';
import { Field } from './field.tsx';
import { useFocusAfterRender } from './focus-after-render.ts';

type FileField = Extract<IntakeField, { type: 'file' }>;
/** Starts one file's upload; resolves to its upload id. */
export type ReferenceUploader = (file: File, onProgress: (fraction: number) => void) => { done: Promise<string>; cancel(): void };
/** `retryable`: failed on the way (connection, storage), not refused for what the file is. */
type Item = { key: number; file: File; progress: number; uploadId?: string; error?: string; retryable?: boolean; cancel?: () => void };

/** A failure that sending the same file again may get past; a refusal of the file itself (type, size) it would not. */
const mayPassAgain = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status === 429 || e.status >= 500 || e.code === 'upload_failed';

const names = (files: string[]) => (files.length === 1 ? files[0]! : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`);

/**
 * A file field of a request form: each chosen file goes straight to storage with its own
 * progress bar and a way to cancel or remove it (or, when it failed on the way, to try again);
 * the answer is the ids of the finished uploads. Without an uploader (the form builder's
 * preview) it shows, but does not upload.
 */
export function ReferenceFilesInput(props: { id: string; field: FileField; error?: string | undefined; uploader?: ReferenceUploader | undefined; onChange(uploadIds: string[]): void; onUploading?(count: number): void }) {
  const { field } = props;
  const [items, setItems] = useState<Item[]>([]);
  const nextKey = useRef(0);
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
  // A file that failed on the way keeps its place until tried again or removed; a refused one takes none.
  const holdsPlace = (i: Item) => !i.error || Boolean(i.retryable);
  const room = field.maxFiles - items.filter(holdsPlace).length;
  // A file taken away by its own button: the keyboard goes on from the picker (enabled again
  // once there is room), not from the start of the page.
  const focusAfterRender = useFocusAfterRender();

  // Each outcome (uploading, attached, refused, failed, left out) is said in one polite live
  // region, on the page before any of them: see `Announcement` in field.tsx. The list shows them.
  const [said, setSaid] = useState<Array<{ key: number; text: string }>>([]);
  const say = (text: string) => setSaid((all) => [...all.slice(-4), { key: nextKey.current++, text }]);

  const start = (key: number, file: File) => {
    const handle = props.uploader!(file, (progress) => change(key, { progress }));
    handle.done.then(
      (uploadId) => {
        change(key, { uploadId, cancel: undefined });
        say(`${file.name} attached.`);
      },
      (e) => {
        if (e instanceof ApiError && e.code === 'cancelled') {
          remove(key);
          say(`${file.name} cancelled.`);
          return;
        }
        const error = e instanceof ApiError ? e.message : 'Upload failed.';
        change(key, { error, retryable: mayPassAgain(e), cancel: undefined });
        say(`${file.name} was not attached. ${error}`);
      },
    );
    return handle;
  };

  // More files chosen than there is room for: the ones left out are named, not dropped in silence.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const add = (files: FileList | null) => {
    if (!props.uploader) return;
    const chosen = Array.from(files ?? []);
    const taken = chosen.slice(0, Math.max(0, room));
    const left = chosen.slice(Math.max(0, room)).map((file) => file.name);
    setLeftOut(left);
    if (taken.length) say(`Uploading ${names(taken.map((f) => f.name))}.`);
    if (left.length) say(leftOutText(left));
    for (const file of taken) {
      const key = nextKey.current++;
      const handle = start(key, file);
      setItems((all) => {
        const next = [...all, { key, file, progress: 0, cancel: handle.cancel }];
        publish(next);
        return next;
      });
    }
  };
  const tryAgain = (item: Item) => {
    const handle = start(item.key, item.file);
    change(item.key, { error: undefined, retryable: undefined, progress: 0, cancel: handle.cancel });
    say(`Uploading ${item.file.name} again.`);
    // Its button is now Cancel, in the same place: the keyboard stays on it.
    focusAfterRender(`${props.id}-file-${item.key}`);
  };
  const takeAway = (item: Item) => {
    remove(item.key);
    const roomAfter = room + (holdsPlace(item) ? 1 : 0);
    say(`${item.file.name} removed.${leftOut.length && room <= 0 && roomAfter > 0 ? ` ${roomNowText(leftOut, roomAfter)}` : ''}`);
    // The picker takes the keyboard when there is room for a file; when there is none it stays disabled.
    focusAfterRender(roomAfter > 0 ? props.id : `${props.id}-files`);
  };

  const leftOutText = (left: string[]) => `Up to ${field.maxFiles} ${field.maxFiles === 1 ? 'file' : 'files'} here: ${left.join(', ')} ${left.length === 1 ? 'was' : 'were'} left out.`;
  // Once a file is taken away, the files left out no longer are for want of room.
  const roomNowText = (left: string[], free: number) =>
    free >= left.length ? `There is room now: choose ${names(left)} again to add ${left.length === 1 ? 'it' : 'them'}.` : `There is room for ${free} more now: choose ${free === 1 ? 'one' : free} of ${names(left)} again.`;
  const leftOutMessage = !leftOut.length ? undefined : room <= 0 ? { kind: 'error', text: leftOutText(leftOut) } : { kind: 'hint', text: roomNowText(leftOut, room) };

  return (
    <Field id={props.id} label={field.label} required={field.required} error={props.error} hint={joinSentences(field.help, `Up to ${field.maxFiles} ${field.maxFiles === 1 ? 'file' : 'files'}: images, PDF, SVG, AI or EPS.`)}>
      {(aria) => (
        <>
          {/* Not `required` for the browser: the input empties after each choice; the answer holds the files. */}
          <input
            {...aria}
            aria-describedby={[aria['aria-describedby'], leftOutMessage ? `${props.id}-left-out` : ''].filter(Boolean).join(' ') || undefined}
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
          {leftOutMessage ? (
            <span class={leftOutMessage.kind} id={`${props.id}-left-out`}>
              {leftOutMessage.text}
            </span>
          ) : null}
          <div role="status" class="visually-hidden">
            {said.map((s) => (
              <p key={s.key}>{s.text}</p>
            ))}
          </div>
          {items.length ? (
            <ul class="upload-list" id={`${props.id}-files`} tabIndex={-1} aria-label={`Files for ${field.label}`}>
              {items.map((i) => (
                <li key={i.key}>
                  <span class="name">{i.file.name}</span>
                  {i.error ? <span class="error">{i.error}</span> : i.uploadId ? <span class="small muted">Attached</span> : <progress max={1} value={i.progress} aria-label={`Uploading ${i.file.name}`} />}
                  {/* One button in one place as the file goes from uploading to attached or failed, so the keyboard keeps it. */}
                  <button
                    key="main"
                    id={`${props.id}-file-${i.key}`}
                    type="button"
                    class="button ghost"
                    onClick={() => {
                      if (i.cancel) {
                        i.cancel();
                        focusAfterRender(props.id);
                      } else if (i.error && i.retryable) tryAgain(i);
                      else takeAway(i);
                    }}
                  >
                    {i.cancel ? 'Cancel' : i.error && i.retryable ? 'Try again' : 'Remove'} <span class="visually-hidden">{i.file.name}</span>
                  </button>
                  {i.error && i.retryable ? (
                    <button key="remove" type="button" class="button ghost" onClick={() => takeAway(i)}>
                      Remove <span class="visually-hidden">{i.file.name}</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  );
}
