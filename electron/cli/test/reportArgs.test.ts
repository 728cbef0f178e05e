import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { ReportOptionsSchema } from '../../../shared/reports/reportOptions';
import { parseArea, parseEventTypes, parseMinGrading, reportOptionsFromFlags } from '../reportArgs';

const ZONE_ID = '01a21055-d9c4-7440-bf52-3d28f427ac9b';
const findZone = (name: string) => {
  if (name === 'KFOR presence') return ZONE_ID;
  throw new ApiError('invalid', `--area zone: the case has no zone “${name}”`);
};

describe('faultline report options', () => {
  it('reads event types, areas and gradings as analysts write them', () => {
    expect(parseEventTypes('riots, Explosions/Remote violence,strategic developments')).toEqual(['Riots', 'Explosions/Remote violence', 'Strategic developments']);
    expect(parseArea('zone:KFOR presence', findZone)).toEqual({ kind: 'zone', id: ZONE_ID });
    expect(parseArea('entity:rs', findZone)).toEqual({ kind: 'entity', id: 'RS' });
    expect(parseArea('municipality:Zvečan', findZone)).toEqual({ kind: 'admin', iso3: 'XKX', name: 'Zvečan' });
    expect(parseArea('admin:bih:Doboj', findZone)).toEqual({ kind: 'admin', iso3: 'BIH', name: 'Doboj' });
    expect(parseArea('bbox:20.5,42.8,21,43.2', findZone)).toEqual({ kind: 'view', bbox: [20.5, 42.8, 21, 43.2] });
    expect(parseMinGrading('b3')).toEqual({ reliability: 'B', credibility: 3 });
  });

  it('fits the map to a chosen area, and to the incidents otherwise', () => {
    const area = ReportOptionsSchema.parse(reportOptionsFromFlags({ area: 'entity:RS' }, 'Case', findZone));
    expect(area).toMatchObject({ title: 'Case', mapFit: 'area', marking: 'UNCLASSIFIED', pageSize: 'A4', landscape: false, inset: true });
    const plain = ReportOptionsSchema.parse(reportOptionsFromFlags({ page: 'letter', landscape: true, 'no-inset': true }, 'Case', findZone));
    expect(plain).toMatchObject({ mapFit: 'incidents', pageSize: 'Letter', landscape: true, inset: false, area: { kind: 'all' } });
    const view = ReportOptionsSchema.parse(reportOptionsFromFlags({ area: 'bbox:20.5,42.8,21,43.2', fit: 'view' }, 'Case', findZone));
    expect(view.view).toEqual([20.5, 42.8, 21, 43.2]);
  });

  it('refuses what it cannot use, naming the option', () => {
    const bad: [() => unknown, RegExp][] = [
      [() => parseEventTypes('Parades'), /“Parades” is not an event type/],
      [() => parseArea('zone:Nowhere', findZone), /no zone “Nowhere”/],
      [() => parseArea('entity:Kosovo', findZone), /FBiH, RS or BD/],
      [() => parseArea('admin:HRV:Split', findZone), /admin:XKX\|BIH\|SRB/],
      [() => parseArea('bbox:1,2,3', findZone), /bbox:<west>/],
      [() => parseArea('country:Serbia', findZone), /--area must start with/],
      [() => parseMinGrading('Z9'), /--min-grading/],
      [() => reportOptionsFromFlags({ page: 'A3' }, 'Case', findZone), /--page must be A4 or Letter/],
      [() => reportOptionsFromFlags({ fit: 'world' }, 'Case', findZone), /--fit/],
      // No "--view" option exists: the message names the one that gives the view.
      [() => reportOptionsFromFlags({ fit: 'view' }, 'Case', findZone), /^--fit view shows the box of --area bbox:/],
      [() => reportOptionsFromFlags({ fit: 'view', area: 'entity:RS' }, 'Case', findZone), /--area bbox:/],
    ];
    for (const [run, message] of bad) expect(run).toThrow(message);
    const issues = (flags: Parameters<typeof reportOptionsFromFlags>[0]) => ReportOptionsSchema.safeParse(reportOptionsFromFlags(flags, 'Case', findZone)).error?.issues.map((i) => i.message).join('; ');
    expect(issues({ from: '2023-02-30' })).toMatch(/Not a valid date/);
    expect(issues({ from: '2023-06-01', to: '2023-05-01' })).toMatch(/ends before it starts/);
    expect(issues({ marking: 'A\nB' })).toMatch(/single line/);
    expect(issues({ title: ' ' })).toMatch(/needs a title/);
  });
});
