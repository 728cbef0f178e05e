import 'leaflet/dist/leaflet.css';
import './styles.css';
import './zones.css';
import { connectToHost } from './api/hostClient';
import { Workbench } from './workbench';
import { el } from './ui/dom';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const host = connectToHost();
    const app = await host.api.app.info({});
    await new Workbench(host, app).start(root);
  } catch (err) {
    root.replaceChildren(
      el('div', { class: 'fl-fatal', role: 'alert' },
        el('h1', { text: 'Faultline could not start' }),
        el('p', { text: err instanceof Error ? err.message : String(err) })),
    );
    document.body.dataset.ready = 'error';
  }
}

void boot();
