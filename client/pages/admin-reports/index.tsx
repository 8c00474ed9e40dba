// Admins answer question reports: open reports grouped by item (stem and key shown), each upheld or
// not with a reply the candidate sees on their report. The API answers 404 to anyone else.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type AdminQueue } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';

type QueueItem = AdminQueue['items'][number];

export default function AdminReports() {
  usePage('Question reports');
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.adminReports().then(({ items }) => setQueue(items), (err) => setError(err instanceof ApiError ? err.message : 'The reports could not be loaded.'));
  useEffect(() => void load(), []);
  return (
    <>
      <h1>Question reports</h1>
      {error && <p class="notice notice--bad" role="alert">{error}</p>}
      {queue === null && !error && <p aria-busy="true">Loading…</p>}
      {queue?.length === 0 && <p>No open reports.</p>}
      {queue?.map((item) => (
        <section key={item.itemId} class="card" aria-labelledby={`item-${item.itemId}`}>
          <h2 id={`item-${item.itemId}`}>
            {item.itemId} <span class="muted">(code {item.code}, key {item.answer})</span>
          </h2>
          <p>{item.stem}</p>
          <ul>
            {item.reports.map((r) => (
              <li key={r.id}>
                <Resolve report={r} onDone={() => void load()} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Resolve({ report, onDone }: { report: QueueItem['reports'][number]; onDone: () => void }) {
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolve = async (status: 'upheld' | 'rejected') => {
    if (!reply.trim()) {
      setError('Write a reply first: the candidate reads it on their report.');
      return;
    }
    try {
      await api.resolveReport(report.id, { status, reply });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The answer could not be saved.');
    }
  };
  return (
    <div>
      <p>
        <strong>{report.reason.replace('_', ' ')}</strong> from {report.reporter}, {dateTime(report.createdAt)} (version {report.version}): {report.text || '(no details)'}
      </p>
      <div class="field">
        <label for={`reply-${report.id}`}>Reply to {report.reporter}</label>
        <textarea id={`reply-${report.id}`} rows={2} maxLength={2000} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="button" onClick={() => void resolve('upheld')}>
          Uphold
        </button>
        <button type="button" class="button button--secondary" onClick={() => void resolve('rejected')}>
          Do not uphold
        </button>
      </div>
    </div>
  );
}
