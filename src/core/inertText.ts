// Untrusted text (settings values, a server's or proxy's error text, a model's refusal or function
// names, file names) made inert for surfaces that render Markdown links: a non-modal notification
// or a progress title turns `[text](command:…)` into a link that runs the command when clicked.
//
// Every character that can open a link, an autolink, inline HTML or a code span is
// backslash-escaped, the backslash itself first (so text that is already escaped, or escaped twice,
// still never yields a live link), and line breaks are collapsed to one space.

const ACTIVE = /[\\[\]()`<>]/g;

export function inert(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(ACTIVE, (c) => `\\${c}`);
}
