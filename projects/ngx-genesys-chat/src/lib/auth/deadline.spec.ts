import { GenesysChatError } from '../errors/genesys-chat-error';
import { withDeadline } from './deadline';

const late = () => new GenesysChatError('COMMAND_TIMEOUT', 'late');

describe('withDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('settles like the promise when it is in time', async () => {
    await expect(withDeadline(Promise.resolve(1), 100, late)).resolves.toBe(1);
    await expect(withDeadline(Promise.reject(new Error('no')), 100, late)).rejects.toThrow('no');
  });

  it('rejects with the timeout error after ms, and a later rejection is not unhandled', async () => {
    jest.useFakeTimers();
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    let fail!: (reason: unknown) => void;
    const result = withDeadline(new Promise((_, reject) => (fail = reject)), 100, late);
    jest.advanceTimersByTime(100);
    await expect(result).rejects.toMatchObject({ code: 'COMMAND_TIMEOUT' });
    fail(new Error('after the deadline'));
    jest.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('clears its timer when the promise settles first', async () => {
    jest.useFakeTimers();
    await withDeadline(Promise.resolve('ok'), 100, late);
    expect(jest.getTimerCount()).toBe(0);
  });
});
