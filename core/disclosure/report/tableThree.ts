/**
 * 表三 收到和处理政府信息公开申请情况 of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), counted from
 * the request register: columns by applicant kind, rows by what happened in the year.
 */
import {
  NOT_PROCESSED_REASONS,
  OTHER_HANDLING_REASONS,
  UNAVAILABLE_REASONS,
  WITHHOLDING_GROUNDS,
  type ApplicantKind,
  type NotProcessedReason,
  type OtherHandlingReason,
  type UnavailableReason,
  type Vocabulary,
  type WithholdingGround,
} from '../../model/vocabulary.ts';
import { receivedOn } from '../requests/deadline.ts';
import type { RequestRecord } from '../requests/record.ts';

/** 表三's columns: 自然人, the five kinds of 法人或其他组织, 总计. */
type TableThreeColumn = ApplicantKind | 'total';

/** One row: a count per column. */
export type TableThreeRow = Record<TableThreeColumn, number>;

export interface TableThree {
  year: number;
  /** 一、本年新收政府信息公开申请数量 */
  received: TableThreeRow;
  /** 二、上年结转政府信息公开申请数量 */
  carriedIn: TableThreeRow;
  /** 三、本年度办理结果 */
  outcome: {
    disclosed: TableThreeRow;
    partlyDisclosed: TableThreeRow;
    withheld: Record<WithholdingGround, TableThreeRow>;
    unavailable: Record<UnavailableReason, TableThreeRow>;
    notProcessed: Record<NotProcessedReason, TableThreeRow>;
    otherHandling: Record<OtherHandlingReason, TableThreeRow>;
    /** (七) 总计 */
    total: TableThreeRow;
  };
  /** 四、结转下年度继续办理 */
  carriedOut: TableThreeRow;
}

/**
 * 表三 for `year` from every request of the register. A request counts as received in the year of its
 * receipt (第三十一条), as answered in the year of its answer; one received before the year and not answered
 * before it is 上年结转, one not answered by 31 December is 结转下年度.
 */
export function countTableThree(requests: readonly RequestRecord[], year: number): TableThree {
  const table: TableThree = {
    year,
    received: emptyRow(),
    carriedIn: emptyRow(),
    outcome: {
      disclosed: emptyRow(),
      partlyDisclosed: emptyRow(),
      withheld: rowsOf(WITHHOLDING_GROUNDS),
      unavailable: rowsOf(UNAVAILABLE_REASONS),
      notProcessed: rowsOf(NOT_PROCESSED_REASONS),
      otherHandling: rowsOf(OTHER_HANDLING_REASONS),
      total: emptyRow(),
    },
    carriedOut: emptyRow(),
  };
  for (const request of requests) {
    const received = receivedOn(request) ?? request.submittedOn;
    if (!received || yearOf(received) > year) continue;
    const kind = request.applicantKind;
    if (!kind) throw new Error(`申请 ${request._id} 缺少申请人类别（applicantKind），不能计入表三`);
    const answered = request.answeredOn ? yearOf(request.answeredOn) : undefined;
    if (answered !== undefined && answered < year) continue;
    if (yearOf(received) === year) count(table.received, kind);
    else count(table.carriedIn, kind);
    if (answered === year) {
      count(outcomeRow(table, request), kind);
      count(table.outcome.total, kind);
    } else {
      count(table.carriedOut, kind);
    }
  }
  return table;
}

function emptyRow(): TableThreeRow {
  return { naturalPerson: 0, business: 0, research: 0, publicInterest: 0, legalService: 0, otherOrganisation: 0, total: 0 };
}

function rowsOf<K extends string>(vocabulary: Vocabulary<K>): Record<K, TableThreeRow> {
  return Object.fromEntries(Object.keys(vocabulary).map((key) => [key, emptyRow()])) as Record<K, TableThreeRow>;
}

function count(row: TableThreeRow, kind: ApplicantKind): void {
  row[kind]++;
  row.total++;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The row of 三、办理结果 an answered request is counted in. */
function outcomeRow(table: TableThree, request: RequestRecord): TableThreeRow {
  const { outcome } = table;
  const missing = (field: string) => new Error(`申请 ${request._id} 已答复但缺少${field}，不能计入表三`);
  switch (request.outcome) {
    case 'disclosed':
      return outcome.disclosed;
    case 'partlyDisclosed':
      return outcome.partlyDisclosed;
    case 'withheld':
      if (!request.withholdingGround) throw missing('不予公开的理由（withholdingGround）');
      return outcome.withheld[request.withholdingGround];
    case 'unavailable':
      if (!request.unavailableReason) throw missing('无法提供的情形（unavailableReason）');
      return outcome.unavailable[request.unavailableReason];
    case 'notProcessed':
      if (!request.notProcessedReason) throw missing('不予处理的情形（notProcessedReason）');
      return outcome.notProcessed[request.notProcessedReason];
    case 'otherHandling':
      if (!request.otherHandlingReason) throw missing('其他处理的情形（otherHandlingReason）');
      return outcome.otherHandling[request.otherHandlingReason];
    default:
      throw missing('办理结果（outcome）');
  }
}
