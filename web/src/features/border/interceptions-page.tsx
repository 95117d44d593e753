import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import type { InterceptionView } from '../../../../core/schemas/border.ts';
import { apiHref } from '../../ui/api.ts';
import type { Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { BorderList, BorderNav } from './border-list.tsx';

type Person = InterceptionView['people'][number];

/** Interceptions of illegal entry in the area, newest first (keyset paged, by locality), to Excel. */
export function InterceptionsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const placeName = usePlaceName();
  const { selectedCode } = useLocalities();
  const query = { locality: selectedCode };
  const list = usePagedList(selectedCode ? c.getBorderInterceptions : null, query);
  const who = (p: Person) =>
    p.documentKind === 'none'
      ? `${p.fullName} (${t('border.interceptions.noPapers')}, ~${p.approximateAge ?? '?'} ${t('border.interceptions.years')}, ${p.nationality})`
      : `${p.fullName} (${p.nationality})`;
  const columns: Column<InterceptionView>[] = [
    { key: 'at', header: t('border.crossedAt'), render: (x) => fmt.dateTime(x.interceptedAt) },
    { key: 'commune', header: t('border.field.commune'), render: (x) => placeName(x.communeCode, x.communeCode) },
    {
      key: 'place',
      header: t('border.field.place'),
      render: (x) => (x.markers ? `${x.place} · ${t('border.interceptions.markers')} ${x.markers}` : x.place),
    },
    {
      key: 'where',
      header: t('border.interceptions.where'),
      render: (x) => (x.foundInland ? t('border.interceptions.inland') : t('border.interceptions.atBorder')),
    },
    { key: 'count', header: t('border.interceptions.count'), numeric: true, render: (x) => x.people.length },
    {
      key: 'people',
      header: t('border.interceptions.people'),
      render: (x) => (
        <ul className="plain">
          {x.people.map((p) => (
            <li key={p.personId} data-document-kind={p.documentKind}>
              {who(p)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Page title={t('border.interceptions.title')} intro={t('border.interceptions.intro')}>
      <BorderNav />
      <BorderList
        title={t('border.interceptions.title')}
        list={list}
        columns={columns}
        exportHref={apiHref(c.getBorderInterceptionsExport, { query })}
        testId="border-interceptions"
      />
    </Page>
  );
}
