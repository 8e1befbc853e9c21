// The app's first screen decision: check storage.status, show the recovery screen when the
// database is corrupt, else the workspace. Errors reaching the transport (no token, no server)
// get a full-page Chinese explanation.
import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { StorageStatus } from '@common/contract';
import type { Api } from './api/client';
import { errorMessage } from './api/errors';
import { RecoveryScreen } from './panels/RecoveryScreen';
import { WarnIcon } from './ui/icons';
import { Workspace } from './Workspace';
import type { AppInfo } from './Workspace';

type Boot =
  | { state: 'loading' }
  | { state: 'corrupt'; status: StorageStatus }
  | { state: 'ready'; info: AppInfo }
  | { state: 'failed'; message: string };

/** The whole window. */
export function App({ api }: { api: Api }): JSX.Element {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const status = await api.client.call('storage.status', {});
        if (cancelled) return;
        if (status.state === 'corrupt') {
          setBoot({ state: 'corrupt', status });
          return;
        }
        const info = await api.client.call('app.info', {});
        if (!cancelled) setBoot({ state: 'ready', info });
      } catch (error) {
        if (!cancelled) setBoot({ state: 'failed', message: errorMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  const recheck = useCallback(() => {
    setBoot({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  switch (boot.state) {
    case 'loading':
      return (
        <div className="boot" aria-busy="true">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            文
          </span>
          <p>正在打开文稿…</p>
        </div>
      );
    case 'failed':
      return (
        <div className="boot boot-failed" role="alert">
          <WarnIcon width={32} height={32} className="recovery-icon" />
          <p className="boot-message">{boot.message}</p>
          <button type="button" className="btn btn-primary" onClick={recheck}>
            重试
          </button>
        </div>
      );
    case 'corrupt':
      return <RecoveryScreen status={boot.status} client={api.client} onRecovered={recheck} />;
    case 'ready':
      return <Workspace api={api} info={boot.info} onCorrupt={recheck} />;
  }
}
