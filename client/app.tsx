// The shell: skip link, header with navigation, one <main>, the router.
import { ErrorBoundary, LocationProvider, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { currentUser, loadSession, signOut, signOutProblem } from './models/session.ts';
import { Routes } from './routes.tsx';

function Header() {
  const user = currentUser.value;
  const { path, route } = useLocation();
  const inExam = path.startsWith('/exam/');
  const current = (href: string) => (path === href ? 'page' : undefined);
  // Offline, the person stays signed in and is told so (see signOutProblem in models/session.ts).
  const out = async () => {
    if (await signOut()) route('/signin');
  };
  return (
    <header class="site-header">
      <div class="wrap site-header__inner">
        <a class="brand" href="/">
          CETL Practice
        </a>
        <nav aria-label="Main">
          <ul class="nav-list">
            {user ? (
              <>
                <li>
                  <a href="/" aria-current={current('/')}>
                    {inExam ? 'Leave to dashboard' : 'Dashboard'}
                  </a>
                </li>
                <li>
                  <a href="/study" aria-current={current('/study')}>
                    Study plan
                  </a>
                </li>
                <li>
                  <a href="/essays" aria-current={current('/essays')}>
                    Part II
                  </a>
                </li>
                <li>
                  <a href="/groups" aria-current={current('/groups')}>
                    Groups
                  </a>
                </li>
                {user.role === 'admin' && (
                  <li>
                    <a href="/admin/reports" aria-current={current('/admin/reports')}>
                      Reports
                    </a>
                  </li>
                )}
                <li>
                  <a href="/profile" aria-current={current('/profile')}>
                    Profile
                  </a>
                </li>
                <li>
                  <button type="button" class="link-button" onClick={out}>
                    Sign out
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <a href="/signin" aria-current={current('/signin')}>
                    Sign in
                  </a>
                </li>
                <li>
                  <a href="/signup" aria-current={current('/signup')}>
                    Create account
                  </a>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function App() {
  useEffect(() => {
    void loadSession();
  }, []);
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" class="wrap" tabIndex={-1}>
        {signOutProblem.value && (
          <p class="notice notice--bad" role="alert" key={signOutProblem.value.at} data-testid="sign-out-problem">
            {signOutProblem.value.message}
          </p>
        )}
        {currentUser.value === undefined ? (
          <p class="muted">Loading…</p>
        ) : (
          <ErrorBoundary onError={(e) => console.error(e)}>
            <Routes />
          </ErrorBoundary>
        )}
      </main>
    </LocationProvider>
  );
}
