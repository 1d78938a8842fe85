/**
 * The officer console: a shell (navigation, language, session) around one screen at a time, chosen
 * by the URL's hash (`#batch`, `#verify`, …) so the browser's back button and bookmarks work.
 */
import { h, replaceChildren } from './dom.js';
import { language, setLanguage, t, type MessageKey } from './i18n.js';
import { currentSession, signOut } from './session.js';
import { auditView } from './views/audit.js';
import { batchView } from './views/batch.js';
import { businessView, landView } from './views/lookups.js';
import { signInView } from './views/sign-in.js';
import { statusView } from './views/status.js';
import { verifyView } from './views/verify.js';
import type { View } from './views/view.js';

const routes = ['batch', 'verify', 'business', 'land', 'audit', 'status'] as const;
type Route = (typeof routes)[number];

const views: Record<Route, View> = {
  batch: batchView(refresh),
  verify: verifyView(refresh),
  business: businessView(refresh),
  land: landView(refresh),
  audit: auditView(refresh),
  status: statusView(refresh),
};
const signIn = signInView(refresh, () => {
  location.hash = '#batch';
  show(true);
});

function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(hash) ? (hash as Route) : 'batch';
}

function activeView(): View {
  return currentSession() ? views[currentRoute()] : signIn;
}

/** Draws the current screen again, keeping the keyboard focus on the same control. */
function refresh(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const focusedId = document.activeElement?.id;
  replaceChildren(main, activeView().render());
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function renderShell(): void {
  const session = currentSession();
  document.title = t('app.title');
  document.documentElement.lang = language();
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('app.skip');
  const brand = document.getElementById('brand');
  if (brand) brand.textContent = t('app.brand');
  const nav = document.getElementById('nav');
  if (nav) {
    nav.setAttribute('aria-label', t('nav.label'));
    replaceChildren(
      nav,
      session
        ? h(
            'ul',
            {},
            routes.map((route) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: `#${route}`, 'aria-current': route === currentRoute() ? 'page' : undefined },
                  t(`nav.${route}` as MessageKey),
                ),
              ),
            ),
          )
        : null,
    );
  }
  const actions = document.getElementById('top-actions');
  if (actions) {
    replaceChildren(
      actions,
      session
        ? h(
            'span',
            { class: 'who' },
            t('session.who', { officer: session.officerId, purpose: session.purpose }),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          id: 'language-toggle',
          lang: language() === 'vi' ? 'en' : 'vi',
          'aria-label': t('lang.toggleLabel'),
          onClick: () => {
            setLanguage(language() === 'vi' ? 'en' : 'vi');
            renderShell();
            refresh();
            document.getElementById('language-toggle')?.focus();
          },
        },
        t('lang.toggle'),
      ),
      session
        ? h(
            'button',
            {
              type: 'button',
              id: 'sign-out',
              onClick: () => {
                signOut();
                show(true);
              },
            },
            t('session.signOut'),
          )
        : null,
    );
  }
}

/** Opens the current screen; `moveFocus` puts the focus on the new screen's content, for keyboards. */
function show(moveFocus: boolean): void {
  renderShell();
  refresh();
  activeView().onShow?.();
  if (moveFocus) document.getElementById('main')?.focus();
}

window.addEventListener('hashchange', () => show(true));
// The skip link moves the focus itself: its `#main` would otherwise be read as a screen by the router.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => show(false));
else show(false);
