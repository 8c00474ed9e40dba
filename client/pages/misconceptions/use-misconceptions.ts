import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Group, type Misconception } from '../../lib/api.ts';

/** A group and its most-missed questions (the list page and the review session show the same). */
export function useMisconceptions(id: string, failure: string) {
  const [group, setGroup] = useState<Group | null>(null);
  const [items, setItems] = useState<Misconception[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.group(id), api.misconceptions(id)]).then(
      ([g, m]) => {
        setGroup(g);
        setItems(m.items);
      },
      (err) => setError(err instanceof ApiError ? err.message : failure),
    );
  }, [id]);
  return { group, items, error };
}
