// An essay's text with chosen sentences marked (<mark>), rendered as text nodes only: the writer's
// words are never parsed as HTML. Paragraphs follow the blank lines the writer typed.
import css from './marked-text.module.css';

export interface Span {
  start: number;
  end: number;
}

/** Splits text into runs, each marked or not, from possibly overlapping spans. */
export function runs(text: string, spans: readonly Span[]): { text: string; marked: boolean }[] {
  const marked = new Array<boolean>(text.length).fill(false);
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(text.length, s.end); i++) marked[i] = true;
  const out: { text: string; marked: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.marked === marked[i]) last.text += text[i];
    else out.push({ text: text[i], marked: marked[i] });
  }
  return out;
}

export function MarkedText({ text, spans, label }: { text: string; spans: readonly Span[]; label: string }) {
  if (!text.trim()) return <p class="muted">(No text was written.)</p>;
  // Paragraph by paragraph, keeping each paragraph's offset so spans still line up.
  const paragraphs: { start: number; text: string }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paragraphs.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  paragraphs.push({ start, text: text.slice(start) });
  return (
    <div class={css.text} aria-label={label} role="region">
      {paragraphs.filter((p) => p.text.trim()).map((p) => (
        <p key={p.start}>
          {runs(p.text, spans.map((s) => ({ start: s.start - p.start, end: s.end - p.start }))).map((r, i) => (r.marked ? <mark key={i}>{r.text}</mark> : r.text))}
        </p>
      ))}
    </div>
  );
}
