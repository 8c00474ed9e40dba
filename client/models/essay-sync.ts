// The essay being written: its text (kept on this device first), autosave every few seconds and on
// blur, retry while the server is unreachable, resume after a reload or in a second tab, and the
// hand-in at the deadline. Components read signals; only this model talks to the API.
import { computed, signal } from '@preact/signals';
import { api, ApiError, type Essay } from '../lib/api.ts';
import { acknowledgeDraft, draftKey, dropDraft, editDraft, isUnsaved, readDraft, writeDraft } from '../lib/essay-draft.ts';

export type EssaySaveState = 'saved' | 'unsaved' | 'saving' | 'offline' | 'refused' | 'signed-out';
export type HandInState = 'idle' | 'sending' | 'failed' | 'done';

/** How long typing may go unsaved, and how soon an unreachable server is tried again. */
export const AUTOSAVE_MS = 3_000;
export const RETRY_MS = 5_000;

export function createEssayModel(initial: Essay, now: () => number = () => performance.now()) {
  const id = initial.id;
  const essay = signal(initial);
  const draft = readDraft(id);
  // A draft newer than the server's text is work this device has not delivered yet: resume it.
  const resumed = draft !== null && draft.revision > initial.revision && initial.status === 'open';
  const text = signal(resumed ? draft.text : initial.text);
  if (!resumed) writeDraft(id, { text: initial.text, revision: initial.revision, savedRevision: initial.revision });
  const saveState = signal<EssaySaveState>(resumed ? 'unsaved' : 'saved');
  const problem = signal<string | null>(null);
  const handIn = signal<HandInState>('idle');
  const loadedAt = now();
  const tick = signal(loadedAt);
  const remaining = computed(() => (essay.value.remainingMs === null ? null : Math.max(0, essay.value.remainingMs - (tick.value - loadedAt))));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> | null = null;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  function edit(next: string) {
    if (essay.value.status !== 'open') return;
    text.value = next;
    editDraft(id, next, essay.value.revision);
    if (saveState.value !== 'offline' && saveState.value !== 'saving') saveState.value = 'unsaved';
    if (!timer) schedule(AUTOSAVE_MS);
  }

  /** Sends the newest local text, if any is unsent; one save at a time. */
  function save(): Promise<void> {
    timer = null;
    if (saving) return saving;
    saving = (async () => {
      for (;;) {
        const current = readDraft(id);
        if (!current || !isUnsaved(current) || essay.value.status !== 'open') break;
        saveState.value = 'saving';
        try {
          const reply = await api.saveEssayText(id, current.text, current.revision);
          // Stale means a newer text (from another tab) is stored: this one is superseded, not lost.
          acknowledgeDraft(id, current.revision);
          essay.value = { ...essay.value, revision: Math.max(reply.revision, essay.value.revision), savedAt: reply.savedAt, words: reply.words };
          problem.value = null;
        } catch (err) {
          const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
          if (e.retryable) {
            saveState.value = 'offline';
            schedule(RETRY_MS);
            return;
          }
          if (e.status === 401) saveState.value = 'signed-out';
          else if (e.code === 'essay_closed') await refresh();
          else saveState.value = 'refused';
          problem.value = e.message;
          return;
        }
      }
      if (essay.value.status === 'open') saveState.value = isUnsaved(readDraft(id)) ? 'unsaved' : 'saved';
    })().finally(() => {
      saving = null;
    });
    return saving;
  }

  async function refresh() {
    const fresh = await api.essay(id);
    essay.value = fresh;
    if (fresh.status === 'submitted') {
      text.value = fresh.text;
      dropDraft(id);
      saveState.value = 'saved';
    }
  }

  /** Saves what is unsent, then hands in; keeps trying while the page is open if the server is away. */
  async function submit(): Promise<void> {
    if (handIn.value === 'sending' || essay.value.status !== 'open') return;
    handIn.value = 'sending';
    await save();
    if (isUnsaved(readDraft(id)) && saveState.value !== 'refused') {
      handIn.value = 'failed';
      setTimeout(() => void submit(), RETRY_MS);
      return;
    }
    try {
      essay.value = await api.submitEssay(id);
      dropDraft(id);
      handIn.value = 'done';
    } catch (err) {
      handIn.value = 'failed';
      problem.value = err instanceof ApiError ? err.message : String(err);
      if (!(err instanceof ApiError) || err.retryable) setTimeout(() => void submit(), RETRY_MS);
    }
  }

  // Another tab typing in the same essay: show its newer text here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== draftKey(id) || e.newValue === null) return;
    const other = readDraft(id);
    if (other && other.text !== text.value) text.value = other.text;
  };
  const onOnline = () => void save();
  addEventListener('storage', onStorage);
  addEventListener('online', onOnline);
  // The countdown ticks locally; at zero the last text is saved and handed in.
  const clock = setInterval(() => {
    tick.value = now();
    if (remaining.value === 0 && essay.value.status === 'open' && handIn.value === 'idle') void submit();
  }, 1_000);
  if (resumed) void save();

  return {
    essay, text, saveState, problem, handIn, remaining, edit, save, submit, refresh,
    /** Resolves once nothing is left unsent (or sending failed). */
    flush: save,
    dispose() {
      if (timer) clearTimeout(timer);
      clearInterval(clock);
      removeEventListener('storage', onStorage);
      removeEventListener('online', onOnline);
    },
  };
}

export type EssayModel = ReturnType<typeof createEssayModel>;
