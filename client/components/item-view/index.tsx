// One item: stem and options as a native radio group. Keys while focus is in the item: A–D or 1–4
// choose, Shift with a letter (or digit) strikes that option out or back, arrows move (native
// radios), Enter confirms / goes on. Shortcuts work only inside the item (WCAG 2.1.4), so they never
// fire while typing elsewhere. Area and skill code are shown in tutor mode only: on exam day the
// candidate does not see them.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Choice, Mode, SlotItem } from '../../lib/api.ts';
import type { SlotState } from '../../models/attempt.ts';
import css from './item-view.module.css';

interface Props {
  item: SlotItem;
  state: SlotState;
  mode: Mode;
  total: number;
  /** Exam: save this choice. Tutor: check this answer (locks it). */
  onChoose: (choice: Choice) => void;
  onNext: () => void;
  /** False once time is up or the attempt is closing. */
  editable: boolean;
  /** The slot's choice right now (the model updates before the next render; fast keys need it). */
  currentChoice: () => Choice | null;
  /** Strike an option out or back (a button beside each option, or Shift+letter). Absent: no strike-out. */
  onStrike?: (option: Choice) => void;
  children?: ComponentChildren;
}

const optionId = (slot: number, key: Choice) => `option-${slot}-${key}`;

export function ItemView({ item, state, mode, total, onChoose, onNext, editable, currentChoice, onStrike, children }: Props) {
  const [pending, setPendingState] = useState<Choice | null>(null);
  // Mirrors `pending` synchronously, for an Enter pressed before the re-render.
  const pendingNow = useRef<Choice | null>(null);
  const setPending = (c: Choice | null) => {
    pendingNow.current = c;
    setPendingState(c);
  };
  const feedback = useRef<HTMLDivElement>(null);
  const locked = mode === 'tutor' && state.choice !== null;
  const revealed = state.answer !== undefined;
  const selected = mode === 'tutor' && !locked ? pending : state.choice;

  // A new item takes focus on its heading before any further key is handled, so A–D act on it.
  useLayoutEffect(() => {
    document.getElementById('question-title')?.focus();
  }, []);

  // After a tutor answer is checked, move focus to the feedback so it is read at once.
  const wasRevealed = useRef(revealed);
  useEffect(() => {
    if (revealed && !wasRevealed.current) feedback.current?.focus();
    wasRevealed.current = revealed;
  }, [revealed]);

  const pick = (key: Choice) => {
    if (!editable || locked) return;
    if (mode === 'tutor') setPending(key);
    else onChoose(key);
  };
  const focusOption = (key: Choice) => document.getElementById(optionId(item.slot, key))?.focus();

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input:not([type=radio]), textarea, select')) return;
    const k = e.key.length === 1 ? e.key.toUpperCase() : '';
    // Shift+A–D (or Shift+1–4, whatever the digit row types shifted) strikes the option out or back.
    if (e.shiftKey && onStrike && !locked) {
      const strike = k && 'ABCD'.includes(k) ? 'ABCD'.indexOf(k) : /^Digit[1-4]$/.test(e.code) ? Number(e.code[5]) - 1 : -1;
      if (strike >= 0 && strike < item.options.length) {
        e.preventDefault();
        if (editable) onStrike(item.options[strike].key);
        return;
      }
    }
    let index = k ? 'ABCD'.indexOf(k) : -1;
    if (index < 0 && k) index = '1234'.indexOf(k);
    if (index >= 0 && index < item.options.length) {
      e.preventDefault();
      const key = item.options[index].key;
      if (locked) return;
      pick(key);
      focusOption(key);
      return;
    }
    if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      e.preventDefault();
      const key = target.value as Choice;
      if (mode === 'tutor') {
        if (currentChoice() !== null) onNext();
        else if (pendingNow.current === key) onChoose(key);
        else pick(key);
      } else if (currentChoice() !== key) pick(key);
      else onNext();
      return;
    }
    if (e.key === 'Enter' && target === feedback.current) {
      e.preventDefault();
      onNext();
    }
  };

  return (
    <section class={css.item} aria-labelledby="question-title" onKeyDown={onKeyDown}>
      <h2 id="question-title" class={css.title} tabIndex={-1} data-slot={item.slot}>
        Question {item.slot} of {total}
      </h2>
      {mode === 'tutor' ? (
        <p class={css.meta} data-testid="item-meta">
          Area {item.area} · skill code {item.code}
          {state.flagged && <span class={css.flagTag}> · Flagged for review</span>}
        </p>
      ) : (
        state.flagged && (
          <p class={css.meta}>
            <span class={css.flagTag}>Flagged for review</span>
          </p>
        )
      )}
      <p class={css.stem} id="question-stem">
        {item.stem}
      </p>

      {locked ? (
        <TutorResult item={item} state={state} feedbackRef={feedback} />
      ) : (
        <fieldset class={css.options} disabled={!editable} aria-describedby={`question-stem keys-${item.slot}`}>
          <legend>Choose the best answer</legend>
          <p class={`hint ${css.keys}`} id={`keys-${item.slot}`}>
            Keys: A–D or 1–4 choose{onStrike && ', Shift with a letter strikes that option out (or back)'}, arrows move, Enter{' '}
            {mode === 'tutor' ? 'checks your answer' : 'goes to the next question'}.
          </p>
          {item.options.map((o) => {
            const struck = !!state.struck?.includes(o.key);
            return (
              <div class={css.optionRow} key={o.key}>
                <label
                  class={`${css.option} ${selected === o.key ? css.selected : ''} ${struck ? css.struck : ''}`}
                  for={optionId(item.slot, o.key)}
                  data-struck={struck ? 'true' : undefined}
                >
                  <input
                    type="radio"
                    id={optionId(item.slot, o.key)}
                    name={`slot-${item.slot}`}
                    value={o.key}
                    checked={selected === o.key}
                    onChange={() => pick(o.key)}
                  />
                  <span class={css.letter} aria-hidden="true">
                    {o.key}
                  </span>
                  <span class={css.text}>
                    <span class="visually-hidden">{o.key}. </span>
                    {o.text}
                    {struck && <span class="visually-hidden"> (struck out)</span>}
                  </span>
                </label>
                {onStrike && (
                  <button
                    type="button"
                    class={css.strike}
                    aria-pressed={struck ? 'true' : 'false'}
                    aria-label={`Strike out ${o.key}`}
                    title={struck ? `Bring back option ${o.key} (Shift+${o.key})` : `Strike out option ${o.key} (Shift+${o.key})`}
                    onClick={() => onStrike(o.key)}
                  >
                    <StrikeIcon />
                    <span class={css.strikeWord} aria-hidden="true">
                      Strike
                    </span>
                  </button>
                )}
              </div>
            );
          })}
          {mode === 'tutor' && (
            <div class="row">
              <button type="button" class="button" onClick={() => (pending ? onChoose(pending) : undefined)} aria-describedby="check-hint">
                Check answer
              </button>
              <span id="check-hint" class="hint">
                {pending ? `You chose ${pending}. Checking shows the key; the answer then stands.` : 'Choose an answer, then check it.'}
              </span>
            </div>
          )}
        </fieldset>
      )}
      {children}
    </section>
  );
}

/** Lines of text with a line through them (paths only: no text for tools to read as a label). */
function StrikeIcon() {
  return (
    <svg class={css.strikeIcon} viewBox="0 0 24 16" width="1.5em" height="1em" aria-hidden="true" focusable="false">
      <path d="M4 4h16M4 12h10" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" opacity="0.7" />
      <path d="M2 8h20" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}

function TutorResult({ item, state, feedbackRef }: { item: SlotItem; state: SlotState; feedbackRef: { current: HTMLDivElement | null } }) {
  const revealed = state.answer !== undefined;
  return (
    <div class={css.result} ref={feedbackRef} tabIndex={-1} data-testid="tutor-feedback">
      {revealed ? (
        <h3 class={state.correct ? css.right : css.wrong}>
          {state.correct ? `Correct: ${state.answer} is the best answer.` : `Not this time: you chose ${state.choice}; the best answer is ${state.answer}.`}
        </h3>
      ) : (
        <h3>Your answer ({state.choice}) is kept on this device; the key appears once it reaches the server.</h3>
      )}
      <ul class={css.review}>
        {item.options.map((o) => {
          const isKey = revealed && o.key === state.answer;
          const isChoice = o.key === state.choice;
          return (
            <li key={o.key} class={`${css.reviewOption} ${isKey ? css.key : ''} ${isChoice && !isKey && revealed ? css.missed : ''}`}>
              <p class={css.reviewHead}>
                <span class={css.letter} aria-hidden="true">
                  {o.key}
                </span>
                <span>
                  <span class="visually-hidden">{o.key}. </span>
                  {o.text}
                  {(isKey || isChoice) && (
                    <strong class={css.badges}>
                      {isKey && ' — best answer'}
                      {isChoice && ' — your answer'}
                    </strong>
                  )}
                </span>
              </p>
              {revealed && state.rationale && <p class={css.rationale}>{state.rationale[o.key]}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
