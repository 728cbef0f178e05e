import { userInfo } from 'node:os';
import { join } from 'node:path';
import { SettingsSchema, type Settings } from '../../shared/api/contract';
import { readJsonFile, writeJsonFile } from './jsonFile';

function defaultAuthor(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/** User preferences (the name that signs the analyst's work), in the user data folder. */
export class SettingsStore {
  private readonly _file: string;
  private _cached: Settings | null = null;

  constructor(userDataDir: string) {
    this._file = join(userDataDir, 'settings.json');
  }

  get(): Settings {
    this._cached ??= readJsonFile(this._file, SettingsSchema, { author: defaultAuthor() });
    return this._cached;
  }

  update(settings: Settings): Settings {
    writeJsonFile(this._file, settings);
    this._cached = settings;
    return settings;
  }
}
