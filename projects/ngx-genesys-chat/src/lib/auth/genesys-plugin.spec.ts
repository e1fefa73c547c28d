import type { GenesysWindow } from '../messenger/genesys-global';
import { installGenesysStub } from '../messenger/genesys-global';
import { registerGenesysPlugin } from './genesys-plugin';

describe('registerGenesysPlugin', () => {
  const win = window as GenesysWindow;
  afterEach(() => {
    delete win.Genesys;
    delete win._genesysJs;
  });

  it('queues in the snippet stub before the script loads', () => {
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    const init = jest.fn();
    expect(registerGenesysPlugin(win, 'AuthProvider', init)).toBe(true);
    const [queued] = win.Genesys!.q!;
    expect(Array.from(queued)).toEqual(['registerPlugin', 'AuthProvider', init]);
    expect(init).not.toHaveBeenCalled();
  });

  it('calls the function window.Genesys holds now (the bootstrap replaces the stub)', () => {
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    const real = jest.fn();
    win.Genesys = real as never;
    registerGenesysPlugin(win, 'AuthProvider', () => undefined);
    expect(real).toHaveBeenCalledWith('registerPlugin', 'AuthProvider', expect.any(Function));
  });

  it('returns false when there is no Genesys function', () => {
    expect(registerGenesysPlugin(win, 'AuthProvider', () => undefined)).toBe(false);
  });
});
