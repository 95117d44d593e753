import { useTranslation } from 'react-i18next';
import type { SituationFigure } from '../../../../core/schemas/situation.ts';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';

/** One headline figure: its value, the change since yesterday, a link to the list it counts. */
function FigureCard({ figure }: { figure: SituationFigure }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const change = figure.value - figure.yesterday;
  const trend = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return (
    <li className="situation-figure" data-kind={figure.kind}>
      <Link to={figure.link} data-testid={`figure-${figure.kind}`}>
        <span className="situation-value" data-testid={`figure-value-${figure.kind}`}>
          {fmt.number(figure.value)}
        </span>
        <span className="situation-label">{t(`situation.figure.${figure.kind}`)}</span>
        <span className={`situation-change situation-${trend}`} data-testid={`figure-change-${figure.kind}`}>
          {trend === 'same' ? t('situation.same') : t(`situation.${trend}`, { count: fmt.number(Math.abs(change)) })}
        </span>
      </Link>
    </li>
  );
}

/** The area's headline figures (only those the role reads), each a link to its filtered list. */
export function SituationFigures({ figures }: { figures: readonly SituationFigure[] | null }) {
  const { t } = useTranslation();
  return (
    <section
      className="card situation-figures"
      aria-labelledby="situation-figures-title"
      data-testid="situation-figures"
    >
      <h2 id="situation-figures-title">{t('situation.figuresTitle')}</h2>
      {figures === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : figures.length === 0 ? (
        <p className="muted">{t('situation.noFigures')}</p>
      ) : (
        <>
          <ul className="situation-grid">
            {figures.map((f) => (
              <FigureCard key={f.kind} figure={f} />
            ))}
          </ul>
          <p className="muted small">{t('situation.figuresHint')}</p>
        </>
      )}
    </section>
  );
}
