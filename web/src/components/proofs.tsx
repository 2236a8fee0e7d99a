import { useEffect, useRef, useState } from 'preact/hooks';
import type { DesignView } from '#shared/schemas/design.ts';
import type { FileView } from '#shared/schemas/file.ts';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, post } from '../api.ts';
import { Button } from './button.tsx';
import { acceptedFileTypes, uploadToOrder, type UploadHandle } from '../upload.ts';
import { describedByOf, Field, Notice } from './field.tsx';
import { formatDateTime } from './order-bits.tsx';
import { imageSources } from './file-images.ts';
import { FileTile } from './file-tile.tsx';
import { authorLabel, CompareVersions, PinnedReview, Quoted, Typed } from './pins.tsx';
import { useLeaveGuard } from './leave-guard.ts';
import { WithLinks } from './with-links.tsx';
import { TellTheCustomer } from './tell-the-customer.tsx';
import { visibleLengthInWords } from '#shared/text/visible-length.ts';

const stateLabels: Record<DesignView['state'], string> = {
  awaiting_decision: 'Waiting for the customer',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  superseded: 'Replaced by a newer version',
};

/**
 * The proof the customer is asked to decide on now: the latest one, while the order waits for
 * them, and only one the shop sent. A design of the customer's own is never theirs to decide on
 * (ADR 0021).
 */
export function proofAwaitingDecision(page: OrderPage): DesignView | undefined {
  const latest = page.designs[0];
  return page.order.status === 'awaiting_approval' && latest?.state === 'awaiting_decision' && latest.author.kind !== 'customer' ? latest : undefined;
}

/** Statuses in which a design of the customer's own waits for the shop to answer it with a proof. */
const answeredByAProof: ReadonlyArray<OrderPage['order']['status']> = ['quoted', 'in_design', 'awaiting_approval'];

/**
 * The customer's own design, when it is the latest version and waits for the shop's proof: their
 * proposal, which the shop answers by sending a proof (maybe of the same artwork) for them to
 * approve (ADR 0021). An order on hold still owes that answer once it resumes.
 */
export function designAwaitingProof(page: OrderPage): DesignView | undefined {
  const latest = page.designs[0];
  const status = page.order.status === 'on_hold' ? page.order.heldFrom : page.order.status;
  return latest?.author.kind === 'customer' && latest.state === 'awaiting_decision' && status && answeredByAProof.includes(status) ? latest : undefined;
}

/** Statuses in which the piece is made under the customer's approval. */
const madeUnderApproval: ReadonlyArray<OrderPage['order']['status']> = ['approved', 'in_production', 'shipped', 'completed'];

/** The personalisation the customer approved, when the order is being made under that approval. */
export function approvedPersonalization(page: OrderPage): { version: number; text: string } | undefined {
  const latest = page.designs[0];
  const confirmed = latest?.state === 'approved' ? latest.decision?.confirmed : undefined;
  const status = page.order.status === 'on_hold' ? page.order.heldFrom : page.order.status;
  return confirmed && status && madeUnderApproval.includes(status) ? { version: latest!.version, text: confirmed.personalization } : undefined;
}

/**
 * A version's state in words. The customer's own design waits for the shop's proof, not for a
 * decision. An undecided proof of an order the shop has moved on (back to design, or into
 * production) waits for nobody; an approval stays on record, with its receipt, but a newer
 * version sent since is what is worked on.
 */
function stateLabel(design: DesignView, awaited: DesignView | undefined, page: OrderPage): string {
  const latest = page.designs[0];
  if (design.state === 'approved' && latest && design !== latest) return `Approved, then replaced by v${latest.version}`;
  if (design === designAwaitingProof(page)) return page.viewer === 'customer' ? 'Waiting for the shop’s proof' : 'Waiting for your proof';
  if (design.state === 'awaiting_decision' && design.author.kind === 'customer') return 'No proof sent for it';
  if (design.state === 'awaiting_decision' && design !== awaited) {
    if (!['requested', 'quoted', 'in_design'].includes(page.order.status) || design !== latest) return 'Not decided';
    return 'Withdrawn by the shop';
  }
  return design.state === 'awaiting_decision' && page.viewer === 'customer' ? 'Waiting for you' : stateLabels[design.state];
}

/** Who made a version, when it was not the shop: the customer's own design, which the shop answers with a proof. */
const madeBy = (design: DesignView, viewer: OrderPage['viewer']) => (design.author.kind !== 'customer' ? null : viewer === 'customer' ? 'Your own design' : 'The customer’s own design');

/** How many revision rounds the order has used, beside how many it includes free. */
const revisionRounds = (page: OrderPage) => `Revision rounds: ${page.revisions.used} used; ${page.revisions.allowance || 'none'} included free.`;

/** The versions that carried a file, as the file list says it ("In v1, v3"), or nothing. */
function versionsWith(page: OrderPage, carries: (f: DesignView['files'][number]) => boolean): string | undefined {
  const versions = page.designs.filter((d) => d.files.some(carries)).map((d) => `v${d.version}`).reverse();
  return versions.length ? `In ${versions.join(', ')}` : undefined;
}

/** The design files the viewer may send again: all of them to the shop, their own to a customer. */
const offeredDesignFiles = (page: OrderPage) => page.files.filter((f) => f.purpose === 'design' && (page.viewer === 'seller' || f.uploadedBy.kind === 'customer'));

/**
 * The files uploaded before this visit: every one a version carried, and each left over (uploaded,
 * never sent) once, unless the same file went out since or was just uploaded again here.
 */
function earlierFiles(page: OrderPage, uploadedHere: FileView[]): FileView[] {
  const carried = page.designs.flatMap((d) => d.files);
  const listed: FileView[] = [];
  for (const f of offeredDesignFiles(page)) {
    const leftOver = !carried.some((c) => c.fileId === f.fileId);
    const sameElsewhere = [...carried, ...uploadedHere, ...listed].some((o) => o.sha256 === f.sha256);
    if (!leftOver || !sameElsewhere) listed.push(f);
  }
  return listed;
}

const noFilesChosen = 'Choose at least one file for this version.';

/** Upload files with progress, then send them as the next version: the shop's proof, or the customer's own design. */
function SendProof(props: { page: OrderPage; onSent(message: string, design: DesignView): Promise<void> }) {
  const orderId = props.page.order.orderId;
  const [uploads, setUploads] = useState<Array<{ key: number; name: string; progress: number; handle?: UploadHandle; file?: FileView; error?: string }>>([]);
  // Only files chosen on this visit go in: one uploaded earlier and never sent (the page was left
  // or reloaded) may have been left out on purpose, so it is listed as such, to be ticked again.
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [sending, setSending] = useState(false);
  useLeaveGuard(uploads.some((u) => !u.error) || note.trim() !== '');
  const fileInput = useRef<HTMLInputElement>(null);

  // Files chosen answer "choose at least one file": that message goes, and comes back only on another press with none.
  const filesChosen = () => setError((shown) => (shown === noFilesChosen ? undefined : shown));
  // The content of every file listed, by id: the same file uploaded twice is one file.
  const contentOf = useRef(new Map<string, string>());
  for (const f of props.page.files) contentOf.current.set(f.fileId, f.sha256);
  /** The chosen files with `file` in, and no other upload of the same file: a version carries each file once. */
  const withChosen = (chosen: string[], file: FileView) => {
    contentOf.current.set(file.fileId, file.sha256);
    return [...chosen.filter((id) => id !== file.fileId && contentOf.current.get(id) !== file.sha256), file.fileId];
  };
  const choose = (file: FileView, chosen: boolean) => {
    setSelected(chosen ? withChosen(selected, file) : selected.filter((id) => id !== file.fileId));
    if (chosen) filesChosen();
  };
  const removeUpload = (key: number) => setUploads((all) => all.filter((u) => u.key !== key));
  /** A row taken away by its own button: the keyboard goes on from the file picker, not the page's start. */
  const dismissUpload = (key: number) => {
    removeUpload(key);
    fileInput.current?.focus();
  };
  const add = (files: FileList | null) => {
    if (files?.length) filesChosen();
    for (const file of Array.from(files ?? [])) {
      const key = Math.random();
      const update = (changes: object) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...changes } : u)));
      const handle = uploadToOrder(orderId, file, 'design', (progress) => update({ progress }));
      setUploads((all) => [...all, { key, name: file.name, progress: 0, handle }]);
      handle.done
        .then((recorded) => {
          update({ file: recorded, handle: undefined });
          setSelected((s) => withChosen(s, recorded));
        })
        // A cancelled upload goes from the list, as on the request page; a refused one stays to say why.
        .catch((e) =>
          e instanceof ApiError && e.code === 'cancelled'
            ? removeUpload(key)
            : update({ error: e instanceof ApiError ? e.message : 'Upload failed.', handle: undefined }),
        );
    }
  };
  const uploadedHere = uploads.flatMap((u) => (u.file ? [u.file] : []));
  const earlier = earlierFiles(props.page, uploadedHere);
  const send = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    if (uploads.some((u) => u.handle)) return setError('Wait for the upload to finish, then send.');
    // In the order listed, not the order ticked: the version shows its files as the list did.
    const listed = [...uploadedHere, ...earlier].map((f) => f.fileId).filter((id) => selected.includes(id));
    if (listed.length === 0) return setError(noFilesChosen);
    setSending(true);
    try {
      const design = await post<DesignView>(`/orders/${orderId}/designs`, { fileIds: listed, ...(note.trim() ? { note } : {}) });
      setUploads([]);
      setSelected([]);
      setNote('');
      // Sent to the order page, not to an inbox: nobody is emailed as the order moves on (yet).
      await props.onSent(
        props.page.viewer === 'seller'
          ? `Proof v${design.version} is on the customer’s order page.`
          : `Your design v${design.version} was sent to the shop. The shop will reply with a proof for you to approve.`,
        design,
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not send the proof.');
    } finally {
      setSending(false);
    }
  };
  const byShop = props.page.viewer === 'seller';
  /** What the list says of a file beside its name: the versions it went out in, or that it is the same as another upload here. */
  const aboutUpload = (file: FileView) => {
    const first = uploadedHere.find((f) => f.sha256 === file.sha256);
    if (first && first !== file) return `Same file as ${first.filename} above`;
    const sent = versionsWith(props.page, (f) => f.sha256 === file.sha256);
    return sent ? `Sent before, ${sent.toLowerCase()}` : undefined;
  };
  const next = Math.max(0, ...props.page.designs.map((d) => d.version)) + 1;
  // The customer's own design waits for the shop's proof: its files, as they are, are one choice away.
  const proposed = byShop ? designAwaitingProof(props.page) : undefined;
  const chooseProposed = () => {
    if (!proposed) return;
    const listed = [...uploadedHere, ...earlier];
    setSelected(proposed.files.flatMap((f) => listed.find((l) => l.fileId === f.fileId)?.fileId ?? []));
    filesChosen();
  };
  const form = (
    <form onSubmit={send} aria-label={byShop ? 'Send a proof' : 'Send a design of your own'}>
      {byShop ? <h3>Send a proof</h3> : null}
      {byShop ? null : (
        <p class="small muted">Have finished artwork? Send it to the shop as the next version: the shop replies with a proof made from it, and you approve that proof or ask for changes.</p>
      )}
      {proposed ? (
        <div class="notice info small">
          <p>
            v{proposed.version} is the customer’s own design: it waits for your proof. Send it as it is, or your take on it, as proof v{next}; the customer approves or asks for changes on
            your proof, not on their own design.
          </p>
          <button type="button" class="button secondary" onClick={chooseProposed}>
            Choose the files of v{proposed.version}
          </button>
        </div>
      ) : null}
      {/* Only the shop re-opens an approved design (ADR 0019), and it is told what that does. */}
      {byShop && props.page.order.status === 'approved' ? (
        <Notice kind="warn">The customer approved v{next - 1}. A new proof replaces that approval: the order goes back to design review until they approve again.</Notice>
      ) : null}
      <label
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        <span>Drop design files here, or choose them</span>
        <span class="hint">PNG, JPEG, WebP, GIF, PDF, SVG, AI, EPS</span>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={acceptedFileTypes}
          onChange={(e) => {
            add(e.currentTarget.files);
            // Cleared, so choosing the same file again (a re-send) is a change too.
            e.currentTarget.value = '';
          }}
        />
      </label>
      <ul class="upload-list" aria-label="Files">
        {uploads.map((u) => (
          <li key={u.key}>
            <span class="name">{u.name}</span>
            {u.error ? (
              <>
                <span class="error">{u.error}</span>
                <button type="button" class="button ghost" onClick={() => dismissUpload(u.key)}>
                  Remove <span class="visually-hidden">{u.name}</span>
                </button>
              </>
            ) : u.file ? (
              <>
                {aboutUpload(u.file) ? <span class="small muted">{aboutUpload(u.file)}</span> : null}
                <label class="choice">
                  <input type="checkbox" aria-label={`In this proof: ${u.name}`} checked={selected.includes(u.file.fileId)} onChange={(e) => choose(u.file!, e.currentTarget.checked)} />
                  <span>In this proof</span>
                </label>
              </>
            ) : (
              <>
                <progress max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />
                <button
                  type="button"
                  class="button ghost"
                  onClick={() => {
                    u.handle?.cancel();
                    fileInput.current?.focus();
                  }}
                >
                  Cancel <span class="visually-hidden">{u.name}</span>
                </button>
              </>
            )}
          </li>
        ))}
        {earlier.map((f) => (
          <li key={f.fileId}>
            <span class="name">{f.filename}</span>
            <span class="small muted">{versionsWith(props.page, (c) => c.fileId === f.fileId) ?? `Uploaded earlier (${formatDateTime(f.uploadedAt)}) and not sent`}</span>
            <label class="choice">
              <input type="checkbox" aria-label={`In this proof: ${f.filename}`} checked={selected.includes(f.fileId)} onChange={(e) => choose(f, e.currentTarget.checked)} />
              <span>In this proof</span>
            </label>
          </li>
        ))}
      </ul>
      <Field id="proof-note" label={byShop ? 'Note to the customer' : 'Note to the shop'} count={{ value: note, max: 2000 }}>
        {(aria) => <textarea {...aria} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      {/* Beside the button just pressed: the file list above can be long. */}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {/* One version per press: a second tap while the first is on its way would send the files again as the next. */}
      <Button class="button primary" type="submit" unavailable={sending}>
        {byShop ? `Send proof v${next}` : `Send design v${next}`}
      </Button>
    </form>
  );
  // Customers mostly review: their own upload form stays folded until they want it.
  return byShop ? (
    form
  ) : (
    <details class="earlier-review">
      <summary>Send a design of your own</summary>
      {form}
    </details>
  );
}

/** The exact text to be made, in quotes, with its length: the quotes and the count stay outside it. */
export const ExactText = (props: { text: string }) => (
  <>
    <Quoted text={props.text} /> <span class="text-length">({visibleLengthInWords(props.text)})</span>
  </>
);

/** The refusal of an approval whose confirmed files or text are not those on record (it says what is). */
const isConfirmationMismatch = (e: ApiError) => e.code === 'validation_failed' && typeof e.details === 'object' && e.details !== null && 'expected' in e.details;

/** The customer's side of the latest proof: approve with an explicit confirmation, or ask for changes. */
/**
 * What the customer has put into a decision so far. It lives with the proof list, not the
 * decision box, so a reload after someone else's change (a new version, an edited
 * personalisation) keeps the note they typed; the tick records what it was given for.
 */
export type DecisionDraft = { note: string; ticked?: { designId: string; personalization: string } | undefined };

function Decide(props: { page: OrderPage; design: DesignView; draft: DecisionDraft; onDraft(draft: DecisionDraft): void; onDecided(message: string): Promise<void>; onConflict(message: string): Promise<void> }) {
  const { page, design, draft } = props;
  const personalization = page.order.personalization ?? '';
  // A changed personalisation or a newer version is a new thing to confirm: the tick does not carry over.
  const checked = draft.ticked?.designId === design.designId && draft.ticked.personalization === personalization;
  const tickedOtherText = draft.ticked?.designId === design.designId && !checked ? draft.ticked.personalization : undefined;
  const note = draft.note;
  useLeaveGuard(note.trim() !== '');
  const [error, setError] = useState<string>();
  // A double tap must not send the decision twice (the second would be refused as too late).
  const [busy, setBusy] = useState(false);
  const beyond = page.revisions.used >= page.revisions.allowance;
  // The customer's own threads on this proof still open: the shop reads them, but an approval says
  // the proof is right as it is, so they are counted beside the button before it is pressed.
  const openThreads = page.comments.filter((c) => c.designId === design.designId && !c.parentId && !c.resolved && c.author.kind === 'customer').length;
  const [noteError, setNoteError] = useState<string>();
  const [tickError, setTickError] = useState<string>();
  const decide = async (decision: 'approve' | 'request_changes') => {
    setError(undefined);
    setNoteError(undefined);
    setTickError(undefined);
    if (decision === 'approve' && !checked) {
      setTickError('Tick this box once you have checked the files and the personalisation.');
      document.getElementById('decision-confirm')?.focus();
      return;
    }
    // A change request with nothing in it leaves the shop guessing, and still uses a round.
    if (decision === 'request_changes' && !note.trim()) {
      setNoteError('Say what should change, so the shop can make it.');
      document.getElementById('decision-note')?.focus();
      return;
    }
    setBusy(true);
    try {
      await post(`/orders/${page.order.orderId}/designs/${design.designId}/decision`, {
        decision,
        ...(note.trim() ? { note } : {}),
        ...(decision === 'approve' ? { confirm: { sha256s: design.files.map((f) => f.sha256), personalization } } : {}),
      });
      props.onDraft({ note: '' });
      await props.onDecided(decision === 'approve' ? 'Thank you: the design is approved and production can start.' : 'Your change request was sent to the shop.');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await props.onConflict(e.message);
      // The text or files changed under the customer's eyes: show them as they are now, to be confirmed afresh.
      else if (e instanceof ApiError && isConfirmationMismatch(e))
        await props.onConflict('The shop changed what you were asked to confirm while you were looking. Check the files and the personalisation again before you approve.');
      else setError(e instanceof ApiError ? e.message : 'Could not send your decision.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="decide" aria-labelledby="decide-title">
      {/* Under its version's heading. */}
      <h4 id="decide-title" tabIndex={-1}>
        Your decision on v{design.version}
      </h4>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <dl class="facts">
        <dt>Files</dt>
        <dd>
          {design.files.flatMap((f, i) => [i ? ', ' : null, <Typed key={f.fileId} text={f.filename} />])}
        </dd>
        <dt>Personalisation</dt>
        <dd>{personalization ? <ExactText text={personalization} /> : 'None'}</dd>
      </dl>
      {tickedOtherText !== undefined ? (
        <p class="notice warn small">
          The personalisation was <Quoted text={tickedOtherText || 'none'} /> when you ticked the box; the shop has changed it to <Quoted text={personalization || 'none'} />.
        </p>
      ) : null}
      {/* The box and its message are one group: in error, the group is marked, as a field in error is. */}
      <div class={tickError ? 'decide-confirm has-error' : 'decide-confirm'}>
        <label class="choice">
          <input
            id="decision-confirm"
            type="checkbox"
            checked={checked}
            aria-invalid={tickError ? 'true' : undefined}
            aria-describedby={describedByOf('decision-confirm', undefined, tickError)}
            onChange={(e) => {
              setTickError(undefined);
              props.onDraft({ ...draft, ticked: e.currentTarget.checked ? { designId: design.designId, personalization } : undefined });
            }}
          />
          <span>I checked the files and the personalisation above, exactly as they are.</span>
        </label>
        {tickError ? (
          <span class="error" id="decision-confirm-error">
            {tickError}
          </span>
        ) : null}
      </div>
      <Field id="decision-note" label="Note for the shop" hint="Optional to approve; to ask for changes, say what should change." error={noteError} count={{ value: note, max: 2000 }}>
        {(aria) => <textarea {...aria} maxLength={2000} value={note} onInput={(e) => props.onDraft({ ...draft, note: e.currentTarget.value })} />}
      </Field>
      <p class="small muted">{revisionRounds(page)}</p>
      {beyond ? (
        <Notice kind="warn">
          <span class="keeps-lines">
            <WithLinks text={page.revisions.message} />
          </span>
        </Notice>
      ) : null}
      {openThreads ? (
        <p class="small" id="decide-open-threads">
          You have {openThreads === 1 ? '1 open comment' : `${openThreads} open comments`} on v{design.version}: the shop reads {openThreads === 1 ? 'it' : 'them'}, but approving says the proof is right as it
          is.
        </p>
      ) : null}
      <div class="row">
        <Button class="button primary" type="button" unavailable={busy} aria-describedby={openThreads ? 'decide-open-threads' : undefined} onClick={() => decide('approve')}>
          Approve v{design.version}
        </Button>
        <Button class="button secondary" type="button" unavailable={busy} onClick={() => decide('request_changes')}>
          Request changes
        </Button>
      </div>
    </div>
  );
}

/** An earlier version's pins and threads, folded away so the latest proof leads. */
function EarlierReview(props: Parameters<typeof PinnedReview>[0] & { onToggle(open: boolean): void }) {
  const { onToggle, ...review } = props;
  const count = props.comments.filter((c) => c.designId === props.design.designId).length;
  if (count === 0) return null;
  return (
    <details class="earlier-review" onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        Comments on v{props.design.version} ({count})
      </summary>
      <PinnedReview {...review} />
    </details>
  );
}

/** Proof versions, newest first, with what the viewer can do about them. */
export function Proofs(props: { page: OrderPage; onChanged(message: string): Promise<void>; onConflict(message: string): Promise<void> }) {
  const { page } = props;
  const latest = page.designs[0];
  const awaited = proofAwaitingDecision(page);
  const proposed = designAwaitingProof(page);
  const image = imageSources(page.order.orderId, page.files);
  const [decisionDraft, setDecisionDraft] = useState<DecisionDraft>({ note: '' });
  // Earlier versions whose comments are open: their images are shown there, to pin on, and not again as tiles.
  const [reviewOpen, setReviewOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleReview = (designId: string, open: boolean) =>
    setReviewOpen((all) => {
      const next = new Set(all);
      if (open) next.add(designId);
      else next.delete(designId);
      return next;
    });
  // The version the seller just sent. The keyboard goes on at its heading, above the form it was
  // sent from, and it says there that nobody was emailed of it, with the link to send.
  const [justSent, setJustSent] = useState<string>();
  const focusSent = useRef<string>();
  useEffect(() => {
    if (!latest || focusSent.current !== latest.designId) return;
    focusSent.current = undefined;
    const heading = document.getElementById('latest-version');
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  });
  const sent = async (message: string, design: DesignView) => {
    await props.onChanged(message);
    if (page.viewer !== 'seller') return;
    focusSent.current = design.designId;
    setJustSent(design.designId);
  };
  // A version the other side sent while this page was open (a comment just written may have gone
  // to the one before it): said, so nobody goes on looking at the old one unaware.
  const seenLatest = useRef(latest?.designId);
  if (latest && latest.author.kind === page.viewer) seenLatest.current = latest.designId;
  const arrived = latest && seenLatest.current !== undefined && latest.designId !== seenLatest.current ? latest : undefined;
  // The shop sends proofs; a customer may send a design of their own until a version is approved,
  // as the shop may be making it then: re-opening the design is the shop's call (ADR 0019).
  const canSend = ['quoted', 'in_design', 'awaiting_approval', ...(page.viewer === 'seller' ? ['approved'] : [])].includes(page.order.status);
  const approvedByYou = page.viewer === 'customer' && page.order.status === 'approved' ? page.designs.find((d) => d.state === 'approved') : undefined;
  if (page.designs.length === 0 && !canSend) return null;
  return (
    <section class="card" aria-labelledby="proofs-title">
      <h2 id="proofs-title">Design proofs</h2>
      {page.designs.length === 0 ? <p class="muted">No proof yet.</p> : null}
      {arrived ? (
        <Notice kind="info">
          {page.viewer === 'seller' ? 'The customer' : 'The shop'} sent v{arrived.version} while you were on this page: it is shown first below.
        </Notice>
      ) : null}
      {page.viewer === 'customer' && !awaited && decisionDraft.note.trim() ? (
        // The proof was taken back while the customer wrote: their words are not thrown away unseen.
        <div class="notice warn small">
          <p>
            Your note was not sent, as no proof is waiting for your decision now: <Quoted text={decisionDraft.note.trim()} />
          </p>
          <button type="button" class="button ghost" onClick={() => setDecisionDraft({ note: '' })}>
            Dismiss
          </button>
        </div>
      ) : null}
      {page.viewer === 'seller' && page.designs.length > 0 ? (
        <p class="small muted">{revisionRounds(page)}</p>
      ) : null}
      <ol class="versions">
        {page.designs.map((d) => (
          <li key={d.designId}>
            <div class="row">
              {/* The latest is where "Look at the proof" and a proof just sent lead. */}
              <h3 class="version-name" id={d === latest ? 'latest-version' : undefined} tabIndex={d === latest ? -1 : undefined}>
                v{d.version}
              </h3>
              <span class={`badge design-${d.state}`}>{stateLabel(d, awaited, page)}</span>
              {madeBy(d, page.viewer) ? <span class="small">{madeBy(d, page.viewer)}</span> : null}
              <span class="muted small">{formatDateTime(d.createdAt)}</span>
              {d.state === 'approved' ? (
                <a class="small" href={`/api/orders/${page.order.orderId}/designs/${d.designId}/approval-receipt`} target="_blank" rel="noopener">
                  Approval receipt
                </a>
              ) : null}
            </div>
            {d === latest && d.designId === justSent ? <TellTheCustomer orderId={page.order.orderId} /> : null}
            {d.note ? <p>{d.note}</p> : null}
            {d.decision?.note ? (
              <p class="small">
                {authorLabel('customer', page.viewer)}: <Quoted text={d.decision.note} />
              </p>
            ) : null}
            {d.decision?.beyondAllowance ? (
              <p class="small row">
                <span class="badge due-due_soon">Past the free rounds</span>
                {page.viewer === 'seller' ? 'Asked after the free revision rounds: yours to decide whether this one is charged.' : 'Asked after the free revision rounds: the shop’s terms for extra rounds apply.'}
              </p>
            ) : null}
            {d === latest ? (
              <PinnedReview orderId={page.order.orderId} viewer={page.viewer} design={d} comments={page.comments} image={image} onChanged={props.onChanged} />
            ) : (
              <EarlierReview
                orderId={page.order.orderId}
                viewer={page.viewer}
                design={d}
                comments={page.comments}
                image={image}
                onChanged={props.onChanged}
                onToggle={(open) => toggleReview(d.designId, open)}
              />
            )}
            <div class="proof-files">
              {d.files
                // Shown in its review already (the latest's, or an earlier one's opened): not twice.
                .filter((f) => (d !== latest && !reviewOpen.has(d.designId)) || !image(f, 'preview'))
                .map((f) => (
                  <FileTile key={f.fileId} orderId={page.order.orderId} file={f} image={image} alt={`Proof file ${f.filename}`} />
                ))}
            </div>
            {/* After the proof itself: the customer decides on what they have just looked at. */}
            {d === awaited && page.viewer === 'customer' ? (
              <Decide page={page} design={d} draft={decisionDraft} onDraft={setDecisionDraft} onDecided={props.onChanged} onConflict={props.onConflict} />
            ) : null}
            {/* Their own design is not the customer's to decide on: the shop answers it with a proof (ADR 0021). The shop is told on its form below. */}
            {d === proposed && page.viewer === 'customer' ? (
              <p class="small muted">The shop will reply to your design with a proof, which may be this same artwork. You approve that proof, or ask for changes on it.</p>
            ) : null}
          </li>
        ))}
      </ol>
      <CompareVersions orderId={page.order.orderId} designs={page.designs} image={image} />
      {canSend ? <SendProof page={page} onSent={sent} /> : null}
      {approvedByYou ? (
        <p class="small muted">You approved v{approvedByYou.version}, and the shop may already be making it. If something must change now, ask the shop: only the shop can re-open the design.</p>
      ) : null}
    </section>
  );
}
