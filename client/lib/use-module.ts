import { useEffect, useState } from 'preact/hooks';

/** Loads a module on first render (its own chunk) and returns it once ready. */
export function useModule<T>(load: () => Promise<T>): T | null {
  const [mod, setMod] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load().then((m) => live && setMod(() => m), (err) => console.error(err));
    return () => {
      live = false;
    };
  }, []);
  return mod;
}
