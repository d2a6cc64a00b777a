// Imported by main.ts right after the two set-up modules (zod's configuration, the page's l10n bundle):
// when the chat script started, for `npm run bench` (the reopen figure runs from this mark to the first
// state's turns painted, "pg-chat-shown" in main.ts).
performance.mark('pg-chat-script');
