// "Report this question" under an item whose key the candidate has seen: a reason and free text,
// sent with the attempt; an earlier report of the item shows its status and the admin's reply.
import { useState } from 'preact/hooks';
import { api, ApiError, type QuestionReport } from '../../lib/api.ts';
import css from './report.module.css';

const REASONS: [QuestionReport['reason'], string][] = [
  ['key_wrong', 'The key is wrong'],
  ['two_right', 'Two answers are right'],
  ['outdated', 'It is out of date'],
  ['unclear', 'It is unclear'],
  ['other', 'Something else'],
];
const STATUS: Record<QuestionReport['status'], string> = { open: 'waiting for an answer', upheld: 'upheld', rejected: 'not upheld' };

export function ReportQuestion({ attemptId, itemId, slot, earlier }: { attemptId: string; itemId: string; slot: number; earlier: QuestionReport[] }) {
  const [reason, setReason] = useState<QuestionReport['reason']>('key_wrong');
  const [text, setText] = useState('');
  // Reports sent from this page; earlier ones arrive with the page's list (after the report).
  const [sent, setSent] = useState<QuestionReport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const send = async (e: Event) => {
    e.preventDefault();
    try {
      const report = await api.reportQuestion(itemId, { attemptId, reason, text });
      setSent([report, ...sent]);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The report could not be sent; try again.');
    }
  };
  return (
    <div class={`${css.reportQuestion} no-print`}>
      {[...sent, ...earlier].map((r) => (
        <p key={r.id} class="notice" data-testid="question-report">
          You reported this question ({REASONS.find(([k]) => k === r.reason)?.[1].toLowerCase()}): {STATUS[r.status]}.
          {r.reply && <> Reply: {r.reply}</>}
        </p>
      ))}
      <details>
        <summary>Report this question</summary>
        <form onSubmit={send} class={css.reportForm}>
          <div class="field">
            <label for={`reason-${slot}`}>What is wrong?</label>
            <select id={`reason-${slot}`} value={reason} onChange={(e) => setReason(e.currentTarget.value as QuestionReport['reason'])}>
              {REASONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`detail-${slot}`}>Details (optional)</label>
            <textarea id={`detail-${slot}`} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          {error && (
            <p class="notice notice--bad" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button button--secondary">
            Send the report
          </button>
        </form>
      </details>
    </div>
  );
}
