// Renderer entry: picks the transport, mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './App';
import './styles/app.css';
import './styles/page.css';
import './styles/snippets.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={createApi(window)} />
    </StrictMode>,
  );
}
