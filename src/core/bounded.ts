// A wait with an upper bound: an operation that neither resolves nor rejects in time fails with a
// message, instead of leaving the user's command hanging forever.

export class BoundedWaitError extends Error {
  override readonly name = 'BoundedWaitError';
}

export async function bounded<T>(operation: PromiseLike<T>, timeoutMs: number, timeoutMessage: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BoundedWaitError(timeoutMessage)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(operation), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
