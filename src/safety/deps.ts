// What the safety commands need from the rest of the extension; the lead wires these to the Session.
import { type SafetyTransport } from '../api/safety';
import { type Settings } from '../config/settingsSchema';
import { type AnsweredQuestion } from '../core/factualityInput';

export interface SafetyConnection {
  readonly settings: Settings;
  /** A client for the configured base URL holding the key (`PredictionGuardClient`). */
  readonly client: SafetyTransport;
}

export interface SafetyLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface SafetyDeps {
  /** Settings and a client; undefined when the user gave no key (they were told). */
  connect(): Promise<SafetyConnection | undefined>;
  /** Shows a failure as requests do (403 → Set API Key, 400 → the server's words…). Never given a cancellation. */
  showFailure(error: unknown): void;
  readonly log: SafetyLog;
  /** The last Explain/Ask answer, for “Check Factuality of Last Answer”. */
  lastAnswer(): (AnsweredQuestion & { readonly title: string }) | undefined;
}
