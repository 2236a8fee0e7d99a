/** The seller's text with its web addresses as links, opened away from the portal. */
export function WithLinks(props: { text: string }) {
  const parts = props.text.split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer nofollow">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
