import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './citizen.css';
import { App } from './app.tsx';
import { initLang } from './i18n/index.ts';
import { registerServiceWorker } from './sw-register.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from citizen.html');
void initLang().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
registerServiceWorker();

// Check-ins kept on the phone past the retention period are forgotten on every start; a phone that
// never kept one does not download the module (nor idb) for it.
try {
  if (localStorage.getItem('pd.visits')) void import('./visits.ts').then((m) => m.purgeVisits()).catch(() => undefined);
} catch {
  // storage blocked: nothing kept either
}
