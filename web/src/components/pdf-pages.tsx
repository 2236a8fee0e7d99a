import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PinSurface, type SurfaceProps } from './pins.tsx';

GlobalWorkerOptions.workerSrc = PDF_WORKER_URL;
/** A proof is a few pages; a catalogue-sized PDF is downloaded, not reviewed here. */
const maxPages = 30;

/**
 * A PDF proof drawn page by page with pdf.js (loaded only on this page), each page a surface to
 * pin comments on. The file comes from the bucket's origin through the API's redirect; nothing
 * in it runs: no eval, no embedded fonts installed in the page, no scripts.
 */
export default function PdfPages(props: { url: string; filename: string; surface?: Omit<SurfaceProps, 'page'> | undefined; maxPages?: number | undefined }) {
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const task = getDocument({ url: props.url, isEvalSupported: false, disableFontFace: true, disableRange: true, disableStream: true, enableXfa: false });
    task.promise.then(setDoc, () => setFailed(true));
    return () => void task.destroy();
  }, [props.url]);

  if (failed) return <p class="notice warn">{props.filename} cannot be shown here. Download it from the list below.</p>;
  if (!doc) return <p class="muted" role="status">Opening {props.filename}…</p>;
  const shown = Math.min(doc.numPages, props.maxPages ?? maxPages);
  return (
    <div class="pdf-pages">
      {Array.from({ length: shown }, (_, i) => (
        <PdfPage key={i + 1} doc={doc} number={i + 1} filename={props.filename} surface={props.surface} />
      ))}
      {doc.numPages > shown && props.surface ? <p class="muted small">The first {shown} of {doc.numPages} pages are shown; download the file for the rest.</p> : null}
    </div>
  );
}

/** One page on a canvas; a pin surface when `surface` is given (not in the comparison). */
function PdfPage(props: { doc: PDFDocumentProxy; number: number; filename: string; surface?: Omit<SurfaceProps, 'page'> | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let render: RenderTask | undefined;
    let cancelled = false;
    void props.doc.getPage(props.number).then((page) => {
      if (cancelled || !canvas.current) return;
      // Sharp on high-density screens, at most ~1600 px wide like the image previews.
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: Math.min(1600 / base.width, Math.max(1, window.devicePixelRatio || 1) * (800 / base.width)) });
      canvas.current.width = Math.round(viewport.width);
      canvas.current.height = Math.round(viewport.height);
      render = page.render({ canvas: canvas.current, viewport });
      render.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [props.doc, props.number]);
  const label = `${props.filename}, page ${props.number} of ${props.doc.numPages}`;
  return (
    <figure class="pdf-page">
      <figcaption class="small muted" aria-hidden="true">
        Page {props.number} of {props.doc.numPages}
      </figcaption>
      {props.surface ? (
        <PinSurface {...props.surface} page={props.number} label={label}>
          <canvas ref={canvas} role="img" aria-label={label} />
        </PinSurface>
      ) : (
        <canvas ref={canvas} role="img" aria-label={label} />
      )}
    </figure>
  );
}
