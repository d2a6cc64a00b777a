// The cancellable progress notification of a command, put up only when the work takes a while
// (see core/delayedProgress.ts).
import * as vscode from 'vscode';
import { withDelayedProgress, type DelayedProgressWork } from '../core/delayedProgress';

export function withNotificationProgress<T>(title: string, work: (progress: DelayedProgressWork) => Promise<T>): Promise<T> {
  return withDelayedProgress((run, until) => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      run({
        report: (message) => progress.report({ message }),
        onCancel: (listener) => {
          const subscription = token.onCancellationRequested(listener);
          return () => subscription.dispose();
        },
      });
      return until;
    });
  }, work);
}
