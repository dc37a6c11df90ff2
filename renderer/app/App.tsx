/**
 * The window: a navigation bar and the current screen. Jobs are tracked here so every screen sees them.
 * If the session library could not be opened at this start, only the screen that says so is shown.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, AttuneApi } from '../../lib/ipc/contract.ts';
import type { LockState } from '../../lib/ipc/lock-channels.ts';
import type { StoreStatus } from '../../lib/ipc/store-channels.ts';
import { activeJobCount } from '../state/jobs.ts';
import type { Route } from '../state/navigation.ts';
import { AuditScreen } from '../screens/AuditScreen.tsx';
import { BackupsScreen } from '../screens/BackupsScreen.tsx';
import { ImportScreen } from '../screens/ImportScreen.tsx';
import { LibraryScreen } from '../screens/LibraryScreen.tsx';
import { ProgressScreen } from '../screens/ProgressScreen.tsx';
import { ReviewScreen } from '../screens/ReviewScreen.tsx';
import { RolesScreen } from '../screens/RolesScreen.tsx';
import { SettingsScreen } from '../screens/SettingsScreen.tsx';
import { LockScreen } from '../screens/LockScreen.tsx';
import { StoreDamagedScreen } from '../screens/StoreDamagedScreen.tsx';
import { ApiContext } from './api-context.ts';
import { useJobs } from './use-jobs.ts';

export function App({ api }: { api: AttuneApi }) {
  const [route, navigate] = useState<Route>({ screen: 'library' });
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [store, setStore] = useState<StoreStatus | null>(null);
  const [lock, setLock] = useState<LockState | null>(null);
  const jobs = useJobs(api);
  const active = activeJobCount(jobs);

  useEffect(() => {
    let live = true;
    api.app
      .info()
      .then((value) => live && setInfo(value))
      .catch(() => undefined); // Without it the import screen simply does not warn about models.
    api.store
      .status()
      .then((value) => live && setStore(value))
      // Without an answer, assume the library opened: its own screen then shows any error in words.
      .catch(() => live && setStore({ state: 'open', backupProblem: null }));
    return () => {
      live = false;
    };
  }, [api]);

  // Main locks after the set idle time and says so; the screen follows (and asks main at start).
  useEffect(() => {
    api.lock
      .state()
      .then(setLock)
      .catch(() => undefined);
    return api.lock.onChange(setLock);
  }, [api]);

  // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route, store?.state, lock?.locked]);

  // Locked: nothing else is mounted, so no client data stays on screen; the route is kept for afterwards.
  /** One screen under a bar without navigation: nothing else can be reached from it. */
  const alone = (screen: ReactNode) => (
    <ApiContext value={api}>
      <header className="app-bar">
        <span className="app-name">Attune</span>
      </header>
      <main>{screen}</main>
    </ApiContext>
  );

  if (lock?.locked) return alone(<LockScreen lock={lock} onUnlocked={setLock} />);

  if (store?.state === 'damaged') {
    return alone(
      <StoreDamagedScreen
        message={store.message}
        onOpen={(status) => {
          setStore(status);
          navigate({ screen: 'library' });
        }}
      />,
    );
  }

  const tab = (target: Route, label: string, current: boolean) => (
    <button type="button" className="nav-tab" aria-current={current ? 'page' : undefined} onClick={() => navigate(target)}>
      {label}
    </button>
  );

  return (
    <ApiContext value={api}>
      <header className="app-bar">
        <span className="app-name">Attune</span>
        <nav aria-label="Main">
          {tab({ screen: 'library' }, 'Sessions', route.screen === 'library')}
          {tab({ screen: 'import' }, 'Import a recording', route.screen === 'import')}
          {tab({ screen: 'progress' }, active > 0 ? `Analyses (${active} in progress)` : 'Analyses', route.screen === 'progress')}
          {tab({ screen: 'backups' }, 'Backups', route.screen === 'backups')}
          {tab({ screen: 'audit' }, 'Audit log', route.screen === 'audit')}
          {tab({ screen: 'settings' }, 'Settings', route.screen === 'settings')}
          <button type="button" className="nav-tab" onClick={() => void api.lock.now().then(setLock)}>
            Lock
          </button>
        </nav>
      </header>
      <main>
        {store === null ? (
          <p aria-live="polite">Opening your session library…</p>
        ) : (
          <>
            {route.screen === 'library' && <LibraryScreen jobs={jobs} navigate={navigate} />}
            {route.screen === 'import' && (
              <ImportScreen key={route.sessionId ?? 'new'} sessionId={route.sessionId} modelsReady={info?.modelsReady ?? true} navigate={navigate} />
            )}
            {route.screen === 'progress' && <ProgressScreen jobs={jobs} navigate={navigate} />}
            {route.screen === 'roles' && <RolesScreen key={route.sessionId} sessionId={route.sessionId} navigate={navigate} />}
            {route.screen === 'review' && <ReviewScreen key={route.sessionId} sessionId={route.sessionId} message={route.message ?? null} navigate={navigate} />}
            {route.screen === 'backups' && <BackupsScreen backupProblem={store.backupProblem} navigate={navigate} />}
            {route.screen === 'audit' && <AuditScreen />}
            {route.screen === 'settings' && <SettingsScreen />}
          </>
        )}
      </main>
    </ApiContext>
  );
}
