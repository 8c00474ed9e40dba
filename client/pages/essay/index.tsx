// One essay: the editor while it is open, the reading and scores once it is handed in.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Essay } from '../../lib/api.ts';
import { createEssayModel, type EssayModel } from '../../models/essay-sync.ts';
import { Editor } from './editor.tsx';
import { Results } from './results.tsx';

export default function EssayPage({ id }: { id: string }) {
  const [model, setModel] = useState<EssayModel | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let made: EssayModel | null = null;
    api.essay(id).then(
      (essay: Essay) => setModel((made = createEssayModel(essay))),
      (err) => setError(err instanceof ApiError ? err.message : 'This essay could not be loaded.'),
    );
    return () => made?.dispose();
  }, [id]);

  if (error) {
    return (
      <>
        <h1>Essay not available</h1>
        <p class="notice notice--bad">{error}</p>
        <p>
          <a href="/essays">Back to Part II</a>
        </p>
      </>
    );
  }
  if (!model) return <p aria-busy="true">Loading the essay…</p>;
  return model.essay.value.status === 'open' ? <Editor model={model} /> : <Results model={model} />;
}
