import { render } from 'preact-render-to-string';
import type { ApprovalReceipt } from '#shared/domain/designs/get-approval-receipt.ts';

/**
 * The page's only styling, inline so the receipt stands alone when saved or printed. The API's
 * Content-Security-Policy allows no styles but this exact sheet, by its hash (`receiptStyleSource`
 * in app.ts, which a unit test keeps equal to it).
 */
export const approvalReceiptStyle = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:#f7f3ee;color:#2b2420;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:46rem;margin:0 auto;padding:24px 16px 32px}
.sheet{background:#fff;border:1px solid #e6ddd3;border-radius:10px;padding:24px}
.brand{margin:0 0 4px;color:#8a4b2a;font-weight:700}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 8px}
h2{font-size:1.15rem;line-height:1.25;margin:32px 0 8px}
.lead{margin:0 0 24px;color:#5c5048}
dl{display:grid;grid-template-columns:13rem minmax(0,1fr);gap:8px 24px;margin:0}
dt{color:#6b5f55}
dd{margin:0}
.typed{white-space:pre-line;unicode-bidi:plaintext}
.text-length{white-space:nowrap}
code,.iso{font-family:ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace;font-size:.875rem}
.iso{color:#6b5f55}
.hash{word-break:break-all}
.files{list-style:none;margin:0;padding:0}
.files>li{border-top:1px solid #e6ddd3;padding:12px 0}
.files .name{margin:0 0 4px;font-weight:600}
.closing{margin:24px 0 0;color:#5c5048;font-size:.875rem}
.around{margin:0 0 16px;color:#5c5048;font-size:.875rem}
.around a{color:#8a4b2a}
@media (max-width:34rem){main{padding:0}.sheet{border:0;border-radius:0;padding:16px}dl{grid-template-columns:minmax(0,1fr);gap:0}dd{margin-bottom:12px}}
@media (max-width:34rem){.around{padding:16px 16px 0;margin:0}}
@media print{body{background:#fff}main{max-width:none;padding:0}.around{display:none}.sheet{border:0;padding:0}.files>li,dd{break-inside:avoid}}
`;

/** A moment as people read it, in UTC as the record keeps it: "Wednesday, December 2, 2026 at 04:25:39 UTC". */
const moment = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** A recorded moment in words, with the exact value on record under it: a receipt is evidence. */
const Moment = (props: { iso: string }) => (
  <>
    <time dateTime={props.iso}>{moment.format(new Date(props.iso))} UTC</time>
    <br />
    <span class="iso">Recorded as {props.iso}</span>
  </>
);

/** An address of the machine itself: only seen when Atelier runs on the customer's own computer. */
const loopback = new Set(['::1', '127.0.0.1', '::ffff:127.0.0.1']);

/** A printable approval receipt: plain HTML, no script, every value escaped by the renderer. */
export function renderApprovalReceipt({ order, design }: ApprovalReceipt): string {
  const d = design.decision;
  const personalization = d.confirmed?.personalization;
  return `<!doctype html>${render(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Approval receipt {order.reference} v{design.version}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style dangerouslySetInnerHTML={{ __html: approvalReceiptStyle }} />
      </head>
      <body>
        <main>
          {/* For the screen only: a receipt opens in a tab of its own, and has no script to print itself. */}
          <p class="around">
            <a href={`/orders/${order.orderId}`}>Back to order {order.reference}</a> · To keep this receipt, print it or save it as a PDF from your browser’s menu.
          </p>
          <div class="sheet">
            <p class="brand">Atelier</p>
            <h1>Design approval receipt</h1>
            {/* Names people typed are isolated: right-to-left text keeps its order and ours stays apart. */}
            <p class="lead">
              Order <strong>{order.reference}</strong>, “<bdi>{order.title}</bdi>”, from <bdi>{order.shop.name}</bdi>.
            </p>
            <dl>
              <dt>Proof</dt>
              <dd>
                Version {design.version}, posted <Moment iso={design.createdAt} />
              </dd>
              <dt>Approved by</dt>
              <dd>
                <bdi>{order.customer.name}</bdi> &lt;{d.by.email}&gt;
              </dd>
              <dt>Approved at</dt>
              <dd>
                <Moment iso={d.at} />
              </dd>
              <dt>IP address</dt>
              <dd>
                <code>{d.ip}</code>
                {loopback.has(d.ip) ? ' (the computer Atelier runs on: a local run)' : ''}
              </dd>
              <dt>Browser</dt>
              <dd>{d.userAgent}</dd>
              <dt>Personalisation confirmed</dt>
              <dd>
                {personalization ? (
                  <>
                    “<bdi>{personalization}</bdi>” <span class="text-length">({[...personalization].length} characters)</span>
                  </>
                ) : (
                  'None on this order'
                )}
              </dd>
              {d.note ? (
                <>
                  <dt>Customer’s note</dt>
                  <dd class="typed">{d.note}</dd>
                </>
              ) : null}
            </dl>
            <h2>Files approved</h2>
            <ul class="files">
              {design.files.map((f) => (
                <li key={f.fileId}>
                  <p class="name">
                    <bdi>{f.filename}</bdi>
                  </p>
                  <dl>
                    <dt>Size</dt>
                    <dd>{f.size.toLocaleString('en-US')} bytes</dd>
                    <dt>SHA-256</dt>
                    <dd>
                      <code class="hash">{f.sha256}</code>
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
            <p class="closing">The customer confirmed these exact files (by their SHA-256 digests) before approving. Generated by Atelier.</p>
          </div>
        </main>
      </body>
    </html>,
  )}`;
}
