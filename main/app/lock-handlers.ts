/** The idle lock's channels (lib/ipc/lock-channels.ts), over the backend's AppLock. */
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';
import type { AppLock } from './app-lock.ts';

type LockChannel = Extract<ChannelName, `lock:${string}`>;
type LockHandlers = { [C in LockChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function lockHandlers(lock: AppLock): LockHandlers {
  return {
    'lock:state': async () => lock.state(),
    'lock:now': async () => lock.lock('asked'),
    'lock:unlock': async ({ passphrase }) => lock.unlock(passphrase),
    'lock:configure': async (request) => lock.configure(request),
  };
}
