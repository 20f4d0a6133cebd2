/**
 * 表三 counted from the sample register (content/sample/requests.yaml), against counts made by hand from
 * that file; and 「一 + 二 = (七) + 四」 in every column, for every year.
 */
import { describe, expect, it } from 'vitest';
import { countTableThree, type TableThree, type TableThreeRow } from '../../core/disclosure/report/tableThree.ts';
import { registerOf } from '../../core/disclosure/requests/register.ts';
import { CONTENT_DIR } from '../../scripts/sample/content.ts';
import { disclosureRequests } from '../../scripts/sample/requests.ts';

const register = registerOf(disclosureRequests(CONTENT_DIR));

/** A row from its non-zero cells; the total is their sum. */
function row(cells: Partial<Omit<TableThreeRow, 'total'>>): TableThreeRow {
  const full = { naturalPerson: 0, business: 0, research: 0, publicInterest: 0, legalService: 0, otherOrganisation: 0, ...cells };
  return { ...full, total: Object.values(full).reduce((a, b) => a + b, 0) };
}
const none = row({});

/** The non-empty rows of (三), as `group.row`. */
function outcomeRows(table: TableThree): Record<string, TableThreeRow> {
  const { disclosed, partlyDisclosed, total, ...groups } = table.outcome;
  const rows: Record<string, TableThreeRow> = { disclosed, partlyDisclosed, total };
  for (const [group, byRow] of Object.entries(groups)) for (const [name, r] of Object.entries(byRow)) rows[`${group}.${name}`] = r;
  return Object.fromEntries(Object.entries(rows).filter(([, r]) => r.total > 0));
}

describe('表三 of the sample register', () => {
  it('2025: nine received, eight answered, one carried into 2026', () => {
    const table = countTableThree(register, 2025);
    // 自然人: penalty statistics, 12315 completion, the repeated request, the unclear shop; 商业企业: the case file and the
    // licence file; 科研机构: equipment accidents; 社会公益组织: rider accidents; 其他: advertising monitoring (22 December).
    expect(table.received).toEqual(row({ naturalPerson: 4, business: 2, research: 1, publicInterest: 1, otherOrganisation: 1 }));
    expect(table.carriedIn).toEqual(none);
    expect(outcomeRows(table)).toEqual({
      disclosed: row({ naturalPerson: 2, research: 1 }),
      partlyDisclosed: row({ business: 1 }),
      'withheld.enforcementFiles': row({ business: 1 }),
      'unavailable.notHeld': row({ publicInterest: 1 }),
      'notProcessed.repeated': row({ naturalPerson: 1 }),
      'otherHandling.noCorrection': row({ naturalPerson: 1 }),
      total: row({ naturalPerson: 4, business: 2, research: 1, publicInterest: 1 }),
    });
    expect(table.carriedOut).toEqual(row({ otherOrganisation: 1 }));
  });

  it('2026: nine received and one carried in; five answered, five still open on 31 December', () => {
    const table = countTableThree(register, 2026);
    // 自然人: restaurant licences, elevator 1, pharmacy, school canteens; 商业企业: elevator 2, medical device;
    // 社会公益组织: price complaints; 法律服务机构: elevator 3, trademark pledges.
    expect(table.received).toEqual(row({ naturalPerson: 4, business: 2, publicInterest: 1, legalService: 2 }));
    expect(table.carriedIn).toEqual(row({ otherOrganisation: 1 }));
    expect(outcomeRows(table)).toEqual({
      disclosed: row({ naturalPerson: 2, business: 1, legalService: 1, otherOrganisation: 1 }),
      total: row({ naturalPerson: 2, business: 1, legalService: 1, otherOrganisation: 1 }),
    });
    expect(table.carriedOut).toEqual(row({ naturalPerson: 2, business: 1, publicInterest: 1, legalService: 1 }));
  });

  it('一 + 二 = (七) + 四 in every column, every year', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const table = countTableThree(register, year);
      for (const column of Object.keys(table.received) as (keyof TableThreeRow)[]) {
        expect(table.received[column] + table.carriedIn[column], `${year} ${column}`).toBe(
          table.outcome.total[column] + table.carriedOut[column],
        );
      }
    }
  });

  it('an answered request without its row is refused, naming it', () => {
    const broken = { ...register.find((r) => r.outcome === 'withheld')!, withholdingGround: undefined };
    expect(() => countTableThree([broken], 2025)).toThrow(/request-2025-case-file.*不予公开的理由/);
  });
});
