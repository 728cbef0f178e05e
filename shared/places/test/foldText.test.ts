import { describe, expect, it } from 'vitest';
import { foldForSearch, foldVariants, transliterateCyrillic } from '../foldText';

describe('foldForSearch', () => {
  it('lowercases and strips the diacritics of the region', () => {
    expect(foldForSearch('Zvečan')).toBe('zvecan');
    expect(foldForSearch('Leposavić')).toBe('leposavic');
    expect(foldForSearch('ŠTRPCE Žabljak')).toBe('strpce zabljak');
    expect(foldForSearch('Mitrovicë')).toBe('mitrovice');
    expect(foldForSearch('Zveçan')).toBe('zvecan');
    expect(foldForSearch('Timişoara')).toBe('timisoara');
  });

  it('spells đ as dj', () => {
    expect(foldForSearch('Đakovica')).toBe('djakovica');
    expect(foldForSearch('Medveđa')).toBe('medvedja');
  });

  it('transliterates Serbian and Macedonian Cyrillic', () => {
    expect(foldForSearch('Звечан')).toBe('zvecan');
    expect(foldForSearch('Лепосавић')).toBe('leposavic');
    expect(foldForSearch('Бања Лука')).toBe('banja luka');
    expect(foldForSearch('Брчко')).toBe('brcko');
    expect(foldForSearch('Београд')).toBe('beograd');
    expect(foldForSearch('Ђаковица')).toBe('djakovica');
    expect(foldForSearch('Скопје')).toBe('skopje');
  });

  it('turns punctuation into single spaces', () => {
    expect(foldForSearch('  Sarajevo-Romanija ')).toBe('sarajevo romanija');
    expect(foldForSearch('Dubova (Driloni)')).toBe('dubova driloni');
  });
});

describe('foldVariants', () => {
  it('gives the d spelling of đ too', () => {
    expect(foldVariants('Đakovica')).toEqual(['djakovica', 'dakovica']);
    expect(foldVariants('Zvečan')).toEqual(['zvecan']);
  });
});

describe('transliterateCyrillic', () => {
  it('keeps the case and the Latin diacritics', () => {
    expect(transliterateCyrillic('Љубљана Ниш')).toBe('Ljubljana Niš');
  });
});
