// Which link targets an answer may have. Pure, and free of markdown-it so the host can check links
// without loading the parser.
const ALLOWED_LINK = /^(?:https?:\/\/[^\s]|mailto:[^\s])/i;

/** True for the only link targets an answer may have: https:, http: and mailto: URLs. */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  if (!ALLOWED_LINK.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}
