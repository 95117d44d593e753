import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsContract } from '../../../../core/contracts/notifications.ts';
import type { NotificationPreferencesView } from '../../../../core/schemas/notifications.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { CheckboxField, FormError, Notice, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';

/**
 * One's notification channels (the inbox is always on; SMS and e-mail with their addresses) and
 * quiet hours in Viet Nam time, during which only urgent messages reach the phone or the mailbox.
 */
export function NotificationSettings() {
  const { t } = useTranslation();
  const [view, setView] = useState<NotificationPreferencesView | null>(null);
  const [sms, setSms] = useState(false);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState(false);
  const [emailAddress, setEmailAddress] = useState('');
  const [ownQuiet, setOwnQuiet] = useState(false);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('06:00');
  const [saved, setSaved] = useState(false);
  const { error, setError, busy, run } = useFormSubmit();

  const show = (v: NotificationPreferencesView) => {
    setView(v);
    setSms(v.sms);
    setPhone(v.phone ?? '');
    setEmail(v.email);
    setEmailAddress(v.emailAddress ?? '');
    setOwnQuiet(!v.quietHoursAreDefault);
    setStart(v.quietHours.start);
    setEnd(v.quietHours.end);
  };
  useEffect(() => {
    api(notificationsContract.getNotificationPreferences).then(show, (e: unknown) => setError(errorMessage(e)));
  }, [setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      show(
        await api(notificationsContract.putNotificationPreferences, {
          body: {
            sms,
            phone: phone.trim() || null,
            email,
            emailAddress: emailAddress.trim() || null,
            quietHours: ownQuiet ? { start, end } : null,
          },
        }),
      );
      setSaved(true);
    });
  };

  return (
    <section className="card narrow" aria-labelledby="notifications-title" data-testid="account-notifications">
      <h2 id="notifications-title">{t('notificationSettings.title')}</h2>
      <p className="muted">{t('notificationSettings.intro')}</p>
      {view && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="notification-settings-form">
          <CheckboxField
            label={view.available.sms ? t('notificationSettings.sms') : t('notificationSettings.smsUnavailable')}
            checked={sms}
            onChange={setSms}
            testId="notify-sms"
          />
          <TextField
            label={t('notificationSettings.phone')}
            type="tel"
            name="phone"
            value={phone}
            onChange={setPhone}
            autoComplete="tel"
            error={detailFor(error, 'phone')}
            testId="notify-phone"
          />
          <CheckboxField
            label={view.available.email ? t('notificationSettings.email') : t('notificationSettings.emailUnavailable')}
            checked={email}
            onChange={setEmail}
            testId="notify-email"
          />
          <TextField
            label={t('notificationSettings.emailAddress')}
            type="email"
            name="emailAddress"
            value={emailAddress}
            onChange={setEmailAddress}
            autoComplete="email"
            error={detailFor(error, 'emailAddress')}
            testId="notify-email-address"
          />
          <CheckboxField
            label={t('notificationSettings.ownQuietHours')}
            checked={ownQuiet}
            onChange={setOwnQuiet}
            testId="notify-own-quiet"
          />
          {ownQuiet ? (
            <div className="form-grid">
              <TextField
                label={t('notificationSettings.quietStart')}
                type="time"
                name="quietStart"
                value={start}
                onChange={setStart}
                testId="notify-quiet-start"
              />
              <TextField
                label={t('notificationSettings.quietEnd')}
                type="time"
                name="quietEnd"
                value={end}
                onChange={setEnd}
                testId="notify-quiet-end"
              />
            </div>
          ) : (
            <p className="muted">{t('notificationSettings.defaultQuiet', view.quietHours)}</p>
          )}
          <FormError error={error} fields={['phone', 'emailAddress']} testId="notify-error" />
          {saved && <Notice>{t('notificationSettings.saved')}</Notice>}
          <button type="submit" className="primary" disabled={busy} data-testid="notify-submit">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </form>
      )}
      {!view && <FormError error={error} />}
    </section>
  );
}
