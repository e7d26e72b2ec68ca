import { RegistryRejectedError, RegistryUnavailableError, createLogger, retryAtStart } from '@saga/shared';

const logger = createLogger('test', 'silent');
const quick = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 };

/** A call that fails with each of `failures` in turn, then answers 'registered'. */
function failingFirst(...failures: Error[]) {
  const call = jest.fn(async () => {
    const failure = failures[call.mock.calls.length - 1];
    if (failure) throw failure;
    return 'registered';
  });
  return call;
}

describe('retryAtStart', () => {
  it('When the registry is unavailable at first, Then it backs off and goes on once it answers', async () => {
    const call = failingFirst(new RegistryUnavailableError('502'), new RegistryUnavailableError('502'));

    await expect(retryAtStart('registering', call, logger, quick)).resolves.toBe('registered');
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('When the registry stays unavailable, Then it fails with the last error after the last attempt', async () => {
    const outage = new RegistryUnavailableError('still down');
    const call = failingFirst(outage, outage, outage, outage);

    await expect(retryAtStart('registering', call, logger, quick)).rejects.toBe(outage);
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('When the registry refuses the request, Then it fails at once: retrying cannot help', async () => {
    const refusal = new RegistryRejectedError('bad schema', 422);
    const call = failingFirst(refusal);

    await expect(retryAtStart('registering', call, logger, quick)).rejects.toBe(refusal);
    expect(call).toHaveBeenCalledTimes(1);
  });
});
