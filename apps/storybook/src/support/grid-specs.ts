import {
  type CellAddress,
  type CellValue,
  type ColumnNode,
  layoutTable,
  type RowNode,
  type TableLayout,
  type TableSpec,
} from '@nianbao/model';

/*
 * Non-statutory specs for the generic grid: shapes the statute does not have (or has only once), so designers
 * see how `<StatutoryTable>` draws any header tree. The layout engine places them exactly as it places 表二–表四.
 * Their table id is borrowed (a spec must name one); addresses are the spec's own keys.
 */

const leaves = (prefix: string, labels: readonly string[]): ColumnNode[] =>
  labels.map((label, i) => ({ label, key: `${prefix}${i + 1}` }));

const rowsOf = (prefix: string, labels: readonly string[]): RowNode[] =>
  labels.map((label, i) => ({ label, key: `${prefix}${i + 1}` }));

/** Two header rows: two groups of leaves, flat rows. */
export const TWO_LEVEL: TableSpec = {
  id: 't3',
  part: '三',
  caption: '两级表头',
  blocks: [
    {
      corner: '项目',
      cornerRole: 'header',
      columns: [
        { label: '甲类', key: 'a', children: leaves('a', ['新收', '办结']) },
        { label: '乙类', key: 'b', children: leaves('b', ['新收', '办结', '结转']) },
      ],
      rows: rowsOf('r', ['第一季度', '第二季度', '第三季度', '第四季度']),
    },
  ],
};

/** Three header rows: a group of groups. */
export const THREE_LEVEL: TableSpec = {
  id: 't3',
  part: '三',
  caption: '三级表头',
  blocks: [
    {
      corner: '项目',
      cornerRole: 'header',
      columns: [
        {
          label: '申请方式',
          key: 'm',
          children: [
            { label: '线上', key: 'on', children: leaves('on', ['网站', '邮件']) },
            { label: '线下', key: 'off', children: leaves('off', ['当面', '信函', '传真']) },
          ],
        },
      ],
      rows: rowsOf('r', ['受理', '答复']),
    },
  ],
};

/** An uneven tree: a one-level leaf beside a three-level group (the leaf spans all header rows). */
export const UNEVEN: TableSpec = {
  id: 't3',
  part: '三',
  caption: '不等深表头',
  blocks: [
    {
      corner: '项目',
      cornerRole: 'header',
      columns: [
        { label: '合计', key: 'sum', total: true },
        {
          label: '按来源',
          key: 'src',
          children: [
            { label: '本地', key: 'local' },
            { label: '外地', key: 'away', children: leaves('away', ['省内', '省外']) },
          ],
        },
      ],
      rows: rowsOf('r', ['申请', '复议']),
    },
  ],
};

/** Row groups nested two deep below a top group, as 表三's 三、本年度办理结果 nests （三） under it. */
export const NESTED_ROWS: TableSpec = {
  id: 't3',
  part: '三',
  caption: '两层嵌套行组',
  blocks: [
    {
      corner: '办理情况',
      cornerRole: 'header',
      columns: leaves('c', ['件数', '占比基数']),
      rows: [
        {
          label: '办理结果',
          key: 'g',
          children: [
            { label: '（一）予以公开', key: 'open' },
            {
              label: '（二）不予公开',
              key: 'closed',
              children: rowsOf('closed', ['1.涉密', '2.法律禁止', '3.危及安全']),
            },
            {
              label: '（三）无法提供',
              key: 'none',
              children: rowsOf('none', ['1.不掌握', '2.没有现成信息']),
            },
          ],
        },
        { label: '总计', key: 'total', total: true },
      ],
    },
  ],
};

const MONTHS = [
  '一月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '十一月',
  '十二月',
];

/** A very wide table: 4 groups × 6 leaves = 24 data columns, wider than any screen's table area. */
export const WIDE: TableSpec = {
  id: 't3',
  part: '三',
  caption: '超宽表格（24 个数据列）',
  blocks: [
    {
      corner: '机关',
      cornerRole: 'header',
      columns: ['上半年新收', '上半年办结', '下半年新收', '下半年办结'].map((label, g) => ({
        label,
        key: `g${g + 1}`,
        children: leaves(`g${g + 1}m`, MONTHS.slice((g % 2) * 6, (g % 2) * 6 + 6)),
      })),
      rows: rowsOf('r', ['办公室', '政策法规科', '信息公开科']),
    },
  ],
};

/** Labels long enough to wrap over several lines in both headers and row labels. */
export const LONG_LABELS: TableSpec = {
  id: 't3',
  part: '三',
  caption: '长标签换行',
  blocks: [
    {
      corner: '申请内容涉及的政府信息类别及其对应的办理情况说明',
      cornerRole: 'header',
      columns: [
        { label: '依据《中华人民共和国政府信息公开条例》第三十六条第（一）项予以公开的', key: 'a' },
        { label: '经征求第三方意见后部分公开且已依法告知申请人理由的', key: 'b' },
        { label: '合计', key: 't', total: true },
      ],
      rows: rowsOf('r', [
        '申请公开的信息属于国家秘密、工作秘密或者公开后可能危及国家安全、公共安全、经济安全、社会稳定的',
        '申请公开的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理的',
      ]),
    },
  ],
};

/** Every grid spec, laid out once (a layout must stay the same object across renders). */
export const GRID_LAYOUTS: Readonly<Record<string, TableLayout>> = Object.fromEntries(
  Object.entries({ TWO_LEVEL, THREE_LEVEL, UNEVEN, NESTED_ROWS, WIDE, LONG_LABELS }).map(([name, spec]) => [
    name,
    layoutTable(spec),
  ]),
);

/**
 * Position numbers for a grid: each data cell shows its place in reading order (1, 2, 3…), so a reviewer can
 * follow how the grid reads. These specs have no report data; nothing here pretends to be one.
 */
export function positionValues(layout: TableLayout): (address: CellAddress) => CellValue | undefined {
  const index = new Map(layout.dataCells.map((cell, i) => [cell.address as CellAddress, i + 1]));
  return (address) => index.get(address);
}
