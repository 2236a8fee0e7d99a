import { useEffect, useState } from 'preact/hooks';

/**
 * What a copy button says it did ("Copied", or that the browser would not): the word goes after
 * a while, since a "Copied" left standing would claim a later copy too.
 */
export function useFadingWord(): [string, (word: string) => void] {
  const [word, setWord] = useState('');
  useEffect(() => {
    if (!word) return;
    const fade = setTimeout(() => setWord(''), 6000);
    return () => clearTimeout(fade);
  }, [word]);
  return [word, setWord];
}
