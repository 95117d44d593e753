import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenFromScan } from './qr-detector.ts';

/**
 * A typed or pasted personal code: the fallback when there is no camera. Cleared once `onCheck`
 * says the code was checked (false while another scan is being sent, or when it failed).
 */
export function GateManualForm(p: { busy: boolean; onCheck(token: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [manual, setManual] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const token = tokenFromScan(manual);
    if (!token) return;
    if (await p.onCheck(token)) setManual('');
  };
  return (
    <form className="gate-manual" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="gate-manual-input">{t('gate.manualLabel')}</label>
      <div className="gate-manual-row">
        <input
          id="gate-manual-input"
          type="text"
          value={manual}
          onChange={(e) => setManual(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="P1.…"
          maxLength={2000}
          data-testid="gate-manual-input"
        />
        <button type="submit" className="primary" disabled={p.busy || !manual.trim()} data-testid="gate-manual-submit">
          {t('gate.manualSubmit')}
        </button>
      </div>
      <small className="field-hint">{t('gate.manualHint')}</small>
    </form>
  );
}
