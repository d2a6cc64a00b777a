/**
 * How long a test waits for something it expects to happen (a request reaching the stand-in, a
 * notification, an answer in an editor) before it fails. The wait ends on the event itself, so a
 * passing run never waits this long; the bound is generous because a 2-core CI machine running
 * code-server, Chromium and the extension host can take tens of seconds for one round trip.
 */
export const EVENT_WAIT_MS = 45_000;
