/**
 * Text folding for place search: "Zvečan", "zvecan", "ZVEČAN" and "Звечан" all fold to
 * "zvecan". Lowercases, transliterates Cyrillic (Serbian, Macedonian, Bulgarian) to Latin,
 * strips diacritics, turns punctuation into single spaces.
 */

/** Serbian and Macedonian Cyrillic → Serbian/Macedonian Latin; Bulgarian letters as BGN/PCGN. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', ѓ: 'gj', е: 'e', ж: 'ž', з: 'z', ѕ: 'dz',
  и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', ќ: 'kj', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
  й: 'y', щ: 'sht', ъ: 'a', ь: '', ю: 'yu', я: 'ya', ы: 'y', э: 'e', ё: 'e',
};

/** Latin letters that Unicode decomposition does not reduce to a base letter. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  đ: 'dj', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th',
};

const CYRILLIC_RE = /[\u0400-\u04ff]/g;
const SPECIAL_RE = /[đðłøæœßıþ]/g;

export function transliterateCyrillic(text: string): string {
  return text.replace(CYRILLIC_RE, (ch) => {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) return ch;
    return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
}

/**
 * Folds text for comparison. "đ" becomes "dj" (Đakovica → djakovica); use `foldVariants`
 * to also get the "d" spelling that people type without the diacritic.
 *
 * @example
 * foldForSearch('Kosovska Mitrovicë'); // 'kosovska mitrovice'
 * foldForSearch('Бања Лука'); // 'banja luka'
 */
export function foldForSearch(text: string): string {
  return transliterateCyrillic(text.toLowerCase())
    .replace(SPECIAL_RE, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded forms of a name: with "đ" as "dj" and, when there is one, as "d". */
export function foldVariants(text: string): string[] {
  const folded = foldForSearch(text);
  const lower = transliterateCyrillic(text.toLowerCase());
  if (!lower.includes('đ')) return [folded];
  const withD = foldForSearch(lower.replace(/đ/g, 'd'));
  return withD === folded ? [folded] : [folded, withD];
}
