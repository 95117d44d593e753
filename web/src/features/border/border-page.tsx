import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import { crossingDecisions, type CrossingView } from '../../../../core/schemas/border.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canRecordBorder } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';

type Decision = (typeof crossingDecisions)[number];

/** People recorded at the area's checkpoints, newest first (keyset paged, by locality and decision), to Excel. */
export function BorderPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const placeName = usePlaceName();
  const { role } = useUser();
  const { selectedCode } = useLocalities();
  const [decision, setDecision] = useState<Decision | ''>('');
  const query = { locality: selectedCode, decision: decision || null };
  const list = usePagedList(selectedCode ? c.getBorderCrossings : null, query);
  const columns: Column<CrossingView>[] = [
    { key: 'at', header: t('border.crossedAt'), render: (x) => fmt.dateTime(x.crossedAt) },
    { key: 'post', header: t('border.post'), render: (x) => x.postName },
    { key: 'person', header: t('border.person'), render: (x) => x.fullName },
    { key: 'origin', header: t('border.origin'), render: (x) => x.origin },
    {
      key: 'dest',
      header: t('border.destination'),
      render: (x) => placeName(x.destinationCommuneCode, x.destinationCommuneCode),
    },
    { key: 'test', header: t('border.test'), render: (x) => t(`border.tests.${x.testResult}`) },
    { key: 'decision', header: t('border.decision'), render: (x) => t(`border.decisions.${x.decision}`) },
  ];
  return (
    <Page title={t('border.title')} intro={t('border.intro')}>
      <div className="toolbar">
        {canRecordBorder(role) && (
          <Link to="/border/field" className="button primary" data-testid="border-field-link">
            {t('border.fieldLink')}
          </Link>
        )}
        <Link to="/border/trails" className="button" data-testid="border-trails-link">
          {t('border.trailsLink')}
        </Link>
        <Link to="/border/bulletin" className="button" data-testid="border-bulletin-link">
          {t('border.bulletinLink')}
        </Link>
      </div>
      <h2>{t('border.crossings')}</h2>
      <div className="toolbar">
        <SelectField
          label={t('border.decision')}
          value={decision}
          onChange={(v) => setDecision(v as Decision | '')}
          options={[
            { value: '', label: t('common.all') },
            ...crossingDecisions.map((d) => ({ value: d, label: t(`border.decisions.${d}`) })),
          ]}
        />
        <a className="button" href={apiHref(c.getBorderCrossingsExport, { query })} download>
          {t('common.exportExcel')}
        </a>
      </div>
      <DataTable testId="border-crossings" columns={columns} rows={list.items} rowKey={(x) => x.id} />
      <PagerFooter list={list} />
    </Page>
  );
}
