import { migration1Initial } from './1-initial';
import { migration2MergeState } from './2-merge-state';
import { migration3ReferenceOverlays } from './3-reference-overlays';
import type { Migration } from './migration';

/** Every migration, in order. Append new ones; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [migration1Initial, migration2MergeState, migration3ReferenceOverlays];

/** The newest schema this version of Faultline reads and writes. */
export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
