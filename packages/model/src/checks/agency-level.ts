/*
 * The administrative level of a reporting body, read from its name. The model knows a body's kind
 * (`meta.kind`: government, department, other) but not its level, so the level comes from the place words of
 * `meta.agency`: the lowest unit named is the body's level (「平罗县头闸镇人民政府」 is a township, 「某市某区
 * 教育局」 a district's department). Only what the name settles is decided: 「某市…」 alone may be a 设区的市 or a
 * county-level city, so it stays unknown; a name with no place word is unknown.
 */

/** A body's level, lowest unit named: `county` is 县/区/旗 level, `township` 乡/镇/街道 level and below. */
export type AgencyLevel = 'province' | 'prefecture' | 'city' | 'county' | 'township';

/**
 * The place words and the level each names, longest first where one contains another (自治区 before 区).
 * `city` is 市, which names a 设区的市 or a 县级市 alike.
 */
export const LEVEL_WORDS: readonly { readonly word: string; readonly level: AgencyLevel }[] = [
  { word: '自治区', level: 'province' },
  { word: '省', level: 'province' },
  { word: '自治州', level: 'prefecture' },
  { word: '地区', level: 'prefecture' },
  { word: '盟', level: 'prefecture' },
  { word: '市', level: 'city' },
  { word: '自治县', level: 'county' },
  { word: '县', level: 'county' },
  { word: '自治旗', level: 'county' },
  { word: '旗', level: 'county' },
  { word: '区', level: 'county' },
  { word: '街道', level: 'township' },
  { word: '苏木', level: 'township' },
  { word: '乡', level: 'township' },
  { word: '镇', level: 'township' },
  { word: '社区', level: 'township' },
];

/** Words holding a place word that name no place (市场监督管理局, 城乡建设, 区域): skipped whole. */
export const NOT_PLACE_WORDS: readonly string[] = [
  '市场',
  '城市',
  '市政',
  '都市',
  '城乡',
  '乡村',
  '乡镇',
  '城镇',
  '区域',
  '县域',
  '旗舰',
];

const ORDER: Readonly<Record<AgencyLevel, number>> = {
  province: 0,
  prefecture: 1,
  city: 2,
  county: 3,
  township: 4,
};

/** The lowest level the name of a body names, or `undefined` when it names none. Linear in the name. */
export function agencyLevel(name: string): AgencyLevel | undefined {
  let lowest: AgencyLevel | undefined;
  let i = 0;
  while (i < name.length) {
    const skip = NOT_PLACE_WORDS.find((word) => name.startsWith(word, i));
    if (skip) {
      i += skip.length;
      continue;
    }
    const unit = LEVEL_WORDS.find(({ word }) => name.startsWith(word, i));
    if (unit) {
      if (lowest === undefined || ORDER[unit.level] > ORDER[lowest]) lowest = unit.level;
      i += unit.word.length;
    } else {
      i += 1;
    }
  }
  return lowest;
}

/**
 * Whether a body of this level cannot make 规章. 立法法 第九十一条、第九十三条: 部门规章 are made by 国务院部门,
 * 地方政府规章 by the 人民政府 of a 省、自治区、直辖市 or a 设区的市、自治州; no body of a county, district or
 * township may make them. Above county level the name does not settle it (a 市 may be county-level; a 省 or
 * 市 department may not make 规章 but a 国务院部门 may), so only county and township levels are decided.
 */
export function cannotMakeRules(level: AgencyLevel | undefined): boolean {
  return level === 'county' || level === 'township';
}
