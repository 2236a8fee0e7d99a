import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api.ts';
import { Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';

type Message = { id: string; to: string; subject: string; text: string; html: string; sentAt: string };

/** Local mode's inbox: every email Atelier sent, newest first, with its links clickable. */
export default function MailboxPage() {
  const [messages, setMessages] = useState<Message[]>();
  const [error, setError] = useState<string>();
  const load = () =>
    get<{ messages: Message[] }>('/dev/mailbox')
      .then((r) => {
        setMessages(r.messages);
        setError(undefined);
      })
      .catch((e) => setError(e instanceof ApiError && e.status === 404 ? 'The dev mailbox exists only when Atelier runs locally (npm start).' : String(e.message)));
  useEffect(() => {
    void load();
  }, []);
  return (
    <Layout>
      <div class="page-head">
        <div>
          <h1>Dev mailbox</h1>
          <p class="muted small">Local mode sends no real email: everything lands here.</p>
        </div>
        <button class="button secondary" type="button" onClick={load}>
          Refresh
        </button>
      </div>
      {error ? <Notice kind="info">{error}</Notice> : null}
      {!messages && !error ? <Loading /> : null}
      {messages?.length === 0 ? <p class="empty">No emails yet. Ask for a sign-in link and it appears here.</p> : null}
      <div class="stack">
        {messages?.map((m) => (
          <article class="mail" key={m.id} aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <p class="small muted">
              To {m.to} · <time dateTime={m.sentAt}>{new Date(m.sentAt).toLocaleString()}</time>
            </p>
            <pre>{linkify(m.text)}</pre>
          </article>
        ))}
      </div>
    </Layout>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part.replace(/^https?:\/\/[^/]+/, '')}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
