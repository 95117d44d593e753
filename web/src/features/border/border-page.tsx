import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import { crossingDecisions, type CrossingView } from '../../../../core/schemas/border.ts';
import { apiHref } from '../../ui/api.ts';
import type { Column } from '../../ui/data-table.tsx';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { BorderList, BorderNav } from './border-list.tsx';

type Decision = (typeof crossingDecisions)[number];

/** People recorded at the area's checkpoints, newest first (keyset paged, by locality and decision), to Excel. */
export function BorderPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const placeName = usePlaceName();
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
      <BorderNav />
      <BorderList
        title={t('border.crossings')}
        list={list}
        columns={columns}
        exportHref={apiHref(c.getBorderCrossingsExport, { query })}
        testId="border-crossings"
        filters={
          <SelectField
            label={t('border.decision')}
            value={decision}
            onChange={(v) => setDecision(v as Decision | '')}
            options={[
              { value: '', label: t('common.all') },
              ...crossingDecisions.map((d) => ({ value: d, label: t(`border.decisions.${d}`) })),
            ]}
          />
        }
      />
    </Page>
  );
}
