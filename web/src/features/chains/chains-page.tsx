import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainGraph, ContactView } from '../../../../core/schemas/cases.ts';
import { chainsContract } from '../../../../core/contracts/chains.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { CheckboxField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link, navigate, useLocation } from '../../ui/router.tsx';
import { caseClassifications, caseStatuses } from '../cases/case-labels.ts';
import { ChainCanvas, type ChainCanvasHandle } from './chain-canvas.tsx';
import { buildChainModel, nodeColours } from './chain-model.ts';
import { ChainTable } from './chain-table.tsx';
import { classificationColours, contactColour, statusColours, type ColourBy } from './colours.ts';
import './chains.css';

interface Loaded {
  graph: ChainGraph;
  contacts: ContactView[];
}

/** The legend of the current colouring, plus the contact kind when contacts are drawn. */
function Legend({ by, withContacts }: { by: ColourBy; withContacts: boolean }) {
  const { t } = useTranslation();
  const entries: [string, string][] =
    by === 'status'
      ? caseStatuses.map((s) => [t(`cases.status.${s}`), statusColours[s]])
      : caseClassifications.map((c) => [t(`cases.classification.${c}`), classificationColours[c]]);
  if (withContacts) entries.push([t('chains.contactNode'), contactColour]);
  return (
    <ul className="chain-legend" aria-label={t('chains.legend')} data-testid="chain-legend">
      {entries.map(([label, colour]) => (
        <li key={label}>
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Transmission chains of the selected locality, of a cluster (`?clusterId=`) or of one case
 * (`?caseId=`, with that case's confirmed contacts drawn as small yellow nodes). Graph on a canvas,
 * or the same nodes as a table.
 */
export function ChainsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const { search } = useLocation();
  const caseId = search.get('caseId') ?? undefined;
  const clusterId = search.get('clusterId') ?? undefined;
  const [linkedOnly, setLinkedOnly] = useState(true);
  const [colourBy, setColourBy] = useState<ColourBy>('status');
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<ChainCanvasHandle>(null);
  // A case's or a cluster's chain is wherever it lies; otherwise the picker's locality.
  const locality = caseId || clusterId ? undefined : selected?.code;

  useEffect(() => {
    if (!caseId && !clusterId && !locality) return;
    const ctrl = new AbortController();
    setData(null);
    setError(null);
    const query = { locality, caseId, clusterId, linkedOnly: caseId ? 'false' : String(linkedOnly) };
    const graph = api(chainsContract.getChains, { query, signal: ctrl.signal });
    const contacts = caseId
      ? api(tracingContract.getCasesContacts, {
          params: { id: caseId },
          query: { status: 'confirmed', limit: 500 },
          signal: ctrl.signal,
        }).then((p) => p.items)
      : Promise.resolve([]);
    Promise.all([graph, contacts])
      .then(([g, c]) => setData({ graph: g, contacts: c }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(errorMessage(e));
      });
    return () => ctrl.abort();
  }, [caseId, clusterId, locality, linkedOnly]);

  const model = useMemo(() => (data ? buildChainModel(data.graph, data.contacts) : null), [data]);
  const colours = useMemo(
    () => (data && model ? nodeColours(data.graph, model, colourBy) : []),
    [data, model, colourBy],
  );
  const focus = caseId ? data?.graph.nodes.find((n) => n.id === caseId) : undefined;
  const clusterCode = clusterId ? data?.graph.nodes.find((n) => n.clusterCode)?.clusterCode : undefined;
  const stats = data?.graph.stats;

  return (
    <Page title={t('chains.title')} intro={t('chains.intro')}>
      <p className="page-links">
        {focus && (
          <Link to={`/cases/${encodeURIComponent(focus.id)}`} data-testid="chain-focus-case">
            {t('chains.ofCase', { number: focus.caseNumber })}
          </Link>
        )}
        {clusterCode && <span data-testid="chain-cluster">{t('chains.cluster', { code: clusterCode })}</span>}
        {(caseId || clusterId) && (
          <Link to="/chains" data-testid="chain-all">
            {t('chains.allChains')}
          </Link>
        )}
      </p>
      {stats && model && (
        <dl className="chain-stats" data-testid="chain-stats">
          {(
            [
              ['cases', stats.cases],
              ['links', stats.links],
              ['chains', stats.chainsWithAtLeastTwo],
              ['largest', stats.largestChain],
              ['longest', stats.longestGenerationPath],
              ...(caseId ? [['contacts', model.contactCount] as const] : []),
            ] as const
          ).map(([k, v]) => (
            <div key={k} data-testid={`chain-stat-${k}`}>
              <dt>{t(`chains.stats.${k}`)}</dt>
              <dd>{fmt.number(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="toolbar chain-toolbar">
        <div className="segmented" role="group" aria-label={t('chains.view')}>
          {(['graph', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              data-testid={`chain-view-${v}`}
            >
              {v === 'graph' ? t('chains.viewGraph') : t('chains.viewTable')}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('chains.colourBy')}>
          <span className="muted small">{t('chains.colourBy')}</span>
          {(['status', 'classification'] as const).map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={colourBy === c}
              onClick={() => setColourBy(c)}
              data-testid={`chain-colour-${c}`}
            >
              {c === 'status' ? t('chains.byStatus') : t('chains.byClassification')}
            </button>
          ))}
        </div>
        {view === 'graph' && (
          <div className="segmented">
            <button
              type="button"
              onClick={() => canvas.current?.zoom(1.4)}
              aria-label={t('chains.zoomIn')}
              data-testid="chain-zoom-in"
            >
              +
            </button>
            <button
              type="button"
              onClick={() => canvas.current?.zoom(1 / 1.4)}
              aria-label={t('chains.zoomOut')}
              data-testid="chain-zoom-out"
            >
              −
            </button>
            <button type="button" onClick={() => canvas.current?.fit()} data-testid="chain-fit">
              {t('chains.reset')}
            </button>
          </div>
        )}
        {!caseId && (
          <CheckboxField
            label={t('chains.linkedOnly')}
            checked={linkedOnly}
            onChange={setLinkedOnly}
            testId="chain-linked-only"
          />
        )}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && model && (
        <>
          <Legend by={colourBy} withContacts={model.contactCount > 0} />
          {model.labels.length === 0 ? (
            <p className="muted" data-testid="chain-empty">
              {t('chains.empty')}
            </p>
          ) : view === 'graph' ? (
            <>
              <ChainCanvas
                ref={canvas}
                model={model}
                colours={colours}
                onOpen={(i) => navigate(`/cases/${encodeURIComponent(model.caseIds[i]!)}`)}
              />
              <p className="muted small">{t('chains.hint')}</p>
            </>
          ) : (
            <ChainTable graph={data.graph} model={model} />
          )}
        </>
      )}
    </Page>
  );
}
