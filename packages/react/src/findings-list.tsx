import {
  cellLabel,
  describeCell,
  type Finding,
  RULES,
  type Severity,
  statutoryLayout,
  type TableId,
} from '@nianbao/model';
import type { ReactElement } from 'react';
import { cellDomId } from './findings-index.js';
import { type Locale, localize, SEVERITY_GLYPH, UI } from './messages.js';
import { useScopeClass } from './scope.js';

/** Props of `<FindingsList>`. */
export interface FindingsListProps {
  /** The report's findings (`checkReport`). */
  findings: readonly Finding[];
  /** Prefix of the tables' DOM ids on the page, so each cell link lands on its cell. @default 'nb-' */
  idPrefix?: string;
  /** Language of the interface text and messages. @default 'zh' */
  locale?: Locale;
  /** HTML level of the list's own heading; groups take the next levels. @default 2 */
  headingLevel?: 2 | 3 | 4;
}

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function tableOf(finding: Finding): TableId | undefined {
  for (const address of finding.cells) {
    const table = describeCell(address)?.table;
    if (table) return table;
  }
  const scope = RULES.find((rule) => rule.id === finding.rule)?.scope;
  return scope === 't2' || scope === 't3' || scope === 't4' ? scope : undefined;
}

/** The DOM id of a finding's list item, for links from elsewhere. */
export function findingDomId(idPrefix: string, index: number): string {
  return `${idPrefix}finding-${index}`;
}

/**
 * A report's findings grouped by table (in report order, then everything else) and severity; each names and
 * links to the cells it concerns. Severity is a word and a glyph, never colour alone.
 */
export function FindingsList({
  findings,
  idPrefix = 'nb-',
  locale = 'zh',
  headingLevel = 2,
}: FindingsListProps): ReactElement {
  const scope = useScopeClass();
  const H = `h${headingLevel}` as HeadingTag;
  const H2 = `h${headingLevel + 1}` as HeadingTag;
  const H3 = `h${headingLevel + 2}` as HeadingTag;
  const titleId = `${idPrefix}findings-title`;
  const groups: { key: string; title: string; items: { finding: Finding; index: number }[] }[] = [
    ...TABLES.map((id) => ({ key: id, title: statutoryLayout(id).caption, items: [] })),
    { key: 'other', title: localize(UI.otherFindings, locale), items: [] },
  ];
  findings.forEach((finding, index) => {
    const table = tableOf(finding);
    const group = groups.find((g) => g.key === (table ?? 'other'));
    group?.items.push({ finding, index });
  });
  return (
    <section className={scope ? `${scope} nb-findings` : 'nb-findings'} aria-labelledby={titleId}>
      <H id={titleId}>{localize(UI.findings, locale)}</H>
      {findings.length === 0 && <p>{localize(UI.noFindings, locale)}</p>}
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <section key={group.key} className="nb-findings-group">
            <H2>{group.title}</H2>
            {SEVERITIES.map((severity) => {
              const items = group.items.filter((item) => item.finding.severity === severity);
              if (items.length === 0) return null;
              return (
                <section key={severity} className={`nb-severity nb-severity--${severity}`}>
                  <H3>
                    <span aria-hidden="true">{SEVERITY_GLYPH[severity]} </span>
                    {localize(UI[severity], locale)}（{items.length}）
                  </H3>
                  <ul className="nb-findings-items">
                    {items.map(({ finding, index }) => (
                      <li key={index} id={findingDomId(idPrefix, index)} className="nb-finding">
                        <span className="nb-finding-message">{localize(finding.message, locale)}</span>
                        {finding.status === 'uncertain' && (
                          <span className="nb-uncertain"> （{localize(UI.uncertain, locale)}）</span>
                        )}
                        {finding.cells.length > 0 && (
                          <ul className="nb-finding-cells">
                            {finding.cells.map((address) => {
                              const table = describeCell(address)?.table;
                              const cell = table
                                ? statutoryLayout(table).cellsByAddress.get(address)
                                : undefined;
                              return (
                                <li key={address}>
                                  {cell ? (
                                    <a href={`#${cellDomId(idPrefix, cell.id)}`}>{cellLabel(address)}</a>
                                  ) : (
                                    cellLabel(address)
                                  )}
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        ))}
    </section>
  );
}
