import { useEffect, useState } from 'preact/hooks';

/**
 * Atelier emails nobody as an order moves on (the notifier is not built yet): said to the seller
 * beside what they just did, with the customer's link to this order, one press to copy, to send
 * through Etsy Messages. The customer opens it and signs in with their email.
 */
export function TellTheCustomer(props: { orderId: string }) {
  const address = `${location.origin}/orders/${props.orderId}`;
  const [copied, setCopied] = useState<boolean | 'refused'>(false);
  // "Copied" goes after a while: left standing, it would claim a later copy too.
  useEffect(() => {
    if (!copied) return;
    const fade = setTimeout(() => setCopied(false), 6000);
    return () => clearTimeout(fade);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // A browser that refuses the clipboard (no https, locked down): the link, to copy by hand.
      setCopied('refused');
    }
  };
  return (
    <div class="notice info small row tell-customer">
      <span>Atelier does not email the customer yet: send them the link to this order through Etsy Messages.</span>
      <button type="button" class="button secondary" onClick={copy}>
        {copied === true ? 'Copied' : 'Copy the customer’s link'}
      </button>
      <span role="status">{copied === true ? <span class="visually-hidden">Link copied</span> : copied === 'refused' ? `This browser did not allow copying. The link: ${address}` : null}</span>
    </div>
  );
}
