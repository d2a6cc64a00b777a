// The safety commands' deps from the Session: same key, base URL rules, retries, timeouts, cancel and
// failure messages as every request.
import { type LastAnswer } from '../core/factualityInput';
import { type Session } from '../session/session';
import { type SafetyDeps } from './deps';

export function safetyDepsFromSession(session: Session, lastAnswer: LastAnswer): SafetyDeps {
  return {
    connect: () => session.connect(),
    showFailure: (error) => session.showFailure(session.failureOf(error)),
    log: session.log,
    lastAnswer: () => lastAnswer.get(),
  };
}
