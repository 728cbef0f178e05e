import type { MenuItem } from '../ui/menuBar';
import type { ZoneController } from './zoneController';

/**
 * The Zones menu: the same commands in the web host's menu bar and (by name, through the
 * `menu.command` event) in the Electron app's native menu.
 */
export const ZONE_COMMANDS: Record<string, (zones: ZoneController) => void> = {
  'zones.drawPolygon': (z) => z.startDrawing('Polygon'),
  'zones.drawRectangle': (z) => z.startDrawing('Rectangle'),
  'zones.drawCircle': (z) => z.startDrawing('Circle'),
  'zones.drawLine': (z) => z.startDrawing('Line'),
  'zones.measure': (z) => z.tools.toggle('measure'),
  'zones.rangeRings': (z) => z.tools.toggle('rings'),
  'zones.bufferPoint': (z) => z.tools.toggle('buffer'),
};

export function zoneMenuItems(zones: () => ZoneController): (MenuItem | 'separator')[] {
  const run = (command: string) => () => ZONE_COMMANDS[command]!(zones());
  return [
    { label: 'Draw Area', run: run('zones.drawPolygon') },
    { label: 'Draw Rectangle', run: run('zones.drawRectangle') },
    { label: 'Draw Circle', run: run('zones.drawCircle') },
    { label: 'Draw Line or Route', run: run('zones.drawLine') },
    'separator',
    { label: 'Measure Distance and Area', shortcut: 'M', run: run('zones.measure') },
    { label: 'Range Rings', run: run('zones.rangeRings') },
    { label: 'Buffer Around a Point…', run: run('zones.bufferPoint') },
    'separator',
    { label: 'Delete Selected Zone', shortcut: 'Del', run: () => void zones().removeSelected(), enabled: () => Boolean(zones().selectedId) },
  ];
}
