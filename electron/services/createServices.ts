import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { CASE_EXTENSION, type CaseInfo } from '../../shared/domain/case';
import { createCase, openCase } from '../store/caseStore';
import type { CaseStore } from '../store/types';
import { appVersion, rendererDir } from '../paths';
import { createChromiumPrinter } from '../reports/chromiumPrinter';
import type { ReportPrinter } from '../reports/reportPrinter';
import { createReportService } from '../reports/reportService';
import { browseFolder } from './fileBrowser';
import { createGeoService } from './geoService';
import { createAnalysisService } from './analysisService';
import type { Services, ServicesOptions } from './host';
import { RecentCases } from './recentCases';
import { SettingsStore } from './settingsStore';
import { writeDemoCase } from '../demo/demoCase';
import { createImportService } from './importService';
import { readCaseRecords } from '../exports/caseRecords';
import { exportTarget } from '../exports/exportService';
import { writeExport } from '../exports/writeExport';
import { recoverCase } from '../imports/recovery';
import { createForeignService } from './foreignService';
import { IdleCheckpoint } from './idleCheckpoint';

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
  let caseId: string | null = null; // kept apart from store.info(), which counts rows
  let printer: ReportPrinter | null = options.reportPrinter ?? null;

  function requireCase(): CaseStore {
    if (!store) throw new ApiError('no_case', 'No case is open. Create one (File ▸ New Case) or open one (File ▸ Open Case).');
    return store;
  }

  /** For every change to the case, or a switch to another: none while an import runs. */
  function requireWritable(): CaseStore {
    if (imports.isBusy()) throw new ApiError('busy', 'An import is running; wait for it to finish or cancel it.');
    return requireCase();
  }

  function whenIdle(): void {
    if (imports.isBusy()) throw new ApiError('busy', 'An import is running; wait for it to finish or cancel it.');
  }

  // While an import runs its own connection holds a transaction; it checkpoints when done.
  const checkpoints = new IdleCheckpoint(
    () => {
      if (!imports.isBusy()) store?.checkpoint('passive');
    },
    options.checkpointDelayMs ?? 1500,
    log,
  );

  function changed(reason: string): void {
    hooks.emit('case.changed', { caseId, reason });
    if (reason !== 'opened') checkpoints.schedule();
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
    caseId = info.id;
    recent.remember(info.path, info.name);
    hooks.onCaseOpened?.({ name: info.name, path: info.path });
    changed('opened');
    return info;
  }

  function withExtension(path: string): string {
    return extname(path).toLowerCase() === CASE_EXTENSION ? path : `${path}${CASE_EXTENSION}`;
  }

  const imports = createImportService({
    userDataDir,
    hooks,
    currentCase: () => store,
    author: () => settings.get().author,
    changed,
    log,
    reopenAfter(change) {
      const current = requireCase();
      const path = current.path;
      current.close();
      store = null;
      try {
        change(path);
      } finally {
        // Whatever happened to the file, open it again: the analyst keeps a case open.
        store = openCase(path);
      }
      return adopt(store);
    },
  });

  const foreign = createForeignService({
    currentCase: () => store,
    author: () => settings.get().author,
    lookup: (lon, lat) => geo.lookup(lon, lat),
    isBusy: () => imports.isBusy(),
    changed,
    snapshotsRoot: imports.snapshotsRoot,
    undo: imports.undo,
  });

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
        whenIdle();
        const target = withExtension(path);
        if (existsSync(target)) throw new ApiError('invalid', `${basename(target)} already exists; choose another name or open it.`);
        if (!existsSync(dirname(target))) throw new ApiError('io', `The folder ${dirname(target)} does not exist.`);
        return adopt(createCase(target, { name, author: settings.get().author }));
      },
      open: ({ path }) => {
        if (store && store.path === path) return store.info();
        whenIdle();
        return adopt(openCase(path));
      },
      openDemo: () => {
        whenIdle();
        return adopt(openCase(ensureDemoCase()));
      },
      recent: () => recent.list(),
      recover: ({ path, newPath }) => {
        whenIdle();
        const target = withExtension(newPath);
        if (existsSync(target)) throw new ApiError('invalid', `${basename(target)} already exists; choose another name.`);
        const result = recoverCase(path, target, settings.get().author);
        return { ...result, info: adopt(openCase(target)) };
      },
      chooseNewPath: async ({ suggestedName }) => ({
        path: hooks.chooseNewPath ? await hooks.chooseNewPath(suggestedName) : null,
      }),
      chooseOpenPath: async () => ({ path: hooks.chooseOpenPath ? await hooks.chooseOpenPath() : null }),
    },
    files: {
      browse: ({ dir, data }) => browseFolder(dir ?? (store ? dirname(store.path) : undefined), data ?? false),
      chooseSavePath: async ({ kind, suggestedName }) => ({
        path: hooks.chooseSavePath ? await hooks.chooseSavePath(kind, suggestedName) : null,
      }),
    },
    exports: {
      write: ({ format, path, overwrite, byteOrderMark }) => {
        const current = requireCase();
        const target = exportTarget(path, format, { overwrite, openCase: current.path });
        return writeExport(readCaseRecords(current), format, target, { byteOrderMark });
      },
    },
    incidents: {
      list: (query) => requireCase().listIncidents(query),
      get: ({ id }) => requireCase().getIncident(id),
      save: (input) => {
        const saved = requireWritable().saveIncident(input, geo.lookup(input.fields.lon, input.fields.lat), settings.get().author);
        changed('incident.saved');
        return saved;
      },
      delete: ({ id }) => {
        const deleted = requireWritable().deleteIncident(id, settings.get().author);
        changed('incident.deleted');
        return deleted;
      },
      restore: ({ id }) => {
        const restored = requireWritable().restoreIncident(id, settings.get().author);
        changed('incident.restored');
        return restored;
      },
    },
    zones: {
      list: ({ bbox }) => requireCase().listZones(bbox ? { bbox } : {}),
      get: ({ id }) => requireCase().getZone(id),
      save: (input) => {
        const saved = requireWritable().saveZone(input, settings.get().author);
        changed('zone.saved');
        return saved;
      },
      delete: ({ id }) => {
        const deleted = requireWritable().deleteZone(id, settings.get().author);
        changed('zone.deleted');
        return deleted;
      },
      restore: ({ id }) => {
        const restored = requireWritable().restoreZone(id, settings.get().author);
        changed('zone.restored');
        return restored;
      },
    },
    reports: createReportService({
      requireCase,
      hooks,
      resourcesDir,
      appVersion: appVersion(),
      log,
      printer: () => (printer ??= createChromiumPrinter({ rendererDir: options.rendererDir ?? rendererDir(), resourcesDir, log: (m) => log(m) })),
    }),
    geo: {
      lookup: ({ lon, lat }) => geo.lookup(lon, lat),
    },
    imports: { ...imports.handlers.imports, ...foreign.imports },
    history: imports.handlers.history,
    overlays: foreign.overlays,
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
      checkpoints.cancel();
      imports.dispose();
      foreign.dispose();
      store?.close();
      store = null;
      caseId = null;
    },
  };
}
