import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultRevisionMessage } from '#shared/domain/designs/revision-policy.ts';
import type { ShopSettings } from '#shared/schemas/shop-settings.ts';
import { ApiError, get, put } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Announcement, Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { useRequire } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { WithLinks } from '../components/with-links.tsx';

const roundsProblem = 'Enter a whole number of rounds, from 0 to 20.';
const validRounds = (value: string) => /^\d+$/.test(value.trim()) && Number(value) <= 20;
const freeRounds = (rounds: number) => (rounds === 0 ? 'no free rounds' : `${rounds} free ${rounds === 1 ? 'round' : 'rounds'}`);

/** The seller's shop settings: how many revision rounds an order includes, and what comes after. */
export default function SettingsPage() {
  const seller = useRequire('seller');
  const [settings, setSettings] = useState<ShopSettings>();
  const [allowance, setAllowance] = useState('2');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<{ kind: 'success' | 'warn'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [allowanceError, setAllowanceError] = useState<string>();
  // The preview shows only terms that could be saved: the last valid number typed.
  const [shownRounds, setShownRounds] = useState(2);
  useLeaveGuard(Boolean(settings) && (allowance !== String(settings?.revisionAllowance) || message !== (settings?.revisionMessage ?? '')));
  // What is typed now, for a save's answer: what was typed while it was on its way is kept over it.
  const typed = useRef({ allowance, message });
  typed.current = { allowance, message };
  const show = (s: ShopSettings) => {
    setSettings(s);
    setAllowance(String(s.revisionAllowance));
    setShownRounds(s.revisionAllowance);
    setMessage(s.revisionMessage ?? '');
  };
  useEffect(() => {
    if (seller) get<ShopSettings>('/shop/settings').then(show, () => setError('Could not load your settings.'));
  }, [seller]);
  if (!seller || !settings) return <Layout signedIn narrow>{error ? <Notice kind="error">{error}</Notice> : <Loading />}</Layout>;

  const save = async (e: Event) => {
    e.preventDefault();
    // An emptied field would be sent as 0 rounds: a number is asked for, in words.
    if (!validRounds(allowance)) {
      setAllowanceError(roundsProblem);
      document.getElementById('revision-allowance')?.focus();
      return;
    }
    setAllowanceError(undefined);
    setError(undefined);
    if (Number(allowance) === settings.revisionAllowance && message.trim() === (settings.revisionMessage ?? '')) {
      show(settings);
      setSaved({ kind: 'success', text: 'Nothing to save: these are your settings already.' });
      return;
    }
    setBusy(true);
    setSaved(undefined);
    const sent = { allowance, message };
    try {
      const now = await put<ShopSettings>('/shop/settings', { version: settings.version, revisionAllowance: Number(allowance), revisionMessage: message.trim() || undefined });
      const changedMeanwhile = typed.current.allowance !== sent.allowance || typed.current.message !== sent.message;
      setSettings(now);
      if (typed.current.allowance === sent.allowance) {
        setAllowance(String(now.revisionAllowance));
        setShownRounds(now.revisionAllowance);
      }
      if (typed.current.message === sent.message) setMessage(now.revisionMessage ?? '');
      setSaved(
        changedMeanwhile
          ? { kind: 'warn', text: `Saved what you sent (${freeRounds(now.revisionAllowance)}). What you changed while it was saving is not saved yet: save again to use it.` }
          : { kind: 'success', text: 'Saved. New orders include these terms; orders already placed keep theirs.' },
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Theirs is said, yours is kept: saving again (on the new version) puts yours in place.
        const now = await get<ShopSettings>('/shop/settings');
        setSettings(now);
        setError(
          `Someone changed these settings meanwhile (now ${freeRounds(now.revisionAllowance)}${now.revisionMessage ? ` and “${now.revisionMessage}”` : ''}). Yours are still below: save again to use them.`,
        );
      } else setError(err instanceof ApiError ? err.message : 'Could not save your settings.');
    } finally {
      setBusy(false);
    }
  };
  // "Saved." is about the settings as saved: once they are changed again, it goes.
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
          <p class="small muted">{shownRounds === 0 ? 'What a customer sees with no free rounds, before asking for any change:' : `What a customer sees past ${freeRounds(shownRounds)}:`}</p>
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
