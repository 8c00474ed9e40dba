// A flag drawn in the text colour: the "flagged for review" mark wherever a flag is shown, so the
// state never rests on colour alone. Decorative: the text beside it (or a label) says "flagged".
export function FlagIcon({ class: className }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M3.5 1.5v13" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" fill="none" />
      <path d="M4.5 2h8.75l-2.25 3.25 2.25 3.25H4.5z" fill="currentColor" />
    </svg>
  );
}
