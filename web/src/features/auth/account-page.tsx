import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, TwoFactorStatus } from '../../../../core/schemas/auth.ts';
import { accountContract } from '../../../../core/contracts/account.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { FormError, Notice, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { navigate } from '../../ui/router.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { NotificationSettings } from './notification-settings.tsx';
import { useSession } from './session.tsx';
import { RecoveryCodesView, TwoFactorSetup } from './two-factor-setup.tsx';

function TwoFactorSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { refresh } = useSession();
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api(accountContract.getAuth2fa).then(setStatus, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const act = async (question: string, action: () => Promise<void>) => {
    if (!window.confirm(question)) return;
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const regenerate = () =>
    act(t('security.confirmRegenerate'), async () => {
      setCodes((await api(accountContract.postAuth2faRecoveryCodes)).recoveryCodes);
    });
  const disable = () =>
    act(t('security.confirmDisable'), async () => {
      await api(accountContract.deleteAuth2fa);
      setNotice(t('security.disabled'));
      load();
      await refresh();
    });

  return (
    <section className="card" aria-labelledby="two-factor-title" data-testid="account-two-factor">
      <h2 id="two-factor-title">{t('security.twoFactorSection')}</h2>
      <FormError error={error} />
      <Notice>{notice}</Notice>
      {codes && (
        <RecoveryCodesView
          codes={codes}
          onDone={() => {
            setCodes(null);
            load();
          }}
        />
      )}
      {status && !codes && (
        <>
          <p data-testid="two-factor-status">
            {status.enabled
              ? t('security.statusOn', { date: fmt.dateTime(status.enabledAt ?? '') })
              : t('security.statusOff')}{' '}
            {status.required && t('security.requiredNote')}
          </p>
          {status.enabled ? (
            <>
              <p className="muted">{t('security.codesLeft', { count: status.recoveryCodesLeft })}</p>
              <div className="row-actions">
                <button type="button" onClick={() => void regenerate()} data-testid="recovery-regenerate">
                  {t('security.regenerate')}
                </button>
                {!status.required && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => void disable()}
                    data-testid="two-factor-disable"
                  >
                    {t('security.disable')}
                  </button>
                )}
              </div>
            </>
          ) : (
            <>
              <p className="muted">{t('security.enrolIntro')}</p>
              <TwoFactorSetup
                onDone={() => {
                  load();
                  void refresh();
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { logout } = useSession();
  const [items, setItems] = useState<SessionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api(accountContract.getAuthSessions).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  const end = async (s: SessionView) => {
    if (s.current && !window.confirm(t('security.confirmEndCurrent'))) return;
    setError(null);
    try {
      await api(accountContract.deleteAuthSessionsById, { params: { id: s.id } });
      if (s.current) {
        await logout();
        return navigate('/login', { replace: true });
      }
      setNotice(t('security.sessionEnded'));
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const columns: Column<SessionView>[] = [
    {
      key: 'device',
      header: t('security.device'),
      render: (s) => (
        <>
          {s.device} {s.current && <span className="badge badge-ok">{t('security.current')}</span>}
        </>
      ),
    },
    { key: 'ip', header: t('security.ip'), render: (s) => s.ip ?? t('common.empty') },
    { key: 'started', header: t('security.started'), render: (s) => fmt.dateTime(s.createdAt) },
    { key: 'lastSeen', header: t('security.lastSeen'), render: (s) => fmt.dateTime(s.lastSeenAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (s) => (
        <button type="button" onClick={() => void end(s)} data-testid="session-end">
          {t('security.endSession')}
        </button>
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('security.sessionsSection')}</h2>
      <p className="muted">{t('security.sessionsIntro')}</p>
      <FormError error={error} />
      <Notice>{notice}</Notice>
      <DataTable testId="sessions-table" columns={columns} rows={items} rowKey={(s) => s.id} />
    </section>
  );
}

/** /account (Bảo mật tài khoản): password, two-factor sign-in, notification channels, sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('security.title')}>
      <section className="card narrow" aria-labelledby="password-title">
        <h2 id="password-title">{t('security.passwordSection')}</h2>
        <ChangePasswordForm />
      </section>
      <TwoFactorSection />
      <NotificationSettings />
      <SessionsSection />
    </Page>
  );
}
