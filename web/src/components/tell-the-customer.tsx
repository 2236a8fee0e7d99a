import { useFadingWord } from './fading-word.ts';

/**
 * Atelier emails nobody as an order moves on (the notifier is not built yet): said to the seller
 * beside what they just did, with the customer's link to this order, one press to copy, to send
 * through Etsy Messages. The customer opens it and signs in with their email.
 */
export function TellTheCustomer(props: { orderId: string }) {
  const address = `${location.origin}/orders/${props.orderId}`;
  const [said, setSaid] = useFadingWord();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setSaid('Copied');
    } catch {
      // A browser that refuses the clipboard (no https, locked down): the link, to copy by hand.
      setSaid(`This browser did not allow copying. The link: ${address}`);
    }
  };
  return (
    <div class="notice info small row tell-customer">
      <span>Atelier does not email the customer yet: send them the link to this order through Etsy Messages.</span>
      <button type="button" class="button secondary" onClick={copy}>
        {said === 'Copied' ? 'Copied' : 'Copy the customer’s link'}
      </button>
      <span role="status">{said === 'Copied' ? <span class="visually-hidden">Link copied</span> : said || null}</span>
    </div>
  );
}
