// From a finished report: "Practise these" (a tutor drill on the attempt's weakest codes) and
// "Retry missed questions" (exactly the questions answered wrong or left blank, in tutor mode).
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, ApiError, type AttemptReply, type Report } from '../../lib/api.ts';
import css from './report.module.css';

export function NextSteps({ report }: { report: Report }) {
  const { route } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (report.status !== 'submitted' || report.score.correct === report.score.total) return null;
  const start = async (make: () => Promise<AttemptReply>) => {
    setBusy(true);
    setError(null);
    try {
      route(`/exam/${(await make()).attempt.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The drill could not be started; try again.');
      setBusy(false);
    }
  };
  return (
    <div class={css.nextSteps}>
      <button type="button" class="button" disabled={busy} onClick={() => start(() => api.practise(report.attemptId))}>
        Practise these
      </button>
      <button type="button" class="button button--secondary" disabled={busy} onClick={() => start(() => api.retryMissed(report.attemptId))}>
        Retry missed questions
      </button>
      <a href="/study">Study plan</a>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
