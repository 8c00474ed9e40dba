// Every page is its own chunk, so a route loads only what it shows (the exam runner stays small).
import type { ComponentType } from 'preact';
import { Route, Router, lazy, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { currentUser } from './models/session.ts';
import { safeNext } from './lib/page.ts';

/** A page chunk that fails to load (offline, new deploy) shows a way out instead of hanging. */
function ChunkFailed() {
  return (
    <div class="narrow">
      <h1>This page could not be loaded</h1>
      <p>The connection may be down. Your saved answers are safe; reload the page when you are back online.</p>
      <p>
        <button type="button" class="button" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    </div>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPage = ComponentType<any>;

function page(load: () => Promise<{ default: AnyPage }>): AnyPage {
  return lazy(() => load().catch((): { default: AnyPage } => ({ default: ChunkFailed })));
}

const Landing = page(() => import('./pages/landing/index.tsx'));
const SignIn = page(() => import('./pages/sign-in/index.tsx'));
const SignUp = page(() => import('./pages/sign-up/index.tsx'));
const Dashboard = page(() => import('./pages/dashboard/index.tsx'));
// The runner and its review screen share one chunk, so going to the review works offline.
const ExamRunner = page(() => import('./pages/exam-runner/index.tsx'));
const Review = page(() => import('./pages/exam-runner/index.tsx').then((m) => ({ default: m.Review })));
const Report = page(() => import('./pages/report/index.tsx'));
const Profile = page(() => import('./pages/profile/index.tsx'));
const Essays = page(() => import('./pages/essays/index.tsx'));
const EssayPage = page(() => import('./pages/essay/index.tsx'));
const ReviewPage = page(() => import('./pages/review/index.tsx'));
const Groups = page(() => import('./pages/groups/index.tsx'));
const Join = page(() => import('./pages/join/index.tsx'));
const GroupPage = page(() => import('./pages/group/index.tsx'));
const Misconceptions = page(() => import('./pages/misconceptions/index.tsx'));
const GroupReview = page(() => import('./pages/group-review/index.tsx'));
const CoachEssay = page(() => import('./pages/coach-essay/index.tsx'));
const Study = page(() => import('./pages/study/index.tsx'));
const AdminReports = page(() => import('./pages/admin-reports/index.tsx'));
const ForgotPassword = page(() => import('./pages/forgot-password/index.tsx'));
const ResetPassword = page(() => import('./pages/reset-password/index.tsx'));
const ConfirmEmail = page(() => import('./pages/confirm-email/index.tsx'));
const NotFound = page(() => import('./pages/not-found/index.tsx'));

function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

/** Pages behind sign-in send visitors to the sign-in page and back again afterwards. */
function signedIn<P extends object>(Page: ComponentType<P>) {
  return function Guarded(props: P) {
    const { url, path } = useLocation();
    if (!currentUser.value) {
      // While the sign-in chunk loads, the router still shows this page at the new URL: wait.
      if (path === '/signin' || path === '/signup') return null;
      return <Redirect to={`/signin?next=${encodeURIComponent(url)}`} />;
    }
    return <Page {...props} />;
  };
}

/** Sign-in and sign-up are for visitors; a signed-in user goes to the dashboard. */
function visitorsOnly<P extends object>(Page: ComponentType<P>) {
  return function Visitor(props: P) {
    const { query, path } = useLocation();
    if (currentUser.value) {
      // Just signed in: the form is already routing onwards (the router shows this page until the
      // next one's chunk arrives); redirect only someone who opened /signin while signed in.
      if (path !== '/signin' && path !== '/signup') return null;
      return <Redirect to={safeNext(query.next)} />;
    }
    return <Page {...props} />;
  };
}

const GuardedDashboard = signedIn(Dashboard);
/** `/`: the dashboard when signed in, the landing page for visitors. */
function Home() {
  return currentUser.value ? <GuardedDashboard /> : <Landing />;
}
const GuardedRunner = signedIn(ExamRunner);
const GuardedReview = signedIn(Review);
const GuardedReport = signedIn(Report);
const GuardedProfile = signedIn(Profile);
const GuardedEssays = signedIn(Essays);
const GuardedEssay = signedIn(EssayPage);
const GuardedReviewLink = signedIn(ReviewPage);
const GuardedGroups = signedIn(Groups);
const GuardedJoin = signedIn(Join);
const GuardedGroup = signedIn(GroupPage);
const GuardedMisconceptions = signedIn(Misconceptions);
const GuardedGroupReview = signedIn(GroupReview);
const GuardedCoachEssay = signedIn(CoachEssay);
const GuardedStudy = signedIn(Study);
const GuardedAdminReports = signedIn(AdminReports);
const VisitorSignIn = visitorsOnly(SignIn);
const VisitorSignUp = visitorsOnly(SignUp);

export function Routes() {
  return (
    <Router>
      <Route path="/" component={Home} />
      <Route path="/signin" component={VisitorSignIn} />
      <Route path="/signup" component={VisitorSignUp} />
      {/* Reached from mailed links, signed in or not: the link itself is the proof. */}
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset/:token" component={ResetPassword} />
      <Route path="/confirm-email/:token" component={ConfirmEmail} />
      <Route path="/exam/:id/review" component={GuardedReview} />
      <Route path="/exam/:id/:slot" component={GuardedRunner} />
      <Route path="/exam/:id" component={GuardedRunner} />
      <Route path="/report/:id" component={GuardedReport} />
      <Route path="/profile" component={GuardedProfile} />
      <Route path="/study" component={GuardedStudy} />
      <Route path="/admin/reports" component={GuardedAdminReports} />
      <Route path="/essays" component={GuardedEssays} />
      <Route path="/essays/:id" component={GuardedEssay} />
      <Route path="/review/:token" component={GuardedReviewLink} />
      <Route path="/groups" component={GuardedGroups} />
      <Route path="/groups/:id/misconceptions" component={GuardedMisconceptions} />
      <Route path="/groups/:id/review" component={GuardedGroupReview} />
      <Route path="/groups/:id/essays/:essayId" component={GuardedCoachEssay} />
      <Route path="/groups/:id" component={GuardedGroup} />
      <Route path="/join/:code" component={GuardedJoin} />
      <Route default component={NotFound} />
    </Router>
  );
}
