// Shown instead of the workspace when storage.status says the database is corrupt: explains what
// happened, lists backups newest first, and recovers from one or starts an empty database
// (storage.recover keeps the damaged file).
import { useState } from 'react';
import type { JSX } from 'react';
import type { StorageStatus } from '@common/contract';
import type { Client } from '@common/client';
import { errorMessage } from '../api/errors';
import { byteSize, dateTime } from '../lib/format';
import { WarnIcon } from '../ui/icons';
import { ConfirmDialog } from '../ui/Dialog';

/** Props of RecoveryScreen. */
export interface RecoveryScreenProps {
  status: StorageStatus;
  client: Client;
  onRecovered: (status: StorageStatus) => void;
}

/** The full-page recovery screen. */
export function RecoveryScreen({ status, client, onRecovered }: RecoveryScreenProps): JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const backups = [...status.backups].sort((a, b) => b.createdAt - a.createdAt);

  const recover = async (input: { action: 'restore'; backup: string } | { action: 'fresh' }): Promise<void> => {
    setBusy(input.action === 'restore' ? input.backup : 'fresh');
    setError(null);
    try {
      const next = await client.call('storage.recover', input);
      if (next.state === 'ok') onRecovered(next);
      else setError(next.message ?? '恢复后数据库仍不可用，请换一个备份重试。');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="recovery" data-testid="recovery">
      <div className="recovery-card">
        <div className="recovery-head">
          <WarnIcon width={28} height={28} className="recovery-icon" />
          <h1>文稿数据库无法打开</h1>
        </div>
        <p className="recovery-lead">
          启动时检查发现，保存文稿的数据库文件已损坏（可能是写入时断电或磁盘出错）。您可以从最近的自动备份恢复，或者新建一个空数据库。无论选择哪一项，损坏的原文件都会保留在数据文件夹中，不会被删除。
        </p>
        {status.message ? <p className="recovery-detail">详细信息：{status.message}</p> : null}
        <p className="recovery-detail">
          数据文件夹：<code>{status.dataDir}</code>
        </p>
        <h2>自动备份</h2>
        {backups.length === 0 ? (
          <p className="recovery-empty">没有找到备份文件。只能新建一个空数据库；原文件会保留，可交给技术人员尝试修复。</p>
        ) : (
          <ul className="backup-list" aria-label="备份列表">
            {backups.map((backup, index) => (
              <li key={backup.name} className="backup-row">
                <div className="backup-info">
                  <span className="backup-time">
                    {dateTime(backup.createdAt)}
                    {index === 0 ? <span className="badge">最新</span> : null}
                  </span>
                  <span className="backup-meta">
                    {byteSize(backup.bytes)} · {backup.name}
                  </span>
                </div>
                <button type="button" className={index === 0 ? 'btn btn-primary' : 'btn'} disabled={busy !== null} onClick={() => void recover({ action: 'restore', backup: backup.name })}>
                  {busy === backup.name ? '正在恢复…' : '从此备份恢复'}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error ? (
          <p className="recovery-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="recovery-foot">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => setConfirmFresh(true)}>
            {busy === 'fresh' ? '正在新建…' : '新建空数据库（原文件会保留）'}
          </button>
        </div>
      </div>
      {confirmFresh ? (
        <ConfirmDialog
          title="新建空数据库？"
          message={<p>新数据库中没有任何文稿。损坏的原文件会改名保留在数据文件夹中。{backups.length ? '如果想找回文稿，请先尝试从备份恢复。' : ''}</p>}
          confirmLabel="新建空数据库"
          danger
          onCancel={() => setConfirmFresh(false)}
          onConfirm={() => {
            setConfirmFresh(false);
            void recover({ action: 'fresh' });
          }}
        />
      ) : null}
    </main>
  );
}
