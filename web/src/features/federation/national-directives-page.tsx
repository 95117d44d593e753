import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { federationContract } from '../../../../core/contracts/federation.ts';
import { federationNationalContract as n } from '../../../../core/contracts/federation-national.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { nationalDirectiveKinds } from '../../../../core/schemas/federation-directives.ts';
import type { NationalStatusView } from '../../../../core/schemas/federation.ts';
import type { RuleSetSummary } from '../../../../core/schemas/risk-admin.ts';
import { api, apiHref } from '../../ui/api.ts';
import {
  CheckboxField,
  FormActions,
  FormError,
  Notice,
  SelectField,
  TextField,
  useFormSubmit,
} from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { todayIso } from '../../ui/text.ts';
import { NationalDirectivesList } from './national-directives-list.tsx';
import { NationalTabs } from './national-tabs.tsx';

type Kind = (typeof nationalDirectiveKinds)[number];

/**
 * The hub's directives to provinces (issue 21): the form that issues a directive, a rule-set version
 * or a disease-profile version (the hub's current one) to every connected province or those
 * ticked, and each one's acknowledgement.
 */
export function NationalDirectivesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('nationalHub.directivesTitle')} intro={t('nationalHub.directivesIntro')}>
      <NationalTabs current="directives" />
      <Notice>{notice}</Notice>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid="national-directive-toggle"
        >
          {open ? t('common.close') : t('nationalHub.issueToggle')}
        </button>
        <a className="button" href={apiHref(n.getFederationDirectivesExport, { query: {} })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(n.getFederationDirectivesExportCsv, { query: {} })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      {open && (
        <IssueForm
          onIssued={(number, count) => {
            setOpen(false);
            setNotice(t('nationalHub.issued', { number, count }));
            setIssued((i) => i + 1);
          }}
        />
      )}
      <NationalDirectivesList side="hub" reloadKey={issued} />
    </Page>
  );
}

function IssueForm({ onIssued }: { onIssued(number: string, count: number): void }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const { error, busy, run } = useFormSubmit();
  const [provinces, setProvinces] = useState<NationalStatusView['provinces']>([]);
  const [ruleSets, setRuleSets] = useState<RuleSetSummary[]>([]);
  const [profiles, setProfiles] = useState<{ code: string; name: { vi: string; en: string }; version: number }[]>([]);
  const [kind, setKind] = useState<Kind>('directive');
  const [numberSymbol, setNumberSymbol] = useState('');
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [issuer, setIssuer] = useState('');
  const [summary, setSummary] = useState('');
  const [ruleSet, setRuleSet] = useState('');
  const [profile, setProfile] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    api(federationContract.getFederationNational).then(
      (s) => setProvinces(s.provinces),
      () => setProvinces([]),
    );
    api(riskAdminContract.getRiskRuleSets).then(
      (r) => setRuleSets(r.items),
      () => setRuleSets([]),
    );
    api(casesContract.getDiseaseProfiles).then(setProfiles, () => setProfiles([]));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const picked = ruleSets.find((r) => `${r.code}@${r.version}` === ruleSet);
    const pickedProfile = profiles.find((p) => `${p.code}@${p.version}` === profile);
    void run(async () => {
      const d = await api(n.postFederationDirectives, {
        body: {
          kind,
          numberSymbol,
          issuedOn,
          issuer,
          summary,
          provinces: chosen.length ? chosen : undefined,
          ruleSet: kind === 'rule_set' && picked ? { code: picked.code, version: picked.version } : null,
          diseaseProfile:
            kind === 'disease_profile' && pickedProfile
              ? { code: pickedProfile.code, version: pickedProfile.version }
              : null,
        },
      });
      onIssued(d.numberSymbol, d.provinces.length);
    });
  };
  return (
    <form onSubmit={submit} className="card" data-testid="national-directive-form">
      <FormError error={error} />
      <SelectField
        label={t('nationalHub.kind')}
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={nationalDirectiveKinds.map((k) => ({ value: k, label: t(`nationalHub.kinds.${k}`) }))}
        testId="national-directive-kind"
      />
      {kind === 'rule_set' && (
        <SelectField
          label={t('nationalHub.ruleSet')}
          value={ruleSet}
          onChange={setRuleSet}
          options={[
            { value: '', label: '—' },
            ...ruleSets.map((r) => ({ value: `${r.code}@${r.version}`, label: `${r.name[lang]} (v${r.version})` })),
          ]}
          testId="national-directive-rule-set"
        />
      )}
      {kind === 'disease_profile' && (
        <SelectField
          label={t('nationalHub.diseaseProfile')}
          value={profile}
          onChange={setProfile}
          options={[
            { value: '', label: '—' },
            ...profiles.map((p) => ({ value: `${p.code}@${p.version}`, label: `${p.name[lang]} (v${p.version})` })),
          ]}
          testId="national-directive-disease-profile"
        />
      )}
      <TextField
        label={t('nationalHub.numberSymbol')}
        value={numberSymbol}
        onChange={setNumberSymbol}
        required
        testId="national-directive-number"
      />
      <TextField label={t('nationalHub.issuedOn')} type="date" value={issuedOn} onChange={setIssuedOn} required />
      <TextField
        label={t('nationalHub.issuer')}
        value={issuer}
        onChange={setIssuer}
        required
        testId="national-directive-issuer"
      />
      <TextField
        label={t('nationalHub.summary')}
        value={summary}
        onChange={setSummary}
        required
        testId="national-directive-summary"
      />
      <fieldset>
        <legend>{t('nationalHub.recipients')}</legend>
        <p className="muted small">{t('nationalHub.allProvinces')}</p>
        {provinces.map((p) => (
          <CheckboxField
            key={p.code}
            label={p.name}
            checked={chosen.includes(p.code)}
            onChange={(on) => setChosen((c) => (on ? [...c, p.code] : c.filter((x) => x !== p.code)))}
            testId={`national-directive-province-${p.code}`}
          />
        ))}
      </fieldset>
      <FormActions busy={busy} label={t('nationalHub.issue')} testId="national-directive-submit" />
    </form>
  );
}
