import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultRevisionMessage, freeRounds } from '#shared/domain/designs/revision-policy.ts';
import type { ShopSettings } from '#shared/schemas/shop-settings.ts';
import { shopNameMaxLength } from '#shared/domain/shop/shop-name.ts';
import { ApiError, get, put } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Announcement, Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { RequestPageLink } from '../components/request-page-link.tsx';
import { useRequire, useSession } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { WithLinks } from '../components/with-links.tsx';

const roundsProblem = 'Enter a whole number of rounds, from 0 to 20.';
const validRounds = (value: string) => /^\d+$/.test(value.trim()) && Number(value) <= 20;
const freeRoundsOfSettings = (rounds: number) => freeRounds(rounds, '');
const nameProblem = 'Enter your shop’s name.';

/**
 * The seller's shop settings: the shop's name as customers read it (its request page's address is
 * shown, not edited: links already given out must keep working), how many revision rounds an
 * order includes, and what comes after.
 */
export default function SettingsPage() {
  const seller = useRequire('seller');
  const { refresh } = useSession();
  const [settings, setSettings] = useState<ShopSettings>();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [allowance, setAllowance] = useState('2');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<{ kind: 'success' | 'warn'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [allowanceError, setAllowanceError] = useState<string>();
  // The preview shows only terms that could be saved: the last valid number typed.
  const [shownRounds, setShownRounds] = useState(2);
  useLeaveGuard(Boolean(settings) && (name !== settings?.name || allowance !== String(settings?.revisionAllowance) || message !== (settings?.revisionMessage ?? '')));
  // What is typed now, for a save's answer: what was typed while it was on its way is kept over it.
  const typed = useRef({ name, allowance, message });
  typed.current = { name, allowance, message };
  const show = (s: ShopSettings) => {
    setSettings(s);
    setName(s.name);
    setAllowance(String(s.revisionAllowance));
    setShownRounds(s.revisionAllowance);
    setMessage(s.revisionMessage ?? '');
  };
  // Asked once per shop, not once per session answer: the top bar's refresh after a rename must
  // not put the saved settings back over what is being typed.
  const shopId = seller?.shop.id;
  useEffect(() => {
    if (shopId) get<ShopSettings>('/shop/settings').then(show, () => setError('Could not load your settings.'));
  }, [shopId]);
  // The top bar shows the shop's name from the session: asked again once the name has changed.
  const showNameInTopBar = (before: ShopSettings, now: ShopSettings) => {
    if (now.name !== before.name) refresh().catch(() => undefined);
  };
  if (!seller || !settings) return <Layout signedIn narrow>{error ? <Notice kind="error">{error}</Notice> : <Loading />}</Layout>;

  const save = async (e: Event) => {
    e.preventDefault();
    // Each problem is said in words at its field, and the first one gets the focus.
    const nameMissing = name.trim() === '';
    const roundsWrong = !validRounds(allowance);
    setNameError(nameMissing ? nameProblem : undefined);
    // An emptied field would be sent as 0 rounds: a number is asked for, in words.
    setAllowanceError(roundsWrong ? roundsProblem : undefined);
    if (nameMissing || roundsWrong) {
      document.getElementById(nameMissing ? 'shop-name' : 'revision-allowance')?.focus();
      return;
    }
    setError(undefined);
    const renamed = name.trim() !== settings.name;
    const termsChanged = Number(allowance) !== settings.revisionAllowance || message.trim() !== (settings.revisionMessage ?? '');
    if (!renamed && !termsChanged) {
      show(settings);
      setSaved({ kind: 'success', text: 'Nothing to save: these are your settings already.' });
      return;
    }
    setBusy(true);
    setSaved(undefined);
    const sent = { name, allowance, message };
    try {
      // The name goes only when changed: a save of the rounds alone leaves it as stored.
      const now = await put<ShopSettings>('/shop/settings', {
        version: settings.version,
        ...(renamed ? { name: name.trim() } : {}),
        revisionAllowance: Number(allowance),
        revisionMessage: message.trim() || undefined,
      });
      const changedMeanwhile = typed.current.name !== sent.name || typed.current.allowance !== sent.allowance || typed.current.message !== sent.message;
      setSettings(now);
      showNameInTopBar(settings, now);
      if (typed.current.name === sent.name) setName(now.name);
      if (typed.current.allowance === sent.allowance) {
        setAllowance(String(now.revisionAllowance));
        setShownRounds(now.revisionAllowance);
      }
      if (typed.current.message === sent.message) setMessage(now.revisionMessage ?? '');
      const newName = renamed ? `Your shop is now called “${now.name}”.` : '';
      setSaved(
        changedMeanwhile
          ? { kind: 'warn', text: `Saved what you sent (${renamed ? `“${now.name}”, ` : ''}${freeRoundsOfSettings(now.revisionAllowance)}). What you changed while it was saving is not saved yet: save again to use it.` }
          : { kind: 'success', text: ['Saved.', newName, termsChanged ? 'New orders include these terms; orders already placed keep theirs.' : ''].filter(Boolean).join(' ') },
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Theirs is said, yours is kept: saving again (on the new version) puts yours in place. A
        // field the seller left as it was takes theirs, so saving again does not quietly undo it.
        const now = await get<ShopSettings>('/shop/settings');
        const mine = typed.current;
        if (mine.name === settings.name) setName(now.name);
        if (mine.allowance === String(settings.revisionAllowance)) {
          setAllowance(String(now.revisionAllowance));
          setShownRounds(now.revisionAllowance);
        }
        if (mine.message === (settings.revisionMessage ?? '')) setMessage(now.revisionMessage ?? '');
        setSettings(now);
        showNameInTopBar(settings, now);
        setError(
          `Someone changed these settings meanwhile (now ${now.name !== settings.name ? `named “${now.name}”, with ` : ''}${freeRoundsOfSettings(now.revisionAllowance)}${now.revisionMessage ? ` and “${now.revisionMessage}”` : ''}). Yours are still below: save again to use them.`,
        );
      } else setError(err instanceof ApiError ? err.message : 'Could not save your settings.');
    } finally {
      setBusy(false);
    }
  };
  // "Saved." is about the settings as saved: once they are changed again, it goes.
  const typeName = (value: string) => {
    setName(value);
    setSaved(undefined);
    // A name typed in again answers the problem at once; an emptied one is said on saving.
    if (value.trim() !== '') setNameError(undefined);
  };
  const typeMessage = (value: string) => {
    setMessage(value);
    setSaved(undefined);
  };
  const typeRounds = (value: string) => {
    setAllowance(value);
    setSaved(undefined);
    // Said as they type, once there is something to judge. An emptied field is said on saving, not
    // on leaving it: a message appearing then would move the Save button from under the pointer.
    if (validRounds(value)) {
      setShownRounds(Number(value));
      setAllowanceError(undefined);
    } else if (value.trim() !== '') setAllowanceError(roundsProblem);
  };

  return (
    <Layout signedIn narrow>
      <h1>Shop settings</h1>
      <form class="card stack" onSubmit={save} noValidate>
        <h2>Your shop</h2>
        <Field
          id="shop-name"
          label="Shop name"
          hint="What customers see on your request page, in emails and on orders placed from now on."
          required
          error={nameError}
          count={{ value: name, max: shopNameMaxLength }}
        >
          {(aria) => <input {...aria} type="text" autoComplete="organization" maxLength={shopNameMaxLength} value={name} onInput={(e) => typeName(e.currentTarget.value)} />}
        </Field>
        <div class="field">
          <strong id="request-page">Your request page</strong>
          <span class="hint" id="request-page-hint">
            Its address stays the same when you rename the shop, so links you have already given out keep working.
          </span>
          <span role="group" aria-labelledby="request-page" aria-describedby="request-page-hint">
            <RequestPageLink slug={settings.slug} />
          </span>
        </div>
        <h2>Design revisions</h2>
        <p class="muted">Each change request on a proof uses one round. Past the free rounds the customer sees your message, and you decide what happens next.</p>
        <Field id="revision-allowance" label="Free revision rounds per order" hint="From 0 to 20." required error={allowanceError}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              step={1}
              value={allowance}
              onInput={(e) => typeRounds(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="revision-message" label="Message past the free rounds" hint="Optional, up to 500 characters. For example a link to a paid-revision listing." count={{ value: message, max: 500 }}>
          {(aria) => <textarea {...aria} rows={4} maxLength={500} value={message} placeholder={defaultRevisionMessage(shownRounds)} onInput={(e) => typeMessage(e.currentTarget.value)} />}
        </Field>
        <div class="preview-box" aria-live="polite">
          <p class="small muted">{shownRounds === 0 ? 'What a customer sees with no free rounds, before asking for any change:' : `What a customer sees past ${freeRoundsOfSettings(shownRounds)}:`}</p>
          {/* As the customer reads it: its web addresses are links, and its lines stay lines. */}
          <Notice kind="warn">
            <span class="keeps-lines">
              <WithLinks text={message.trim() || defaultRevisionMessage(shownRounds)} />
            </span>
          </Notice>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Announcement message={saved} />
        <div class="row">
          <Button class="button primary" type="submit" unavailable={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      </form>
    </Layout>
  );
}
