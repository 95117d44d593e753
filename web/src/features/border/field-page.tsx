import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import { KeptNotice, OutboxStatus } from '../../offline/outbox-status.tsx';
import { useKeptData } from '../../offline/kept-data.ts';
import { useFieldWorker } from '../../offline/field-worker.ts';
import { api } from '../../ui/api.ts';
import { Notice, SelectField } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { canIntercept } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { CrossingForm } from './crossing-form.tsx';
import { GoodsForm } from './goods-form.tsx';
import { InterceptionForm } from './interception-form.tsx';
import { BORDER_GROUP } from './border-outbox.ts';
import { ShiftForm } from './shift-form.tsx';
import '../checkins/gate.css';
import './border.css';

type Tab = 'crossing' | 'shift' | 'goods' | 'interception';
const tabLabel = {
  crossing: 'tabCrossing',
  shift: 'tabShift',
  goods: 'tabGoods',
  interception: 'tabInterception',
} as const;

/**
 * A checkpoint on a phone, with or without a signal: the account's posts and the province's
 * quarantine facilities are kept from the last time online; people, shift logs and interceptions go
 * to the outbox with their client keys and reach the server once, whenever the network is there.
 */
export function BorderFieldPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  useFieldWorker();
  const posts = useKeptData('border/posts', () => api(c.getBorderPosts, { query: { limit: 100 } }));
  const facilities = useKeptData('border/facilities', () => api(c.getBorderFacilities, { query: {} }));
  const [postId, setPostId] = useState('');
  const [tab, setTab] = useState<Tab>('crossing');
  const [notice, setNotice] = useState<string | null>(null);
  const list = posts.data?.items ?? [];
  const post = list.find((p) => p.id === postId) ?? list[0];
  // Goods vehicles pass at border gates only.
  const tabs: Tab[] = [
    'crossing',
    'shift',
    ...(post?.kind === 'border_gate' ? (['goods'] as const) : []),
    ...(canIntercept(role) ? (['interception'] as const) : []),
  ];
  const done = (message: string) => {
    setNotice(message);
    window.scrollTo(0, 0);
  };
  return (
    <Page title={t('border.field.title')} intro={t('border.field.intro')}>
      <OutboxStatus group={BORDER_GROUP} />
      <KeptNotice keptAt={posts.keptAt} />
      <Notice>{notice}</Notice>
      {!posts.loading && list.length === 0 && <p>{t('border.field.noPosts')}</p>}
      {post && (
        <>
          <SelectField
            label={t('border.field.choosePost')}
            value={post.id}
            onChange={setPostId}
            options={list.map((p) => ({ value: p.id, label: p.name }))}
            testId="border-post"
          />
          <div className="toolbar" role="tablist">
            {tabs.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'button primary' : 'button'}
                onClick={() => {
                  setNotice(null);
                  setTab(k);
                }}
                data-testid={`border-tab-${k}`}
              >
                {t(`border.field.${tabLabel[k]}`)}
              </button>
            ))}
          </div>
          {tab === 'crossing' && (
            <CrossingForm key={post.id} post={post} facilities={facilities.data ?? []} onDone={done} />
          )}
          {tab === 'shift' && <ShiftForm key={post.id} post={post} onDone={done} />}
          {tab === 'goods' && post.kind === 'border_gate' && <GoodsForm key={post.id} post={post} onDone={done} />}
          {tab === 'interception' && (
            <InterceptionForm key={post.id} post={post} facilities={facilities.data ?? []} onDone={done} />
          )}
        </>
      )}
    </Page>
  );
}
