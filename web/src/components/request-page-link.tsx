import { useRef } from 'preact/hooks';
import { useFadingWord } from './fading-word.ts';

/**
 * The shop's request page as its whole address, the one a maker pastes into an Etsy listing or a
 * profile, with a button that copies it. Where the browser refuses the clipboard (an address
 * without https, a locked-down browser), the address is selected instead, to copy by hand.
 * Given a form (its id and name), the address opens the page on that form.
 */
export function RequestPageLink(props: { slug: string; form?: { formId: string; name: string } }) {
  const path = `/s/${props.slug}${props.form ? `?form=${encodeURIComponent(props.form.formId)}` : ''}`;
  const address = `${window.location.origin}${path}`;
  const link = useRef<HTMLAnchorElement>(null);
  const [said, setSaid] = useFadingWord();

  const copy = async () => {
    setSaid('');
    try {
      await navigator.clipboard.writeText(address);
      setSaid('Copied');
    } catch {
      const selection = window.getSelection();
      if (!link.current || !selection) return setSaid('This browser did not allow copying: copy the address by hand.');
      selection.selectAllChildren(link.current);
      setSaid('This browser did not allow copying: the address is selected for you to copy.');
    }
  };

  return (
    <span class="request-page-link">
      {/* The address wraps beside the button rather than under it: the line keeps the button's height. */}
      <span class="request-page-address">
        <a ref={link} href={path}>
          {address}
        </a>
        <button type="button" class="button secondary" onClick={copy}>
          Copy link
          {/* Among a list of forms, each button says whose link it copies. */}
          {props.form ? <span class="visually-hidden"> to {props.form.name}</span> : null}
        </button>
      </span>
      {/* On the page before its words, and polite: a screen reader says it after the button's name. */}
      <span class="copy-said" role="status">
        {said}
      </span>
    </span>
  );
}
