// Before the clock starts (exam mode): what the exam is, how long, how to move, flag, strike out and
// review. The server starts the clock at Begin (POST /api/attempts/:id/begin), not before.
import { useEffect, useRef } from 'preact/hooks';
import { multiplier, plural, spokenDuration } from '../../lib/format.ts';
import type { AttemptModel } from '../../models/attempt.ts';
import css from './runner.module.css';

export function Intro({ model }: { model: AttemptModel }) {
  const attempt = model.attempt.value!;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const minutes = attempt.minutes ?? 0;
  const allowedMs = Math.round(minutes * 60_000 * attempt.timeMultiplier); // as the server's deadline: exact, not whole minutes
  const beginning = model.beginning.value;
  const exam = attempt.mode === 'exam';
  return (
    <div class={`card ${css.intro}`} data-testid="exam-intro">
      <h1 ref={heading} tabIndex={-1}>
        {exam ? 'Practice exam' : 'Timed practice'}: before you begin
      </h1>
      <dl class={css.facts}>
        <dt>Questions</dt>
        <dd data-testid="intro-questions">{plural(attempt.length, 'question')}, one at a time, four options each</dd>
        <dt>Time allowed</dt>
        <dd data-testid="intro-time">
          {spokenDuration(allowedMs)}
          {attempt.timeMultiplier !== 1 && ` (${plural(minutes, 'minute')} with your ${multiplier(attempt.timeMultiplier)} time accommodation)`}
        </dd>
        <dt>The clock</dt>
        <dd>
          starts when you select <strong>Begin the exam</strong> and keeps running if you leave or close the page. When it runs out,
          your answers are handed in for you.
        </dd>
      </dl>
      <h2>Moving around</h2>
      <ul>
        <li>
          <strong>Next</strong> and <strong>Previous</strong> move one question; the question grid (beside the question, or below it on
          a small screen) jumps to any question.
        </li>
        <li>
          Keys while a question has focus: <kbd>A</kbd>–<kbd>D</kbd> or <kbd>1</kbd>–<kbd>4</kbd> choose, the arrow keys move between
          options, <kbd>Enter</kbd> goes to the next question.
        </li>
      </ul>
      <h2>Flag, strike out and review</h2>
      <ul>
        <li>
          <strong>Flag for review</strong> marks a question to come back to; the grid shows a flag on it.
        </li>
        <li>
          <strong>Strike</strong> (beside each option, or <kbd>Shift</kbd> with its letter) crosses out an option you have ruled out.
          It stays crossed out when you come back, and you can still choose it.
        </li>
        <li>
          <strong>Review and hand in</strong> shows every question as answered, unanswered or flagged, and can take you through the
          flagged or the unanswered ones in order before you hand in.
        </li>
      </ul>
      <h2>As on exam day</h2>
      <ul>
        <li>The area and skill code of each question stay hidden until the report.</li>
        <li>
          The time left is shown at the top; you can hide it. Screen readers hear when 15, 5 and 1 minutes remain, hidden or not.
        </li>
      </ul>
      {model.notice.value && (
        <p class="notice notice--bad" role="alert">
          {model.notice.value}
        </p>
      )}
      <div class="row">
        <button type="button" class="button" onClick={() => void model.begin()} aria-disabled={beginning ? 'true' : undefined}>
          {beginning ? 'Starting the clock…' : 'Begin the exam'}
        </button>
        <a href="/">Back to the dashboard</a>
      </div>
    </div>
  );
}
