import { render } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { SessionProvider, signedInOnly } from './session.tsx';
// Imported before the router starts, so that it hears Back first.
import './components/leave-guard.ts';
import SignInPage, { SignInSentPage } from './pages/sign-in.tsx';
import StartPage from './pages/start.tsx';
import './styles.css';

// Everything past sign-in loads on demand, so the first page stays small.
const VerifyPage = lazy(() => import('./pages/verify.tsx'));
const DashboardPage = signedInOnly(lazy(() => import('./pages/dashboard.tsx')));
const OrderPage = signedInOnly(lazy(() => import('./pages/order.tsx')));
const HomePage = signedInOnly(lazy(() => import('./pages/home.tsx')));
const RequestPage = lazy(() => import('./pages/request.tsx'));
const FormsPage = signedInOnly(lazy(() => import('./pages/forms.tsx')));
const SettingsPage = signedInOnly(lazy(() => import('./pages/settings.tsx')));
const MailboxPage = lazy(() => import('./pages/mailbox.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found.tsx'));

/**
 * After a move to another page, the focus goes to its main content, where a page load would
 * start a screen reader, not left on a link that is gone. (The router does not call this for the
 * page first loaded, nor when only the query changes: a dashboard tab keeps its focus.)
 */
function focusNewPage() {
  document.getElementById('main')?.focus({ preventScroll: true });
}

function App() {
  return (
    <LocationProvider>
      <SessionProvider>
        <ErrorBoundary>
          <Router onRouteChange={focusNewPage}>
            <Route path="/" component={StartPage} />
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/sign-in/sent" component={SignInSentPage} />
            <Route path="/auth/verify" component={VerifyPage} />
            <Route path="/dashboard" component={DashboardPage} />
            <Route path="/orders/:orderId" component={OrderPage} />
            <Route path="/home" component={HomePage} />
            <Route path="/forms" component={FormsPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/s/:slug" component={RequestPage} />
            <Route path="/dev/mailbox" component={MailboxPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </SessionProvider>
    </LocationProvider>
  );
}

render(<App />, document.getElementById('app')!);
