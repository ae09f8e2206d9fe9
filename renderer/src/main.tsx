import './csp-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from '../bridge';
import { createReplay } from '../../shared/llm/replay';
import { App } from './app/app';
import { createAppStore } from './store/create-app-store';
import { StoreProvider } from './store/store-context';
import { createWorkerAnalyzer } from './workers/analyze-client';
import { exposeTestHooks } from './test-hooks';
import { applyTheme, loadThemePref } from './lib/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/dashboard.css';
import './styles/replay.css';
import './styles/editor.css';
import './styles/match.css';
import './styles/compare.css';

// Before the first render, so a chosen theme never flashes the OS's first.
applyTheme(loadThemePref());

const worker = createWorkerAnalyzer();
const api = connectApi();
const store = createAppStore({
  api,
  analyzer: worker,
  linter: worker,
  confirm: (message) => window.confirm(message),
  makeReplay: (ia) => (ia.stream ? createReplay(ia) : null),
  frame: (cb) => requestAnimationFrame(() => cb()),
  now: () => performance.now(),
});

// tapedeck:// links from the desktop shell; subscribed before the first render so a link
// that launched the app is not sent before anyone listens.
api.on('openLink', (link) => store.getState().requestLink(link));

exposeTestHooks(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
