import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { CASE_EXTENSION, type CaseInfo } from '../../shared/domain/case';
import { createCase, openCase } from '../store/caseStore';
import type { CaseStore } from '../store/types';
import { appVersion } from '../paths';
import { browseFolder } from './fileBrowser';
import { createGeoService } from './geoService';
import { createAnalysisService } from './analysisService';
import type { Services, ServicesOptions } from './host';
import { RecentCases } from './recentCases';
import { SettingsStore } from './settingsStore';
import { writeDemoCase } from '../demo/demoCase';

export const DEMO_CASE_FILE = `Faultline demo case${CASE_EXTENSION}`;

/**
 * The services behind the API contract, shared by every host. Holds the one open case and
 * the user's settings; each handler receives arguments already validated by `dispatch`.
 */
export function createServices(options: ServicesOptions): Services {
  const { userDataDir, resourcesDir, hooks } = options;
  const log = options.log ?? ((message: string, err?: unknown) => console.error(message, err ?? ''));
  mkdirSync(userDataDir, { recursive: true });
  const settings = new SettingsStore(userDataDir);
  const recent = new RecentCases(userDataDir);
  const geo = createGeoService(resourcesDir);
  const analysis = createAnalysisService(() => geo.basemap());
  let store: CaseStore | null = null;

  function requireCase(): CaseStore {
    if (!store) throw new ApiError('no_case', 'No case is open. Create one (File ▸ New Case) or open one (File ▸ Open Case).');
    return store;
  }

  function changed(reason: string): void {
    hooks.emit('case.changed', { caseId: store ? store.info().id : null, reason });
  }

  /** Swaps the open case; the previous one is closed only once the new one opened fine. */
  function adopt(next: CaseStore): CaseInfo {
    const previous = store;
    store = next;
    if (previous && previous !== next) {
      try {
        previous.close();
      } catch (err) {
        log('Closing the previous case failed', err);
      }
    }
    const info = next.info();
    recent.remember(info.path, info.name);
    hooks.onCaseOpened?.({ name: info.name, path: info.path });
    changed('opened');
    return info;
  }

  function withExtension(path: string): string {
    return extname(path).toLowerCase() === CASE_EXTENSION ? path : `${path}${CASE_EXTENSION}`;
  }

  function ensureDemoCase(): string {
    const path = join(userDataDir, DEMO_CASE_FILE);
    if (!existsSync(path)) writeDemoCase(path, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
    return path;
  }

  const handlers: ApiHandlers = {
    app: {
      info: () => ({
        version: appVersion(),
        host: hooks.kind,
        nativeDialogs: Boolean(hooks.chooseOpenPath && hooks.chooseNewPath),
        platform: process.platform,
      }),
    },
    settings: {
      get: () => settings.get(),
      update: (next) => settings.update(next),
    },
    case: {
      current: () => (store ? store.info() : null),
      create: ({ path, name }) => {
        const target = withExtension(path);
        if (existsSync(target)) throw new ApiError('invalid', `${basename(target)} already exists; choose another name or open it.`);
        if (!existsSync(dirname(target))) throw new ApiError('io', `The folder ${dirname(target)} does not exist.`);
        return adopt(createCase(target, { name, author: settings.get().author }));
      },
      open: ({ path }) => {
        if (store && store.path === path) return store.info();
        return adopt(openCase(path));
      },
      openDemo: () => adopt(openCase(ensureDemoCase())),
      recent: () => recent.list(),
      chooseNewPath: async ({ suggestedName }) => ({
        path: hooks.chooseNewPath ? await hooks.chooseNewPath(suggestedName) : null,
      }),
      chooseOpenPath: async () => ({ path: hooks.chooseOpenPath ? await hooks.chooseOpenPath() : null }),
    },
    files: {
      browse: ({ dir }) => browseFolder(dir ?? (store ? dirname(store.path) : undefined)),
    },
    incidents: {
      list: (query) => requireCase().listIncidents(query),
      get: ({ id }) => requireCase().getIncident(id),
      save: (input) => {
        const saved = requireCase().saveIncident(input, geo.lookup(input.fields.lon, input.fields.lat), settings.get().author);
        changed('incident.saved');
        return saved;
      },
      delete: ({ id }) => {
        const deleted = requireCase().deleteIncident(id, settings.get().author);
        changed('incident.deleted');
        return deleted;
      },
      restore: ({ id }) => {
        const restored = requireCase().restoreIncident(id, settings.get().author);
        changed('incident.restored');
        return restored;
      },
    },
    zones: {
      list: ({ bbox }) => requireCase().listZones(bbox ? { bbox } : {}),
      get: ({ id }) => requireCase().getZone(id),
      save: (input) => {
        const saved = requireCase().saveZone(input, settings.get().author);
        changed('zone.saved');
        return saved;
      },
      delete: ({ id }) => {
        const deleted = requireCase().deleteZone(id, settings.get().author);
        changed('zone.deleted');
        return deleted;
      },
      restore: ({ id }) => {
        const restored = requireCase().restoreZone(id, settings.get().author);
        changed('zone.restored');
        return restored;
      },
    },
    geo: {
      lookup: ({ lon, lat }) => geo.lookup(lon, lat),
    },
    analysis: {
      zone: ({ geometry }) => analysis.zone(requireCase(), geometry),
      point: ({ lon, lat }) => analysis.point(requireCase(), lon, lat),
    },
  };

  return {
    handlers,
    async openInitialCase(path?: string) {
      const candidates = path ? [path] : recent.list().filter((r) => r.exists).map((r) => r.path);
      for (const candidate of candidates) {
        try {
          adopt(openCase(candidate));
          return;
        } catch (err) {
          if (path) throw err; // the user asked for this file: say why it cannot open
          log(`Could not reopen ${candidate}; trying the next one`, err);
        }
      }
      adopt(openCase(ensureDemoCase()));
    },
    recentCases: () => recent.list().filter((r) => r.exists).map(({ path: p, name }) => ({ path: p, name })),
    dispose() {
      store?.close();
      store = null;
    },
  };
}
