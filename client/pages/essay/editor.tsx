// Writing: the prompt, the answer box, words against the range, time left and the save state.
import { Timer } from '../../components/timer/index.tsx';
import { countWords } from '../../../server/domain/words.ts';
import { usePage } from '../../lib/page.ts';
import type { EssayModel, EssaySaveState } from '../../models/essay-sync.ts';
import css from './essay.module.css';

const SAVE_TEXT: Record<EssaySaveState, string> = {
  saved: 'Saved',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  offline: 'Offline — your text is kept on this device and sent when the connection returns',
  refused: 'Not saved',
  'signed-out': 'Signed out — sign in again in another tab; your text is kept on this device',
};

export function Editor({ model }: { model: EssayModel }) {
  const essay = model.essay.value;
  const { prompt } = essay;
  usePage(prompt.title);
  const words = countWords(model.text.value);
  const range = prompt.words;
  const handIn = model.handIn.value;
  const state = handIn === 'sending' || handIn === 'failed' ? (model.saveState.value === 'saved' ? 'saving' : model.saveState.value) : model.saveState.value;
  return (
    <>
      <div class={css.bar}>
        <h1 class={css.title}>{prompt.title}</h1>
        <Timer remaining={model.remaining} multiplier={essay.timeMultiplier} />
        <p class={css.save} data-testid="essay-save" data-state={state}>
          {SAVE_TEXT[state]}
        </p>
      </div>
      <section class="card" aria-labelledby="scenario-title">
        <h2 id="scenario-title" class={css.small}>
          The scenario · write for {prompt.audienceName}
        </h2>
        <p>{prompt.scenario}</p>
        <p>
          <strong>Your task:</strong> {prompt.task}
        </p>
      </section>
      {model.problem.value && <p class="notice notice--bad" role="alert">{model.problem.value}</p>}
      <div class="field">
        <label for="answer">Your answer</label>
        <p class="hint" id="answer-hint">
          Plain text; leave a blank line between paragraphs. It is saved every few seconds and whenever you leave the box.
        </p>
        <textarea
          id="answer"
          class={css.answer}
          aria-describedby="answer-hint answer-count"
          value={model.text.value}
          onInput={(e) => model.edit(e.currentTarget.value)}
          onBlur={() => void model.save()}
          spellcheck={true}
        />
        <p id="answer-count" class={words > range.max ? css.over : css.count}>
          <meter min={0} max={range.max} low={range.min} high={range.max} optimum={(range.min + range.max) / 2} value={Math.min(words, range.max)} aria-hidden="true" />{' '}
          {words} words (aim for {range.min}–{range.max}){words > range.max ? ' — over the range' : words < range.min ? '' : ' — in range'}
        </p>
      </div>
      <div class={css.handIn}>
        <button type="button" class="button" onClick={() => void model.submit()} disabled={handIn === 'sending'}>
          Hand in
        </button>
        <p aria-live="polite" data-testid="hand-in-state" class={handIn === 'failed' ? css.failed : ''}>
          {handIn === 'sending' ? 'Handing in…' : handIn === 'failed' ? 'Could not reach the server — trying again every few seconds; keep this page open.' : ''}
        </p>
      </div>
    </>
  );
}
