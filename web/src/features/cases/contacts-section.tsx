import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, ContactStatus, ContactView } from '../../../../core/schemas/cases.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { ApiError, api, apiHref } from '../../ui/api.ts';
import { PagerFooter } from '../../ui/data-table.tsx';
import { FormError, Notice, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { ContactStatusFilter } from './contact-status-filter.tsx';
import { ContactCard } from './contact-card.tsx';
import { ContactDeclareForm } from './contact-declare-form.tsx';

/** F1 and F2 tabs (deeper levels, when a profile traces them, under "all"). */
const levelTabs = [1, 2, 0] as const;
type LevelTab = (typeof levelTabs)[number];

/**
 * The contacts of a case: ranked proposals first (the server's order), tabs per level, a status
 * filter, decisions in place, a declared contact, re-running tracing and the Excel export.
 * `onChanged` lets the page refresh the case's counts after a decision.
 */
export function ContactsSection(p: { theCase: CaseView; mayDecide: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [level, setLevel] = useState<LevelTab>(1);
  const [status, setStatus] = useState<ContactStatus | ''>('');
  const [declaring, setDeclaring] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const id = p.theCase.id;

  const query = { level: level || undefined, status: status || undefined };
  const list = usePagedList(tracingContract.getCasesContacts, query, { params: { id } });

  const decided = (c: ContactView) => {
    list.replace((x) => x.id === c.id, c);
    setNotice(
      c.status === 'confirmed'
        ? t('contacts.confirmedDone', { name: c.fullName, level: c.level })
        : t('contacts.rejectedDone', { name: c.fullName }),
    );
    p.onChanged();
  };

  const rerun = async () => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const r = await api(tracingContract.postCasesTracing, { params: { id } });
      setNotice(
        t('contacts.rerunDone', {
          proposed: r.proposed,
          updated: r.updated,
          from: fmt.dateTime(r.window.from),
          to: fmt.dateTime(r.window.to),
        }),
      );
      list.reload();
      p.onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const counts = p.theCase.contacts;
  const tabLabel = (l: LevelTab) => (l === 0 ? t('contacts.allLevels') : t('contacts.level', { level: l }));

  return (
    <section className="contacts-section" aria-labelledby="contacts-title" data-testid="contacts-section">
      <h2 id="contacts-title">
        {t('contacts.title')}{' '}
        <span className="muted small" data-testid="contact-counts">
          {t('contacts.status.proposed')} {counts.proposed} · {t('contacts.status.confirmed')} {counts.confirmed} ·{' '}
          {t('contacts.status.rejected')} {counts.rejected}
        </span>
      </h2>
      <p className="muted">{t('contacts.intro')}</p>
      <Notice>{notice}</Notice>
      <FormError error={error} />
      <div className="toolbar">
        {p.mayDecide && (
          <>
            <button type="button" onClick={() => void rerun()} disabled={busy} data-testid="tracing-rerun">
              {busy ? t('common.loading') : t('contacts.rerun')}
            </button>
            <button
              type="button"
              aria-expanded={declaring}
              onClick={() => setDeclaring((d) => !d)}
              data-testid="contact-declare-toggle"
            >
              {declaring ? t('common.close') : t('contacts.declareTitle')}
            </button>
          </>
        )}
        <a
          className="button"
          href={apiHref(tracingContract.getCasesContactsExport, { params: { id }, query })}
          download
          data-testid="contacts-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(tracingContract.getCasesContactsExportCsv, { params: { id }, query })}
          download
          data-testid="contacts-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {declaring && (
        <ContactDeclareForm
          caseId={id}
          onCancel={() => setDeclaring(false)}
          onDeclared={(c) => {
            setDeclaring(false);
            setNotice(t('contacts.declaredDone', { name: c.fullName }));
            list.reload();
            p.onChanged();
          }}
        />
      )}
      <div className="tabs" role="tablist" aria-label={t('contacts.title')}>
        {levelTabs.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={level === l}
            className={level === l ? 'tab active' : 'tab'}
            onClick={() => setLevel(l)}
            data-testid={`contacts-tab-${l || 'all'}`}
          >
            {tabLabel(l)}
          </button>
        ))}
      </div>
      <ContactStatusFilter value={status} onChange={setStatus} testId="contacts-filter-status" />
      <ul className="contact-list" data-testid="contact-list">
        {list.items.length === 0 && !list.loading && <li className="muted">{t('contacts.none')}</li>}
        {list.items.map((c) => (
          <ContactCard key={c.id} contact={c} mayDecide={p.mayDecide} onDecided={decided} />
        ))}
      </ul>
      <PagerFooter list={list} />
    </section>
  );
}
