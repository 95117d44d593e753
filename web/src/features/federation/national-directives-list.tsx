import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { federationNationalContract as n } from '../../../../core/contracts/federation-national.ts';
import type { NationalDirectiveView } from '../../../../core/schemas/federation-directives.ts';
import { can } from '../../../../core/roles.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useUser } from '../auth/session.tsx';

/**
 * National directives as a keyset-paged table: on the hub, each recipient province and when it
 * acknowledged; on a province, its own acknowledgement, with the buttons to acknowledge and to adopt
 * (a rule-set version, for those who administer rule sets; a disease-profile version, for those who
 * edit disease profiles). `province` names the receiving
 * side, where an empty list shows nothing at all (an installation outside a federation has none).
 */
export function NationalDirectivesList(p: { side: 'hub' | 'province'; reloadKey?: number }) {
  const user = useUser();
  // Those the server lets read national directives (federationPolicy.readNationalDirectives); others never ask.
  if (!can(user.role, 'reports.overview') && !can(user.role, 'risk.decide')) return null;
  return <DirectivesTable {...p} />;
}

function DirectivesTable({ side, reloadKey = 0 }: { side: 'hub' | 'province'; reloadKey?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList(n.getFederationDirectives, {});
  // A directive just issued (the hub's form) shows on top: the list starts again when the key changes.
  const reload = useRef(list.reload);
  reload.current = list.reload;
  useEffect(() => {
    if (reloadKey > 0) reload.current();
  }, [reloadKey]);
  const mayAcknowledge = can(user.role, 'risk.decide') || user.role === 'health_department';
  const mayAdopt = can(user.role, 'risk.administer');
  const mayAdoptProfile = can(user.role, 'diseaseProfiles.edit');
  const act = async (run: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await run());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const columns: Column<NationalDirectiveView>[] = [
    { key: 'number', header: t('nationalHub.numberSymbol'), render: (d) => <strong>{d.numberSymbol}</strong> },
    { key: 'issuedOn', header: t('nationalHub.issuedOn'), render: (d) => fmt.date(d.issuedOn) },
    { key: 'issuer', header: t('nationalHub.issuer'), render: (d) => d.issuer },
    {
      key: 'summary',
      header: t('nationalHub.summary'),
      render: (d) => (
        <>
          {d.summary}
          {d.ruleSet && (
            <div className="muted small">
              {t('nationalHub.ruleSetLabel', { name: d.ruleSet.name, version: d.ruleSet.version })}
            </div>
          )}
          {d.diseaseProfile && (
            <div className="muted small">
              {t('nationalHub.diseaseProfileLabel', { name: d.diseaseProfile.name, version: d.diseaseProfile.version })}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'acks',
      header: t('nationalHub.acknowledgements'),
      render: (d) => (
        <ul className="plain">
          {d.provinces.map((p) => (
            <li key={p.code} data-testid={`national-ack-${p.code}`} data-acknowledged={p.acknowledgedAt ? 'yes' : 'no'}>
              {side === 'hub' && `${p.name}: `}
              {p.acknowledgedAt
                ? t('nationalHub.acknowledgedAt', { at: fmt.dateTime(p.acknowledgedAt) })
                : t('nationalHub.notAcknowledged')}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  if (side === 'province') {
    columns.push({
      key: 'actions',
      header: '',
      render: (d) => (
        <div className="toolbar">
          {mayAcknowledge && !d.provinces[0]?.acknowledgedAt && (
            <button
              type="button"
              data-testid="national-acknowledge"
              onClick={() =>
                act(async () => {
                  const next = await api(n.postFederationDirectivesAcknowledgement, { params: { id: d.id } });
                  list.replace((x) => x.id === d.id, next);
                  return t('nationalHub.acknowledged', { number: d.numberSymbol });
                })
              }
            >
              {t('nationalHub.acknowledge')}
            </button>
          )}
          {mayAdopt && d.kind === 'rule_set' && (
            <button
              type="button"
              data-testid="national-adopt"
              onClick={() =>
                act(async () => {
                  const r = await api(n.postFederationDirectivesAdoption, { params: { id: d.id } });
                  return t('nationalHub.adopted', { code: r.code, version: r.version });
                })
              }
            >
              {t('nationalHub.adopt')}
            </button>
          )}
          {mayAdoptProfile && d.kind === 'disease_profile' && (
            <button
              type="button"
              data-testid="national-adopt-profile"
              onClick={() =>
                act(async () => {
                  const r = await api(n.postFederationDirectivesAdoption, { params: { id: d.id } });
                  return t('nationalHub.adoptedProfile', { code: r.code, version: r.version });
                })
              }
            >
              {t('nationalHub.adoptProfile')}
            </button>
          )}
        </div>
      ),
    });
  }
  if (side === 'province' && list.items.length === 0) return null;
  return (
    <section aria-labelledby={`national-directives-${side}`} data-testid={`national-directives-${side}`}>
      <h2 id={`national-directives-${side}`}>
        {side === 'hub' ? t('nationalHub.directivesTitle') : t('nationalHub.inboxTitle')}
      </h2>
      <Notice>{notice}</Notice>
      {error && <p role="alert">{error}</p>}
      {side === 'hub' && list.items.length === 0 && <p className="muted">{t('nationalHub.none')}</p>}
      <DataTable testId="national-directives-table" columns={columns} rows={list.items} rowKey={(d) => d.id} />
      <PagerFooter list={list} />
    </section>
  );
}
