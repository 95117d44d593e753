import { useEffect, useState } from 'react';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api } from '../../ui/api.ts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/form.tsx';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { useLocation } from '../../ui/router.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { DashboardTab } from '../risk-dashboard/dashboard-tab.tsx';
import { RuleSetsTab } from '../risk-rules/rule-sets-tab.tsx';
import { MapTab } from './map-tab.tsx';
import { provinceOfCode } from './risk-labels.ts';
import { ZonesTab } from './zones-tab.tsx';
import './risk.css';
import { placeName } from '../../../../core/rules/place-names.ts';
import type { PublicLocality } from '../../../../core/schemas/localities.ts';
import { useLang } from '../../ui/format.ts';

const tabs = ['map', 'dashboard', 'zones', 'rules'] as const;

/**
 * The province the page shows: the one of the selected area; with the whole country selected
 * (a system administrator), one picked among the provinces loaded, or VN for the national map
 * (`?province=` preselects it).
 */
function useProvince(): { code: string | null; choose: ((code: string) => void) | null } {
  const { selected, entries } = useLocalities();
  const asked = useLocation().search.get('province');
  const [picked, setPicked] = useState<string | null>(asked && /^(VN|\d{2})$/.test(asked) ? asked : null);
  const own =
    selected && selected.level !== 'country' ? (selected.provinceCode ?? provinceOfCode(selected.code)) : null;
  if (own) return { code: own, choose: null };
  const provinces = entries.filter((e) => e.locality.level === 'province');
  const code =
    picked === 'VN' || (picked && provinces.some((e) => e.locality.code === picked))
      ? picked
      : provinces.length === 1
        ? provinces[0]!.locality.code
        : null;
  return { code, choose: setPicked };
}

/**
 * The province's name. A commune officer's area holds their commune only, so the province comes
 * from the public list of provinces (the code is shown only while it loads or if that fails).
 */
function useProvinceName(code: string | null, known: string | undefined): string | null {
  const lang = useLang();
  const [fetched, setFetched] = useState<{ code: string; place: PublicLocality } | null>(null);
  useEffect(() => {
    if (!code || known || code === 'VN') return;
    let live = true;
    api(localitiesContract.getPublicLocalities, { query: {} })
      .then(({ items }) => {
        const found = items.find((p) => p.code === code);
        if (live && found) setFetched({ code, place: found });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [code, known]);
  if (!code) return null;
  return known ?? (fetched?.code === code ? placeName(fetched.place, lang) : code);
}

function ProvinceChoice({ value, onChange }: { value: string | null; onChange(code: string): void }) {
  const { t } = useTranslation();
  const { entries } = useLocalities();
  const placeLabel = useLocalityLabel();
  const options = entries
    .filter((e) => e.locality.level === 'province' && e.locality.status === 'active')
    .map((e) => ({ value: e.locality.code, label: placeLabel(e.locality) }))
    .concat(
      entries.some((e) => e.locality.level === 'province') ? [{ value: 'VN', label: t('risk.wholeCountry') }] : [],
    );
  return (
    <div className="filters">
      <SelectField
        label={t('risk.province')}
        value={value ?? ''}
        onChange={(v) => v && onChange(v)}
        options={[...(value ? [] : [{ value: '', label: t('risk.chooseProvince') }]), ...options]}
        testId="risk-province"
      />
    </div>
  );
}

/**
 * Risk levels ("Cấp độ dịch"): the level map of a province's communes with decisions, the
 * dashboard, the epidemic zones and the rule sets, one tab each (`?tab=`).
 */
export function RiskPage() {
  const { t } = useTranslation();
  const { byCode } = useLocalities();
  const placeLabel = useLocalityLabel();
  const tab = useUrlTab(tabs);
  const province = useProvince();
  const name =
    useProvinceName(province.code, ((l) => l && placeLabel(l))(byCode.get(province.code ?? ''))) ?? t('common.empty');

  const body = () => {
    if (tab === 'rules') return <RuleSetsTab />;
    if (!province.code) return <p className="muted">{t('risk.noProvince')}</p>;
    // The national view is the map only: dashboards and zones belong to a province.
    if (province.code === 'VN' && tab !== 'map') return <p className="muted">{t('risk.provinceOnly')}</p>;
    if (tab === 'dashboard') return <DashboardTab province={province.code} />;
    if (tab === 'zones') return <ZonesTab key={province.code} province={province.code} />;
    return <MapTab key={province.code} province={province.code} />;
  };

  return (
    <Page title={t('risk.title')} intro={t('risk.intro', { name })}>
      {province.choose && <ProvinceChoice value={province.code} onChange={province.choose} />}
      <UrlTabs
        path="/risk"
        tabs={tabs}
        current={tab}
        ariaLabel={t('risk.tabs')}
        testId="risk-tab"
        label={(k) => t(`risk.tab.${k}`)}
      >
        {body()}
      </UrlTabs>
    </Page>
  );
}
