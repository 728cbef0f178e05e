import { describe, expect, it } from 'vitest';
import { describeAdmin, NO_COUNTRY_LABEL } from '../describeAdmin';

describe('describeAdmin', () => {
  it('labels a Kosovo municipality with its district', () => {
    expect(describeAdmin({ country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' })).toBe(
      'Kosovo · Mitrovica district · Zvečan',
    );
  });

  it('labels a Serbian district, but not the City of Belgrade, as a district', () => {
    expect(describeAdmin({ country: 'Serbia', admin1: 'Raški', admin2: '' })).toBe('Serbia · Raški district');
    expect(describeAdmin({ country: 'Serbia', admin1: 'Grad Beograd', admin2: '' })).toBe('Serbia · Grad Beograd');
  });

  it('labels Bosnia and Herzegovina by entity and canton or region', () => {
    expect(describeAdmin({ country: 'Bosnia and Herzegovina', admin1: 'Republika Srpska', admin2: 'Banja Luka' })).toBe(
      'Bosnia and Herzegovina · Republika Srpska · Banja Luka',
    );
  });

  it('leaves out empty parts and says when there is no country', () => {
    expect(describeAdmin({ country: 'Croatia', admin1: '', admin2: '' })).toBe('Croatia');
    expect(describeAdmin({ country: '', admin1: '', admin2: '' })).toBe(NO_COUNTRY_LABEL);
  });
});
