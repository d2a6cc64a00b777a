// Where the token may go. https everywhere; plain http only to this machine (a local gateway).

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Validates `raw` as an API base URL and returns it without a trailing slash. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: `“${raw}” is not a URL. Use the form https://api.predictionguard.com.` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'The base URL must not contain a user name or password; the API key goes in “Set API Key”.' };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: 'The base URL must not contain a query (?…) or fragment (#…).' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      reason: `The base URL ${url.origin} uses plain http, which would send your API key and code unencrypted. Use https (http is allowed only for localhost).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `The base URL must start with https:// (got ${url.protocol}).` };
  }
  // Rebuilt from its parts: an empty "?" or "#" (which URL reports as no query) is dropped too.
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
