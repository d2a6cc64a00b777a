// Imported by each webview's main.ts right after zodConfig, before any module that builds text: the
// page's translations, from the bundle the host put in `data-l10n` on <body> (media/shared/l10n.ts).
import { useBundle } from './l10n';

useBundle(document.body.dataset.l10n);
