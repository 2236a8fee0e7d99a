import { Fragment } from 'preact';
import type { OrderPage } from '#shared/schemas/order.ts';
import { imageSources } from './file-images.ts';
import { FileTile } from './file-tile.tsx';
import { formatDate } from './order-bits.tsx';

/** What the customer asked for: the form they filled and the files they attached. */
export function OrderRequest(props: { page: OrderPage }) {
  const intake = props.page.order.intake;
  if (!intake) return null;
  return (
    <section class="card" aria-labelledby="answers-title">
      <h2 id="answers-title">Request: {intake.formName}</h2>
      <dl class="facts answers">
        {intake.answers.map((a) => (
          <Fragment key={a.fieldId}>
            <dt>{a.label}</dt>
            <dd>{renderAnswer(a.type, a.value)}</dd>
          </Fragment>
        ))}
      </dl>
      <ReferenceFiles page={props.page} />
    </section>
  );
}

/** What the customer attached to the request, as tiles linking to each file. */
function ReferenceFiles(props: { page: OrderPage }) {
  const { orderId } = props.page.order;
  const references = props.page.files.filter((f) => f.purpose === 'reference');
  if (references.length === 0) return null;
  const image = imageSources(orderId, props.page.files);
  return (
    <>
      <h3 class="subsection">Attached files</h3>
      <div class="proof-files">
        {references.map((f) => (
          <FileTile key={f.fileId} orderId={orderId} file={f} image={image} alt={`Attached by the customer: ${f.filename}`} />
        ))}
      </div>
    </>
  );
}

function renderAnswer(type: string, value: unknown) {
  if (type === 'checkbox') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (type === 'date' && typeof value === 'string') return formatDate(value);
  if (type === 'color' && typeof value === 'string')
    return (
      <span class="row">
        <span aria-hidden="true" style={{ color: value }}>
          ■
        </span>
        {value}
      </span>
    );
  return String(value);
}
