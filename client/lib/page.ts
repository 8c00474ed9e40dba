import { useEffect } from 'preact/hooks';

const APP = 'CETL Practice';

/**
 * Sets the document title and, after a client-side navigation, moves focus to the page's h1 so
 * screen-reader users hear where they arrived (no live region needed).
 */
export function usePage(title: string, options: { focusHeading?: boolean } = {}): void {
  useEffect(() => {
    document.title = title ? `${title} — ${APP}` : APP;
  }, [title]);
  useEffect(() => {
    if (options.focusHeading === false) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1 && !h1.contains(document.activeElement)) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
    }
  }, []);
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
