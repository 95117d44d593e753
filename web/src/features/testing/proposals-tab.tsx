import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseProposalView } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, type FormFailure } from '../../ui/form.tsx';
import { ApiError } from '../../ui/api.ts';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { navigate } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canDecideProposals } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { casePage } from '../cases/case-labels.ts';

/**
 * Positive RT-PCR results of people who are not cases yet. Accept registers the case and opens it
 * (its page proposes the contacts); Dismiss is for an old infection or a lab error.
 */
export function ProposalsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const list = usePagedList(selected ? testingContract.getTestingCaseProposals : null, {
    locality: selected?.code,
    status: 'open',
  });
  const mayDecide = canDecideProposals(role);

  const decide = async (p: CaseProposalView, decision: 'accept' | 'dismiss') => {
    setBusy(p.id);
    setError(null);
    try {
      const done = await api(
        decision === 'accept'
          ? testingContract.postTestingCaseProposalsAccept
          : testingContract.postTestingCaseProposalsDismiss,
        { params: { id: p.id } },
      );
      if (decision === 'accept' && done.caseId) navigate(`${casePage(done.caseId)}?created=1`);
      else list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<CaseProposalView>[] = [
    {
      key: 'name',
      header: t('testing.person'),
      render: (p) => (
        <span>
          <strong>{p.fullName}</strong> <span className="muted small">· {p.birthYear}</span>
        </span>
      ),
    },
    { key: 'sample', header: t('testing.sampleCode'), render: (p) => <code>{p.sampleCode}</code> },
    { key: 'kind', header: t('testing.kindHeader'), render: (p) => t(`testing.kind.${p.sampleKind}`) },
    { key: 'collected', header: t('testing.collectedAt'), render: (p) => fmt.dateTime(p.collectedAt) },
    {
      key: 'quarantine',
      header: t('testing.inQuarantine'),
      render: (p) => (p.inQuarantine ? t('quarantine.yes') : t('quarantine.no')),
    },
    ...(mayDecide
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (p: CaseProposalView) => (
              <span className="row-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy === p.id}
                  onClick={() => void decide(p, 'accept')}
                  data-testid={`proposal-accept-${p.personId}`}
                >
                  {t('testing.accept')}
                </button>
                <button
                  type="button"
                  disabled={busy === p.id}
                  onClick={() => void decide(p, 'dismiss')}
                  data-testid={`proposal-dismiss-${p.personId}`}
                >
                  {t('testing.dismiss')}
                </button>
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <p className="muted">{t('testing.proposalsIntro')}</p>
      <FormError error={error} />
      <DataTable
        testId="proposals-table"
        columns={columns}
        rows={list.items}
        rowKey={(p) => p.id}
        emptyText={t('testing.noProposals')}
      />
      <PagerFooter list={list} />
    </>
  );
}
