// Form pieces: a labelled field with hint and error, and an error summary that takes focus.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface FieldProps {
  id: string;
  label: string;
  type?: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text';
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Another element that describes the field (e.g. a live strength hint). */
  describedBy?: string;
}

export function Field(p: FieldProps) {
  const describedBy = [p.hint && `${p.id}-hint`, p.describedBy, p.error && `${p.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field-error" id={`${p.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {p.error}
        </p>
      )}
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
        autoComplete={p.autoComplete}
        required={p.required}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        step={p.step}
      />
    </div>
  );
}

/**
 * Shown above a form after a refused submit; it takes focus when it appears so the message is read
 * at once. Give it a `key` that changes with the message to take focus again for a new refusal.
 */
export function ErrorSummary({ title = 'There is a problem', messages, children }: { title?: string; messages: string[]; children?: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <div>
        {messages.length === 1 ? (
          <p>{messages[0]}</p>
        ) : (
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {children}
      </div>
    </div>
  );
}
