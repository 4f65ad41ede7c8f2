import type { AgencyKind, ReportMeta } from '@nianbao/model';
import { blankReport } from '@nianbao/model/fixtures';
import { type Command, type CommandContext, EXIT, UsageError } from '../command.js';
import { localize } from '../format/lang.js';
import { writeOutput } from '../write-output.js';

/** Years `--year` accepts: the 条例 took effect in 2008; beyond 2100 is a typo. */
export const YEAR_RANGE: { readonly min: number; readonly max: number } = { min: 2008, max: 2100 };

const KINDS: readonly AgencyKind[] = ['government', 'department', 'other'];

/** `--year` as a whole number in `YEAR_RANGE`. @throws UsageError otherwise. */
export function parseYear(value: string): number {
  const year = /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new UsageError({
      zh: `--year 应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的整数年份，实为 "${value}"`,
      en: `--year must be a whole year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, got "${value}"`,
    });
  }
  return year;
}

/** `--kind` as an `AgencyKind`. @throws UsageError otherwise. */
export function parseKind(value: string): AgencyKind {
  const kind = KINDS.find((k) => k === value);
  if (!kind) {
    throw new UsageError({
      zh: `--kind 只能是 ${KINDS.join('、')}，实为 "${value}"`,
      en: `--kind must be one of ${KINDS.join(', ')}, got "${value}"`,
    });
  }
  return kind;
}

/** The meta fields given on the command line, validated; absent ones are left to `blankReport`'s defaults. */
function metaFrom(options: CommandContext['options']): Partial<ReportMeta> {
  const meta: Partial<ReportMeta> = {};
  if (typeof options.agency === 'string') {
    const agency = options.agency.trim();
    if (agency === '') throw new UsageError({ zh: '--agency 不能为空', en: '--agency must not be empty' });
    meta.agency = agency;
  }
  if (typeof options.year === 'string') meta.year = parseYear(options.year);
  if (typeof options.kind === 'string') meta.kind = parseKind(options.kind);
  return meta;
}

/**
 * `nianbao init [--agency NAME] [--year N] [--kind K] [-o FILE] [--force]`: writes a blank report (every
 * statutory cell 0) to fill in. Never overwrites a file unless `--force`.
 */
export const initCommand: Command = {
  name: 'init',
  summary: {
    zh: '生成空白报告（所有表格单元格为 0）',
    en: 'write a blank report (every table cell 0) to fill in',
  },
  usage: 'nianbao init [--agency NAME] [--year N] [--kind government|department|other] [-o FILE] [--force]',
  options: {
    agency: {
      type: 'string',
      valueName: 'NAME',
      description: { zh: '报告机关，如 某某县人民政府', en: 'the reporting body, e.g. 某某县人民政府' },
    },
    year: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: `报告年度（${YEAR_RANGE.min}–${YEAR_RANGE.max}）`,
        en: `the reported year (${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
      },
    },
    kind: {
      type: 'string',
      valueName: 'K',
      description: {
        zh: 'government（人民政府）| department（部门）| other（其他）',
        en: 'government | department | other (university, SOE…)',
      },
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: { zh: '输出文件（默认 report.json）', en: 'file to write (default report.json)' },
    },
    force: {
      type: 'boolean',
      description: { zh: '覆盖已有文件', en: 'overwrite an existing file' },
    },
  },

  async run({ options, io }: CommandContext): Promise<number> {
    const meta = metaFrom(options);
    const file = typeof options.output === 'string' ? options.output : 'report.json';
    const report = blankReport(meta);
    const failure = await writeOutput(
      file,
      io.cwd,
      `${JSON.stringify(report, null, 2)}\n`,
      options.force === true,
    );
    if (failure) {
      io.stderr.write(`nianbao init: ${localize(failure.message, 'both')}\n`);
      return EXIT.usage;
    }
    const wrote = localize({ zh: '已写入', en: 'wrote' }, 'both');
    const next = localize({ zh: '填写后检查', en: 'fill it in, then check it' }, 'both');
    io.stdout.write(
      `${wrote} ${file} — ${report.meta.agency} ${report.meta.year}\n${next}: nianbao validate ${file}\n`,
    );
    return EXIT.ok;
  },
};
