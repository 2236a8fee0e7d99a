import { fileUrl, type ImageSource } from './file-images.ts';

/** A file as a tile: its thumbnail when it has one, and always a link to the original. */
export function FileTile(props: { orderId: string; file: { fileId: string; filename: string; kind: string }; image: ImageSource; alt: string }) {
  const { orderId, file } = props;
  const thumbnail = props.image(file, 'thumbnail');
  return (
    <figure class="proof-file">
      {thumbnail ? <img src={thumbnail} alt={props.alt} loading="lazy" /> : <div class="proof-placeholder" aria-hidden="true">{file.filename.split('.').pop()?.toUpperCase()}</div>}
      <figcaption>
        <a href={fileUrl(orderId, file.fileId)} target="_blank" rel="noopener noreferrer">
          {file.filename}
        </a>
      </figcaption>
    </figure>
  );
}
