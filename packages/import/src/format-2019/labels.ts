/*
 * What the 2019 format (国办公开办函〔2019〕60号) prints that the 2021 format does not. The 2021 labels come
 * from @nianbao/model; only the older format's differences are listed here.
 */

/** Column headers of the 2019 format's 表二; any of them marks a block as legacy. */
export const LEGACY_T2_MARKERS: readonly string[] = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '采购项目数量',
  '采购总金额',
];

/** The 2019 表二 column that counts documents made this year, like 2021's 本年制发件数. */
export const LEGACY_ISSUED_COLUMN = '本年新制作数量';

/** Rows that exist only in the 2019 format's 表二. */
export const LEGACY_T2_ROWS: readonly string[] = ['其他对外管理服务事项', '政府集中采购'];

/** The column of the 2019 format's 表二 blocks （五）（六） that means the same as 2021's 本年处理决定数量. */
export const LEGACY_DECISIONS_COLUMN = '处理决定数量';
