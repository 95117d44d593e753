import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import type { GoodsView } from '../../../../core/schemas/border.ts';
import { apiHref } from '../../ui/api.ts';
import type { Column } from '../../ui/data-table.tsx';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { BorderList, BorderNav } from './border-list.tsx';

/** Goods vehicles and their drivers at the area's gates, newest first; the expired test certificates apart. */
export function GoodsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selectedCode } = useLocalities();
  const [expired, setExpired] = useState<'' | 'true' | 'false'>('');
  const query = { locality: selectedCode, expired: expired || null };
  const list = usePagedList(selectedCode ? c.getBorderGoods : null, query);
  const columns: Column<GoodsView>[] = [
    { key: 'at', header: t('border.crossedAt'), render: (x) => fmt.dateTime(x.recordedAt) },
    { key: 'post', header: t('border.goods.gate'), render: (x) => x.postName },
    { key: 'plate', header: t('border.goods.plate'), render: (x) => x.plate },
    { key: 'driver', header: t('border.goods.driver'), render: (x) => x.driverName },
    { key: 'cargo', header: t('border.goods.cargo'), render: (x) => x.cargo },
    {
      key: 'direction',
      header: t('border.goods.direction'),
      render: (x) => t(`border.goods.directions.${x.direction}`),
    },
    {
      key: 'test',
      header: t('border.goods.testValidUntil'),
      render: (x) =>
        x.testExpired ? (
          <strong className="field-error" data-testid="goods-expired">
            {t('border.goods.expired')}
          </strong>
        ) : x.testValidUntil ? (
          fmt.dateTime(x.testValidUntil)
        ) : (
          ''
        ),
    },
    { key: 'zone', header: t('border.goods.waitingZone'), render: (x) => x.waitingZone ?? '' },
  ];
  return (
    <Page title={t('border.goods.title')} intro={t('border.goods.intro')}>
      <BorderNav />
      <BorderList
        title={t('border.goods.title')}
        list={list}
        columns={columns}
        exportHref={apiHref(c.getBorderGoodsExport, { query })}
        testId="border-goods"
        filters={
          <SelectField
            label={t('border.goods.testFilter')}
            value={expired}
            onChange={(v) => setExpired(v === 'true' || v === 'false' ? v : '')}
            options={[
              { value: '', label: t('common.all') },
              { value: 'true', label: t('border.goods.expiredOnly') },
              { value: 'false', label: t('border.goods.validOnly') },
            ]}
            testId="goods-expired-filter"
          />
        }
      />
    </Page>
  );
}
