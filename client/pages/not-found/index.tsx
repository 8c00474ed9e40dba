import { usePage } from '../../lib/page.ts';

export default function NotFound() {
  usePage('Page not found');
  return (
    <div class="narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go to <a href="/">your dashboard</a>.
      </p>
    </div>
  );
}
