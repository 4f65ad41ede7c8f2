import {
  type Block,
  type Evaluation,
  evaluateReport,
  type Finding,
  NARRATIVE_HEADINGS,
  type Report,
  type ReportSections,
  reportTitle,
  statutoryLayout,
} from '@nianbao/model';
import { type ReactElement, useMemo } from 'react';
import { findingsOf } from './findings-index.js';
import { FindingsList } from './findings-list.js';
import type { Locale } from './messages.js';
import { Narrative } from './narrative.js';
import { NbScope, useScopeClass } from './scope.js';
import { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable } from './tables.js';

/** Props of `<AnnualReport>`. */
export interface AnnualReportProps {
  /** The report to show (Report JSON v1). */
  report: Report;
  /** Findings to mark in the tables and list; default: the checks that did not pass. */
  findings?: readonly Finding[];
  /** Evaluations for the cross-check footers (with `checks`); computed with `evaluateReport` when absent. */
  evaluations?: readonly Evaluation[];
  /**
   * Review mode: compute the cross-checks (勾稽关系), mark the cells they flag and draw their footer rows under the
   * tables. Off by default: what is published holds the statute's tables only, and the footers are not part of the
   * 30号 format. Given `findings` are marked either way. @default false
   */
  checks?: boolean;
  /** @deprecated Use `checks`; the same switch under its old name. */
  crossChecks?: boolean;
  /** List the findings after part 六. @default true when `findings` is given */
  showFindings?: boolean;
  /** Prefix of every DOM id, to keep several reports on one page apart. @default 'nb-' */
  idPrefix?: string;
  /** Language of the interface text (the report itself is shown as written). @default 'zh' */
  locale?: Locale;
}

function NarrativePart({ part, blocks }: { part: keyof ReportSections; blocks?: Block[] }): ReactElement {
  return (
    <section className={`nb-part nb-part--${part}`}>
      <h2 className="nb-part-heading">{NARRATIVE_HEADINGS[part]}</h2>
      {blocks && <Narrative blocks={blocks} />}
    </section>
  );
}

/**
 * The whole annual report in statutory order: title, preamble, 一、总体情况, the tables under 二/三/四, 五 and 六,
 * and optionally the findings. By default only what the statute prescribes; `checks` adds the cross-check footers
 * for review pages. A report without `sections` (a tables-only
 * draft) shows the tables alone.
 */
export function AnnualReport(props: AnnualReportProps): ReactElement {
  const { report, idPrefix = 'nb-', locale = 'zh' } = props;
  const checks = props.checks ?? props.crossChecks ?? false;
  const evaluations = useMemo(
    () => (checks ? (props.evaluations ?? evaluateReport(report)) : undefined),
    [checks, props.evaluations, report],
  );
  const findings = useMemo(() => findingsOf(props.findings, evaluations), [props.findings, evaluations]);
  const showFindings = props.showFindings ?? props.findings !== undefined;
  const sections = report.sections;
  const common = { findings, evaluations, idPrefix, locale, hideCaption: true } as const;
  const titleId = `${idPrefix}title`;
  const scope = useScopeClass();
  return (
    <article className={scope ? `${scope} nb-document` : 'nb-document'} aria-labelledby={titleId}>
      <NbScope>
        <h1 id={titleId} className="nb-title">
          {reportTitle(report.meta)}
        </h1>
        {report.preamble?.map((text, index) => (
          <p key={index} className="nb-preamble">
            {text}
          </p>
        ))}
        {sections && <NarrativePart part="overview" blocks={sections.overview} />}
        <section className="nb-part nb-part--t2">
          <h2 className="nb-part-heading">{statutoryLayout('t2').caption}</h2>
          <ProactiveDisclosureTable t2={report.t2} {...common} />
        </section>
        <section className="nb-part nb-part--t3">
          <h2 className="nb-part-heading">{statutoryLayout('t3').caption}</h2>
          <ApplicationsTable t3={report.t3} {...common} />
        </section>
        <section className="nb-part nb-part--t4">
          <h2 className="nb-part-heading">{statutoryLayout('t4').caption}</h2>
          <ReviewLitigationTable t4={report.t4} {...common} />
        </section>
        {sections && <NarrativePart part="problems" blocks={sections.problems} />}
        {sections && <NarrativePart part="other" blocks={sections.other} />}
        {showFindings && <FindingsList findings={findings} idPrefix={idPrefix} locale={locale} />}
      </NbScope>
    </article>
  );
}
