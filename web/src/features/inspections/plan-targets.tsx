import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import type { ChecklistKind } from '../../../../core/rules/inspections/checklists.ts';
import {
  targetKinds,
  type ChecklistView,
  type NewTargetRequest,
  type TeamCandidateView,
} from '../../../../core/schemas/inspections.ts';
import type { OrganisationView } from '../../../../core/schemas/organisations.ts';
import { api } from '../../ui/api.ts';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useLang } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';

type Kind = (typeof targetKinds)[number];
/** The checklist a kind of target is usually inspected with (the officer may pick another). */
const defaultChecklist: Record<Kind, ChecklistKind> = {
  locality: 'commune_committee',
  village: 'commune_committee',
  organisation: 'organisation',
  venue: 'market',
  facility: 'quarantine_facility',
  checkpoint: 'border_checkpoint',
  other: 'organisation',
};
export const checklistFor = (kind: Kind) => defaultChecklist[kind];

/** A target being added by hand: its kind, then a lower-level locality, an organisation on file or a named place. */
export function TargetAdder(p: {
  checklists: ChecklistView[];
  scheduledOn: string;
  onAdd(t: NewTargetRequest & { label: string }): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries } = useLocalities();
  const communes = useCommuneOptions();
  const [kind, setKind] = useState<Kind>('organisation');
  const [checklist, setChecklist] = useState<ChecklistKind>('organisation');
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<OrganisationView[]>([]);
  const [organisation, setOrganisation] = useState<OrganisationView | null>(null);
  const term = useDebounced(q);
  const lower = useMemo(
    () => localityOptions(entries, lang, ['district', 'commune']).map((o) => ({ ...o, label: o.label.trim() })),
    [entries, lang],
  );
  useEffect(() => {
    if (kind !== 'organisation' || term.trim().length < 2) return setFound([]);
    let live = true;
    api(organisationsContract.getOrganisations, { query: { q: term.trim(), limit: 10 } }).then(
      (page) => live && setFound(page.items),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [kind, term]);

  const changeKind = (k: Kind) => {
    setKind(k);
    setChecklist(checklistFor(k));
    setOrganisation(null);
  };
  const localityLabel = lower.find((o) => o.value === place)?.label ?? '';
  const ready = kind === 'organisation' ? !!organisation : kind === 'locality' ? !!place : !!place && !!name.trim();
  const add = () => {
    if (!ready) return;
    const base = { kind, checklist, scheduledOn: p.scheduledOn };
    if (kind === 'organisation' && organisation)
      p.onAdd({ ...base, organisationId: organisation.id, label: organisation.name });
    else if (kind === 'locality') p.onAdd({ ...base, localityCode: place, name: localityLabel, label: localityLabel });
    else p.onAdd({ ...base, localityCode: place, name: name.trim(), label: name.trim() });
    setName('');
    setOrganisation(null);
    setQ('');
  };

  return (
    <fieldset className="stack" style={{ minWidth: 0 }} data-testid="target-adder">
      <legend>{t('inspections.planForm.addTarget')}</legend>
      <SelectField
        label={t('inspections.planForm.kind')}
        value={kind}
        onChange={(v) => changeKind(v as Kind)}
        options={targetKinds.map((k) => ({ value: k, label: t(`inspections.planForm.kinds.${k}`) }))}
        testId="target-kind"
      />
      {kind === 'organisation' && (
        <>
          <TextField
            label={t('inspections.planForm.findOrganisation')}
            type="search"
            value={q}
            onChange={setQ}
            testId="target-org-search"
          />
          <ul className="choices" data-testid="target-org-results">
            {found.map((o) => (
              <li key={o.id}>
                <label>
                  <input
                    type="radio"
                    style={{ width: 'auto' }}
                    name="target-org"
                    checked={organisation?.id === o.id}
                    onChange={() => setOrganisation(o)}
                  />{' '}
                  {o.name} · {o.communeName}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {kind === 'locality' && (
        <SelectField
          label={t('inspections.planForm.lowerLocality')}
          value={place}
          onChange={setPlace}
          options={[{ value: '', label: '—' }, ...lower]}
          testId="target-locality"
        />
      )}
      {kind !== 'organisation' && kind !== 'locality' && (
        <>
          <TextField
            label={t('inspections.planForm.targetName')}
            value={name}
            onChange={setName}
            testId="target-name"
          />
          <SelectField
            label={t('inspections.planForm.commune')}
            value={place}
            onChange={setPlace}
            options={[{ value: '', label: '—' }, ...communes]}
            testId="target-commune"
          />
        </>
      )}
      <SelectField
        label={t('inspections.planForm.checklist')}
        value={checklist}
        onChange={(v) => setChecklist(v as ChecklistKind)}
        options={p.checklists.map((cl) => ({ value: cl.code, label: cl.title }))}
        testId="target-checklist"
      />
      <button type="button" className="button" onClick={add} disabled={!ready} data-testid="target-add">
        {t('inspections.planForm.addTarget')}
      </button>
    </fieldset>
  );
}

/** The team: accounts of the unit's area found by name, one of them the leader. */
export function TeamPicker(p: {
  unitId: string;
  team: TeamCandidateView[];
  leaderId: string;
  onTeam(team: TeamCandidateView[]): void;
  onLeader(id: string): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<TeamCandidateView[]>([]);
  const term = useDebounced(q);
  useEffect(() => {
    if (!p.unitId || term.trim().length < 2) return setFound([]);
    let live = true;
    api(c.getInspectionsTeamCandidates, { query: { unit: p.unitId, q: term.trim(), limit: 10 } }).then(
      (page) => live && setFound(page.items),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [p.unitId, term]);
  const add = (u: TeamCandidateView) => {
    if (p.team.some((m) => m.id === u.id)) return;
    p.onTeam([...p.team, u]);
    if (!p.leaderId) p.onLeader(u.id);
  };
  const remove = (id: string) => {
    p.onTeam(p.team.filter((m) => m.id !== id));
    if (p.leaderId === id) p.onLeader('');
  };
  return (
    <fieldset className="stack" style={{ minWidth: 0 }} data-testid="team-picker">
      <legend>{t('inspections.team')}</legend>
      <TextField
        label={t('inspections.planForm.findMember')}
        type="search"
        value={q}
        onChange={setQ}
        testId="team-search"
      />
      <ul className="choices" data-testid="team-results">
        {found.map((u) => (
          <li key={u.id}>
            <button
              type="button"
              className="link-button"
              style={{ whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => add(u)}
              data-testid="team-add"
            >
              + {u.fullName} ({u.username}) · {u.localityName}
            </button>
          </li>
        ))}
      </ul>
      <ul data-testid="team-members">
        {p.team.map((m) => (
          <li key={m.id}>
            <label>
              <input
                type="radio"
                style={{ width: 'auto' }}
                name="team-leader"
                checked={p.leaderId === m.id}
                onChange={() => p.onLeader(m.id)}
                data-testid="team-leader"
              />{' '}
              {m.fullName} {p.leaderId === m.id && `(${t('inspections.leader')})`}
            </label>{' '}
            <button type="button" className="link-button" onClick={() => remove(m.id)}>
              {t('inspections.planForm.remove')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
