/**
 * The queries of the 政府信息公开 section's registers (site/pages/xxgk/): 机构职能 with the
 * departments that have 职责, 领导信息 and the 主动公开基本目录. These types are public as a whole
 * (no 公开属性): whatever is published of them is shown. The guide and the rules are disclosure
 * documents, read by core/content/queries.ts.
 */
import { z } from 'zod';
import { documentShape, withCrossFieldChecks } from '../model/schemas.ts';
import { defineQuery } from './query.ts';

const documentsOf = <T extends 'orgFunction' | 'leader'>(type: T) =>
  z.array(withCrossFieldChecks(type, z.looseObject(documentShape(type))));

/** The latest 机构职能 first: the site shows the first. */
export const orgFunctionsQuery = defineQuery(
  'orgFunctions',
  `*[_type == "orgFunction"] | order(updatedOn desc, _id asc)`,
  documentsOf('orgFunction'),
);

export const leadersQuery = defineQuery('leaders', `*[_type == "leader"] | order(order asc, _id asc)`, documentsOf('leader'));

/** 内设机构: the departments whose 职责 are filled in, in their order. */
export const internalUnitsQuery = defineQuery(
  'internalUnits',
  `*[_type == "department" && defined(functions)] | order(coalesce(order, 99) asc, code asc) {_id, name, functions}`,
  z.array(z.looseObject({ _id: z.string(), name: z.string(), functions: z.string() })),
);

/** 主动公开基本目录, with the responsible department's name. */
export const disclosureCommitmentsQuery = defineQuery(
  'disclosureCommitments',
  `*[_type == "disclosureCommitment"] | order(order asc, _id asc) {..., "department": department->{_id, name}}`,
  z.array(
    withCrossFieldChecks(
      'disclosureCommitment',
      z.looseObject({
        ...documentShape('disclosureCommitment'),
        department: z.looseObject({ _id: z.string(), name: z.string() }).nullable(),
      }),
    ),
  ),
);
