import { useEffect, useState } from 'preact/hooks';
import { defaultRevisionMessage } from '#shared/domain/designs/revision-policy.ts';
import type { ShopSettings } from '#shared/schemas/shop-settings.ts';
import { ApiError, get, put } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Announcement, Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { useRequire } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';

const roundsProblem = 'Enter a whole number of rounds, from 0 to 20.';
const validRounds = (value: string) => /^\d+$/.test(value.trim()) && Number(value) <= 20;

/** The seller's shop settings: how many revision rounds an order includes, and what comes after. */
export default function SettingsPage() {
  const seller = useRequire('seller');
  const [settings, setSettings] = useState<ShopSettings>();
  const [allowance, setAllowance] = useState('2');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [allowanceError, setAllowanceError] = useState<string>();
  // The preview shows only terms that could be saved: the last valid number typed.
  const [shownRounds, setShownRounds] = useState(2);
  useLeaveGuard(Boolean(settings) && (allowance !== String(settings?.revisionAllowance) || message !== (settings?.revisionMessage ?? '')));
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
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      show(await put<ShopSettings>('/shop/settings', { version: settings.version, revisionAllowance: Number(allowance), revisionMessage: message.trim() || undefined }));
      setSaved('Saved. New orders include these terms; orders already placed keep theirs.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Theirs is said, yours is kept: saving again (on the new version) puts yours in place.
        const now = await get<ShopSettings>('/shop/settings');
        setSettings(now);
        setError(
          `Someone changed these settings meanwhile (now ${now.revisionAllowance} free ${now.revisionAllowance === 1 ? 'round' : 'rounds'}${now.revisionMessage ? ` and “${now.revisionMessage}”` : ''}). Yours are still below: save again to use them.`,
        );
      } else setError(err instanceof ApiError ? err.message : 'Could not save your settings.');
    } finally {
      setBusy(false);
    }
  };
  const typeRounds = (value: string) => {
    setAllowance(value);
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
          {(aria) => <textarea {...aria} rows={4} maxLength={500} value={message} placeholder={settings.defaultRevisionMessage} onInput={(e) => setMessage(e.currentTarget.value)} />}
        </Field>
        <div class="preview-box" aria-live="polite">
          <p class="small muted">What a customer sees past {shownRounds} free {shownRounds === 1 ? 'round' : 'rounds'}:</p>
          <Notice kind="warn">{message.trim() || defaultRevisionMessage(shownRounds)}</Notice>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Announcement message={saved ? { kind: 'success', text: saved } : undefined} />
        <div class="row">
          <Button class="button primary" type="submit" unavailable={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      </form>
    </Layout>
  );
}
