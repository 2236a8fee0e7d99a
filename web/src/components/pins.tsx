import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import type { CommentView, DesignView } from '#shared/schemas/design.ts';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, patch, post } from '../api.ts';
import { Button } from './button.tsx';
import { Field, Notice } from './field.tsx';
import { describedWithCount, LengthCount, usePasteCut } from './length-count.tsx';
import { fileUrl, type ImageSource } from './file-images.ts';
import { formatDateTime } from './order-bits.tsx';
import { useLeaveGuard } from './leave-guard.ts';
import { useFocusAfterRender } from './focus-after-render.ts';

/**
 * Words someone typed, set in a sentence of ours: isolated, so right-to-left text keeps its own
 * order and neither our quotes nor what follows are drawn into it.
 */
export const Typed = (props: { text: string }) => <bdi>{props.text}</bdi>;

/** Words someone typed, in our quotes, isolated from them: “…”. */
export const Quoted = (props: { text: string }) => (
  <>
    “<Typed text={props.text} />”
  </>
);

/** Who wrote something, as the viewer reads it: the customer's own words are theirs, "You". */
export const authorLabel = (author: CommentView['author']['kind'], viewer: OrderPage['viewer']) => (author === 'seller' ? 'Shop' : viewer === 'customer' ? 'You' : 'Customer');

export type Draft = { fileId: string; x: number; y: number; page?: number | undefined };
const clamp = (n: number) => Math.min(1, Math.max(0, n));

// pdf.js is large: it loads only when a proof has a PDF in it.
const PdfPages = lazy(() => import('./pdf-pages.tsx'));

export type SurfaceProps = {
  fileId: string;
  /** For PDFs, the page (from 1) this surface shows. */
  page?: number | undefined;
  threads: CommentView[];
  number(thread: CommentView): number;
  draft: Draft | undefined;
  setDraft(draft: Draft | undefined): void;
  /** Called when a spot was pointed at with a mouse or a finger: the person means to write next. */
  onPointed?(): void;
  /** The comment being written, shown right under the surface that holds its pin. */
  composer?: ComponentChildren;
};

const onThis = (pin: { fileId: string; page?: number | undefined } | undefined, s: { fileId: string; page?: number | undefined }) => pin?.fileId === s.fileId && (pin.page ?? undefined) === s.page;

/**
 * One image (or PDF page) to pin comments on: click a spot, or press Enter to drop a pin in the
 * middle and move it with the arrow keys. Pins sit at fractions of the surface, so they stay put
 * whatever size it is shown at.
 */
export function PinSurface(props: SurfaceProps & { label: string; children: ComponentChildren }) {
  const { draft, setDraft } = props;
  const here = { fileId: props.fileId, page: props.page };
  const drafting = draft && onThis(draft, here) ? draft : undefined;
  return (
    <>
    <div
      class="pin-surface"
      role="button"
      tabIndex={0}
      aria-label={`${props.label}: click a spot, or press Enter and use the arrow keys, to pin a comment; Escape removes the pin`}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('.pin')) return;
        const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
        setDraft({ ...here, x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) });
        props.onPointed?.();
      }}
      onKeyDown={(e) => {
        const step = 0.05;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setDraft(drafting ?? { ...here, x: 0.5, y: 0.5 });
        } else if (drafting && e.key === 'Escape') {
          // As Remove pin does: the comment typed stays, the pin goes, the keyboard stays on the image.
          e.preventDefault();
          setDraft(undefined);
        } else if (drafting && e.key.startsWith('Arrow')) {
          e.preventDefault();
          const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
          const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
          setDraft({ ...drafting, x: clamp(drafting.x + dx), y: clamp(drafting.y + dy) });
        }
      }}
    >
      {props.children}
      {props.threads
        .filter((t) => onThis(t.pin, here))
        .map((t) => (
          <a key={t.commentId} class={`pin${t.resolved ? ' resolved' : ''}`} href={`#thread-${t.commentId}`} style={{ left: `${t.pin!.x * 100}%`, top: `${t.pin!.y * 100}%` }} aria-label={`Comment ${props.number(t)}`}>
            {props.number(t)}
          </a>
        ))}
      {drafting ? <span class="pin draft" style={{ left: `${drafting.x * 100}%`, top: `${drafting.y * 100}%` }} aria-hidden="true">+</span> : null}
    </div>
    {/* Where the pin is, for a screen reader, said as it moves: the image shows nothing to hear. Outside the
        surface, whose role of button would flatten it into its name. */}
    <span class="visually-hidden" aria-live="polite">
      {drafting ? `Pin at ${Math.round(drafting.x * 100)}% across, ${Math.round(drafting.y * 100)}% down.` : ''}
    </span>
    {drafting ? props.composer : null}
    </>
  );
}

/**
 * A proof's image files with their pinned threads. Click a spot to pin a comment there; with
 * the keyboard, press Enter on the image to drop a pin in the middle and move it with the arrows.
 */
export function PinnedReview(props: { orderId: string; viewer: OrderPage['viewer']; design: DesignView; comments: CommentView[]; image: ImageSource; onChanged(message: string): Promise<void> }) {
  const { orderId, design } = props;
  const threads = props.comments.filter((c) => c.designId === design.designId && !c.parentId);
  const replies = (id: string) => props.comments.filter((c) => c.parentId === id);
  const [draft, setDraft] = useState<Draft>();
  const [body, setBody] = useState('');
  useLeaveGuard(body.trim() !== '');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  // Only pinned threads carry a number, on the image as in the list: 1, 2, 3 with no gaps.
  const pinned = threads.filter((t) => t.pin);
  const number = (c: CommentView) => pinned.indexOf(c) + 1;
  const composerId = `comment-${design.designId}`;
  // A spot tapped or clicked: the comment box comes to just under it and takes the keyboard.
  const focusAfterRender = useFocusAfterRender();

  const send = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setSending(true);
    try {
      const added = await post<CommentView>(`/orders/${orderId}/designs/${design.designId}/comments`, { body, ...(draft ? { pin: draft } : {}) });
      // The pinned comment's button goes with its pin: the person is taken to their new thread,
      // where they were, rather than the focus falling to the start of the page (and the notice
      // of it, at the top, taking it there).
      if (draft) focusAfterRender(`thread-${added.commentId}`);
      setDraft(undefined);
      setBody('');
      await props.onChanged('Comment added.');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not add the comment.');
    } finally {
      setSending(false);
    }
  };

  const composer = (
    <form onSubmit={send} class="comment-form">
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Field
        id={composerId}
        label={draft ? 'Comment on the pinned spot' : 'Comment on this proof'}
        hint={draft ? `Pinned where you pointed${draft.page ? ` on page ${draft.page}` : ''}.` : 'Tap or click the image or page first to pin it to a spot.'}
        count={{ value: body, max: 2000 }}
      >
        {(aria) => <textarea {...aria} maxLength={2000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
      </Field>
      <div class="row">
        {/* Named with its version: an earlier version, opened, has its own. */}
        <Button class="button primary" type="submit" unavailable={sending || !body.trim()} aria-label={`${draft ? 'Add pinned comment' : 'Add comment'} on v${design.version}`}>
          {draft ? 'Add pinned comment' : 'Add comment'}
        </Button>
        {draft ? (
          <button
            class="button ghost"
            type="button"
            aria-label={`Remove pin on v${design.version}`}
            onClick={() => {
              setDraft(undefined);
              // The button goes with the pin: the keyboard goes on in the comment being written.
              focusAfterRender(composerId);
            }}
          >
            Remove pin
          </button>
        ) : null}
      </div>
    </form>
  );

  return (
    <div class="pinned-review">
      <div class="pin-images">
        {design.files.map((file) => {
          const surface = { fileId: file.fileId, threads, number, draft, setDraft, composer, onPointed: () => focusAfterRender(composerId) };
          if (file.kind === 'pdf') return <PdfPages key={file.fileId} url={fileUrl(orderId, file.fileId)} filename={file.filename} surface={surface} />;
          const src = props.image(file, 'preview');
          if (!src) return null;
          return (
            <figure key={file.fileId} class="pin-figure">
              <figcaption class="small muted">
                {file.filename} ·{' '}
                <a href={fileUrl(orderId, file.fileId)} target="_blank" rel="noopener noreferrer" aria-label={`Open full size: ${file.filename}`}>
                  Open full size
                </a>
              </figcaption>
              <PinSurface {...surface} label={file.filename}>
                <img src={src} alt={`Proof v${design.version}: ${file.filename}`} draggable={false} />
              </PinSurface>
            </figure>
          );
        })}
      </div>
      {draft ? null : composer}
      {threads.length ? (
        <ol class="threads" aria-label={`Comments on v${design.version}`}>
          {threads.map((t) => (
            <li key={t.commentId} id={`thread-${t.commentId}`} tabIndex={-1} class={t.resolved ? 'resolved' : ''}>
              <Thread orderId={orderId} viewer={props.viewer} design={design} thread={t} n={number(t)} replies={replies(t.commentId)} onChanged={props.onChanged} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** The first words of what someone wrote, to name their thread by. */
const firstWords = (body: string) => (body.length > 40 ? `${body.slice(0, 40)}…` : body);

function Thread(props: { orderId: string; viewer: OrderPage['viewer']; design: DesignView; thread: CommentView; n: number; replies: CommentView[]; onChanged(message: string): Promise<void> }) {
  const { thread } = props;
  // Which thread a Reply or Resolve is for, said to a screen reader that lists the page's buttons:
  // every thread has them, and two versions may both have a comment 1. In the name alone, not in
  // hidden text: the comment's words would otherwise be found twice more by the browser's Find.
  const whichThread = `${thread.pin ? `comment ${props.n}` : `the thread “${firstWords(thread.body)}”`} on v${props.design.version}`;
  const [reply, setReply] = useState('');
  useLeaveGuard(reply.trim() !== '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const base = `/orders/${props.orderId}/designs/${props.design.designId}/comments`;
  const replyId = `reply-${thread.commentId}`;
  const replyCut = usePasteCut(replyId, { value: reply, max: 2000 });
  const who = (c: CommentView) => authorLabel(c.author.kind, props.viewer);
  /** One reply or resolve at a time; a refusal is said beside the thread, and the reply typed is kept. */
  const act = async (request: () => Promise<unknown>, done: string, failed: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await request();
      await props.onChanged(done);
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : failed);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <article>
      <p>
        <strong>
          {thread.pin ? `${props.n}. ` : ''}
          {who(thread)}
          {thread.pin?.page ? `, page ${thread.pin.page}` : ''}
        </strong>{' '}
        <span class="muted small">{formatDateTime(thread.createdAt)}</span>
        {thread.resolved ? (
          <>
            {' '}
            <span class="badge design-approved">Resolved</span>
          </>
        ) : null}
      </p>
      <p>{thread.body}</p>
      {props.replies.map((r) => (
        <p key={r.commentId} class="reply">
          <strong>{who(r)}:</strong> <Typed text={r.body} />
        </p>
      ))}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <form
        class="reply-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await act(() => post(base, { body: reply, parentId: thread.commentId }), 'Reply added.', 'Could not add the reply.')) setReply('');
        }}
      >
        <input
          id={replyId}
          // A pinned thread is known by its number; one on the whole proof, by whose words it is.
          aria-label={thread.pin ? `Reply to comment ${props.n}` : `Reply to ${thread.author.kind === 'customer' && props.viewer === 'customer' ? 'your comment' : who(thread)}: “${firstWords(thread.body)}”`}
          aria-describedby={describedWithCount(undefined, replyId, { value: reply, max: 2000 }, replyCut)}
          type="text"
          maxLength={2000}
          placeholder="Reply…"
          value={reply}
          onInput={(e) => setReply(e.currentTarget.value)}
        />
        <Button class="button secondary" type="submit" unavailable={busy || !reply.trim()} aria-label={`Reply to ${whichThread}`}>
          Reply
        </Button>
        <Button
          class="button ghost"
          type="button"
          unavailable={busy}
          aria-label={`${thread.resolved ? 'Reopen' : 'Resolve'} ${whichThread}`}
          onClick={() => act(() => patch(`${base}/${thread.commentId}`, { resolved: !thread.resolved }), thread.resolved ? 'Thread reopened.' : 'Thread resolved.', 'Could not change the thread.')}
        >
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </Button>
        {/* The room left has a line of its own under the box and its buttons, so they do not move as it comes and goes. */}
        <div class="reply-count">
          <LengthCount id={replyId} value={reply} max={2000} cut={replyCut} />
        </div>
      </form>
    </article>
  );
}

type DesignFile = DesignView['files'][number];
/** One side of the comparison: a version and which of its files. */
type CompareSide = { designId: string; fileId: string };

/**
 * Any two versions side by side, or stacked with a slider that reveals one over the other. A
 * version of several files (a front and a back) is compared file by file: each side picks which.
 */
export function CompareVersions(props: { orderId: string; designs: DesignView[]; image: ImageSource }) {
  // What can be compared: images (or their renderings) and PDFs, by their first page.
  const filesOf = (d: DesignView) => d.files.filter((f) => props.image(f, 'preview') || f.kind === 'pdf');
  const comparable = props.designs.filter((d) => filesOf(d).length > 0);
  // Nothing chosen yet: the newest version on the right, the one before on the left.
  const [chosen, setChosen] = useState<{ left?: CompareSide; right?: CompareSide }>({});
  const [overlay, setOverlay] = useState(false);
  const [reveal, setReveal] = useState(50);
  if (comparable.length < 2) return null;
  const designOf = (side: CompareSide | undefined, fallback: DesignView) => comparable.find((d) => d.designId === side?.designId) ?? fallback;
  const fileIn = (d: DesignView, fileId: string | undefined) => filesOf(d).find((f) => f.fileId === fileId);
  // Unless a file was chosen, a side shows the file named as the one across from it (front with front), else its first.
  const matching = (d: DesignView, across: DesignFile | undefined) => filesOf(d).find((f) => f.filename === across?.filename) ?? filesOf(d)[0]!;
  const rightDesign = designOf(chosen.right, comparable[0]!);
  const leftDesign = designOf(chosen.left, comparable[1]!);
  const rightFile = fileIn(rightDesign, chosen.right?.fileId) ?? matching(rightDesign, fileIn(leftDesign, chosen.left?.fileId));
  const leftFile = fileIn(leftDesign, chosen.left?.fileId) ?? matching(leftDesign, rightFile);
  const shown = { left: { design: leftDesign, file: leftFile }, right: { design: rightDesign, file: rightFile } };
  // Any choice settles both sides as they are seen, so the other one does not move under the person's eyes.
  const choose = (which: 'left' | 'right', side: CompareSide) =>
    setChosen({ left: { designId: leftDesign.designId, fileId: leftFile.fileId }, right: { designId: rightDesign.designId, fileId: rightFile.fileId }, [which]: side });
  const chooseVersion = (which: 'left' | 'right', designId: string) => {
    const d = comparable.find((x) => x.designId === designId);
    if (d) choose(which, { designId, fileId: matching(d, shown[which === 'left' ? 'right' : 'left'].file).fileId });
  };

  const visualOf = (d: DesignView, f: DesignFile) => {
    const src = props.image(f, 'preview');
    const alt = `Proof v${d.version}: ${f.filename}`;
    return src ? { kind: 'image' as const, src, alt } : { kind: 'pdf' as const, url: fileUrl(props.orderId, f.fileId), filename: f.filename, alt };
  };
  const a = visualOf(leftDesign, leftFile);
  const b = visualOf(rightDesign, rightFile);
  const bothImages = a.kind === 'image' && b.kind === 'image';
  /** The file's name as a choice; a name given twice in one version is told apart by its place. */
  const optionName = (d: DesignView, f: DesignFile) => {
    const named = filesOf(d).filter((x) => x.filename === f.filename);
    return named.length > 1 ? `${f.filename} (${named.indexOf(f) + 1})` : f.filename;
  };
  const caption = (d: DesignView, f: DesignFile) => `v${d.version} · ${optionName(d, f)}`;
  // The two sides as the slider names them: by version, or by file too when both are of one version.
  const overlayNames =
    leftDesign === rightDesign ? { left: caption(leftDesign, leftFile), right: caption(rightDesign, rightFile) } : { left: `v${leftDesign.version}`, right: `v${rightDesign.version}` };
  const pickers = (which: 'left' | 'right', label: string) => {
    const { design, file } = shown[which];
    return (
      <div class="compare-pick">
        <Field id={`compare-${which}`} label={`${label} version`}>
          {(aria) => (
            <select {...aria} value={design.designId} onChange={(e) => chooseVersion(which, e.currentTarget.value)}>
              {comparable.map((d) => (
                <option key={d.designId} value={d.designId}>
                  v{d.version}
                </option>
              ))}
            </select>
          )}
        </Field>
        {filesOf(design).length > 1 ? (
          <Field id={`compare-${which}-file`} label={`${label} file`}>
            {(aria) => (
              <select {...aria} value={file.fileId} onChange={(e) => choose(which, { designId: design.designId, fileId: e.currentTarget.value })}>
                {filesOf(design).map((f) => (
                  <option key={f.fileId} value={f.fileId}>
                    {optionName(design, f)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
    );
  };
  // Captioned as the proof's own images are, with the way to the full-size file.
  const side = (which: 'left' | 'right') => {
    const { design, file } = shown[which];
    const v = which === 'left' ? a : b;
    return (
      <figure key={which} class="compare-figure">
        <figcaption class="small muted">
          {caption(design, file)} ·{' '}
          <a href={fileUrl(props.orderId, file.fileId)} target="_blank" rel="noopener noreferrer" aria-label={`Open full size: ${file.filename}, v${design.version}`}>
            Open full size
          </a>
        </figcaption>
        {v.kind === 'image' ? <img key={file.fileId} src={v.src} alt={v.alt} /> : <PdfPages key={file.fileId} url={v.url} filename={v.filename} maxPages={1} />}
      </figure>
    );
  };
  return (
    <section class="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare versions</h3>
      <div class="compare-pickers">
        {pickers('left', 'Left')}
        {pickers('right', 'Right')}
      </div>
      {bothImages ? (
        <label class="choice">
          <input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.currentTarget.checked)} />
          <span>Overlay with a slider</span>
        </label>
      ) : null}
      {overlay && bothImages ? (
        <>
          <p class="small muted compare-overlay-caption">
            Left: {caption(leftDesign, leftFile)} · Right: {caption(rightDesign, rightFile)}
          </p>
          <OverlayComparison bottom={a} top={b} names={overlayNames} reveal={reveal} onReveal={setReveal} />
        </>
      ) : (
        <div class="compare-side">
          {side('left')}
          {side('right')}
        </div>
      )}
    </section>
  );
}

type OverlayImage = { src: string; alt: string };

/**
 * Two versions stacked in one frame, split where the slider says: the left version to the left of
 * the line, the right one to its right, the slider's value the share of the left one shown. A
 * finger or a mouse drags the line on the images; the slider is the keyboard's and a screen
 * reader's way. The frame takes the taller proportions of the two and each image is fitted and
 * centred in it, so versions of different shapes line up as the same sheet would. A tall frame is
 * made narrower, not cut: at most 70% of the screen's height, so the whole sheet and the slider
 * under it are seen together.
 */
function OverlayComparison(props: { bottom: OverlayImage; top: OverlayImage; names: { left: string; right: string }; reveal: number; onReveal: (value: number) => void }) {
  const [heightPerWidth, setHeightPerWidth] = useState<Record<string, number>>({});
  // The split when a drag began: a touch that turns out to scroll the page puts it back.
  const dragFrom = useRef<number>();
  const measure = (src: string) => (event: Event) => {
    const img = event.currentTarget as HTMLImageElement;
    if (img.naturalWidth > 0) setHeightPerWidth((known) => ({ ...known, [src]: img.naturalHeight / img.naturalWidth }));
  };
  const tallest = Math.max(heightPerWidth[props.bottom.src] ?? 0, heightPerWidth[props.top.src] ?? 0);
  const proportions = tallest > 0 ? tallest : 3 / 4;
  const splitAt = (e: PointerEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    props.onReveal(Math.round(clamp((e.clientX - box.left) / box.width) * 100));
  };
  const dragging = (e: PointerEvent) => dragFrom.current !== undefined && (e.currentTarget as HTMLElement).hasPointerCapture(e.pointerId);
  return (
    // The slider is as wide as the frame: its thumb stays under the line it moves.
    <div class="compare-overlay" style={{ width: `min(100%, ${(70 / proportions).toFixed(2)}svh)` }}>
      <div
        class="frame"
        style={{ aspectRatio: `1 / ${proportions}` }}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          dragFrom.current = props.reveal;
          // A mouse moves the line at once; a finger only once it moves sideways or lifts, as it may mean to scroll.
          if (e.pointerType === 'mouse') {
            e.preventDefault();
            splitAt(e);
          }
        }}
        onPointerMove={(e) => {
          if (dragging(e)) splitAt(e);
        }}
        onPointerUp={(e) => {
          if (dragging(e)) splitAt(e);
          dragFrom.current = undefined;
        }}
        onPointerCancel={() => {
          if (dragFrom.current !== undefined) props.onReveal(dragFrom.current);
          dragFrom.current = undefined;
        }}
      >
        <img src={props.bottom.src} alt={props.bottom.alt} draggable={false} onLoad={measure(props.bottom.src)} />
        <img src={props.top.src} alt={props.top.alt} draggable={false} class="top" onLoad={measure(props.top.src)} style={{ clipPath: `inset(0 0 0 ${props.reveal}%)` }} />
        <span class="split" style={{ left: `${props.reveal}%` }} aria-hidden="true" />
      </div>
      <label for="reveal" class="visually-hidden">
        How much of the left version, {props.names.left}, to show
      </label>
      <input
        id="reveal"
        type="range"
        min={0}
        max={100}
        value={props.reveal}
        aria-valuetext={`${props.reveal}% of ${props.names.left}, ${100 - props.reveal}% of ${props.names.right}`}
        onInput={(e) => props.onReveal(Number(e.currentTarget.value))}
      />
    </div>
  );
}
