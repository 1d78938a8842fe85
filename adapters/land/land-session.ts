/** The land registry's login token is an upstream token like any other: one session implementation serves all. */
export { TokenSession as LandSession, type IssuedToken as LandToken } from '../auth/token-session.js';
