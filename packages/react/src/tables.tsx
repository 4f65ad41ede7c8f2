import { statutoryLayout, type T2, type T3, type T4 } from '@nianbao/model';
import { type ReactElement, useMemo } from 'react';
import { StatutoryTable, type StatutoryTableProps } from './statutory-table.js';

/** Props shared by the three statutory tables: everything `<StatutoryTable>` takes except layout and values. */
export type TableWrapperProps = Omit<StatutoryTableProps, 'layout' | 'values'>;

/** Props of `<ProactiveDisclosureTable>`. */
export interface ProactiveDisclosureTableProps extends TableWrapperProps {
  /** The report's `t2`. */
  t2: T2;
}

/** Props of `<ApplicationsTable>`. */
export interface ApplicationsTableProps extends TableWrapperProps {
  /** The report's `t3`. */
  t3: T3;
}

/** Props of `<ReviewLitigationTable>`. */
export interface ReviewLitigationTableProps extends TableWrapperProps {
  /** The report's `t4`. */
  t4: T4;
}

/** 表二 主动公开政府信息情况, in the statute's layout and labels. */
export function ProactiveDisclosureTable({ t2, ...rest }: ProactiveDisclosureTableProps): ReactElement {
  const values = useMemo(() => ({ t2 }), [t2]);
  return <StatutoryTable layout={statutoryLayout('t2')} values={values} {...rest} />;
}

/** 表三 收到和处理政府信息公开申请情况, in the statute's layout and labels. */
export function ApplicationsTable({ t3, ...rest }: ApplicationsTableProps): ReactElement {
  const values = useMemo(() => ({ t3 }), [t3]);
  return <StatutoryTable layout={statutoryLayout('t3')} values={values} {...rest} />;
}

/** 表四 政府信息公开行政复议、行政诉讼情况, in the statute's layout and labels. */
export function ReviewLitigationTable({ t4, ...rest }: ReviewLitigationTableProps): ReactElement {
  const values = useMemo(() => ({ t4 }), [t4]);
  return <StatutoryTable layout={statutoryLayout('t4')} values={values} {...rest} />;
}
