/**
 * Enterprise names and 统一社会信用代码 for inspection notices, from a seeded combination of
 * place + 字号 + industry + organisational form (content/sample/inspections/enterprises.yaml).
 * Codes follow GB 32100-2015: 9 (registered by market regulation) + 1 (enterprise) or 2 (个体工商户)
 * + the administrative division + a 9-character organisation code (its own GB 11714 check
 * character) + the check character.
 */
import { z } from 'zod';
import { withCheckCharacter } from '../../core/model/creditCode.ts';
import { readContentFile } from './content.ts';
import { pick, weighted, type Random } from './random.ts';

const names = z.array(z.string().min(1)).min(1);

const enterprisesSchema = z
  .strictObject({
    places: z.record(
      z.string(),
      z.strictObject({
        /** As written in an individual business's name: 株洲市芦淞区, 醴陵市. */
        fullName: z.string().min(2),
        /** Prefix of a company name registered there: 株洲 for the city districts, the county's own name otherwise. */
        companyPrefix: z.string().min(2),
        /** GB/T 2260 administrative division code. */
        division: z.string().regex(/^43\d{4}$/, { message: '应为湖南省的 6 位行政区划代码，例如 430211' }),
      }),
    ),
    placeWeights: z.record(z.string(), z.number().positive()),
    tradeNames: names,
    surnames: names,
    clusters: z.record(z.string(), z.strictObject({ places: z.array(z.string()).min(1), names: names.optional() })),
    industries: z.record(
      z.string(),
      z.strictObject({
        company: z.array(
          z.union([
            z.string().min(1),
            z.strictObject({ word: z.string().min(1), places: z.array(z.string()).min(1).optional(), cluster: z.string().optional() }),
          ]),
        ),
        individual: z.array(
          z.union([
            z.string().min(1),
            z.strictObject({ word: z.string().min(1), places: z.array(z.string()).min(1).optional(), cluster: z.string().optional() }),
          ]),
        ),
        /** Probability that a record is a 个体工商户. */
        individualShare: z.number().min(0).max(1),
        placeWeights: z.record(z.string(), z.number().positive()).optional(),
        /** Extra 字号 that fit the industry (mixed with the general ones). */
        tradeNames: names.optional(),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const place = (value: string, path: PropertyKey[]) => {
      if (!(value in file.places)) ctx.addIssue({ code: 'custom', path, message: `未知的地名 ${value}（见 places）` });
    };
    for (const key of Object.keys(file.placeWeights)) place(key, ['placeWeights', key]);
    for (const [name, cluster] of Object.entries(file.clusters))
      cluster.places.forEach((p, i) => {
        place(p, ['clusters', name, 'places', i]);
      });
    for (const [name, industry] of Object.entries(file.industries)) {
      for (const key of Object.keys(industry.placeWeights ?? {})) place(key, ['industries', name, 'placeWeights', key]);
      for (const side of ['company', 'individual'] as const) {
        industry[side].forEach((word, i) => {
          if (typeof word === 'string') return;
          word.places?.forEach((p, j) => {
            place(p, ['industries', name, side, i, 'places', j]);
          });
          if (word.cluster !== undefined && !(word.cluster in file.clusters)) {
            ctx.addIssue({
              code: 'custom',
              path: ['industries', name, side, i, 'cluster'],
              message: `未知的产业集群 ${word.cluster}（见 clusters）`,
            });
          }
        });
      }
    }
  });

export type EnterpriseData = z.output<typeof enterprisesSchema>;
export type Place = EnterpriseData['places'][string];

export function readEnterpriseData(directory: string): EnterpriseData {
  return readContentFile(directory, 'inspections/enterprises.yaml', enterprisesSchema);
}

/** An industry word with the places and 字号 that go with it (its cluster's, or its own). */
interface IndustryWord {
  word: string;
  places?: readonly string[];
  names?: readonly string[];
}

function industryWord(data: EnterpriseData, entry: EnterpriseData['industries'][string]['company'][number]): IndustryWord {
  if (typeof entry === 'string') return { word: entry };
  const cluster = entry.cluster === undefined ? undefined : data.clusters[entry.cluster];
  return { word: entry.word, places: entry.places ?? cluster?.places, names: cluster?.names };
}

/** The characters of an organisation code (GB 32100: digits and capitals without I, O, S, V, Z). */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_CHARACTERS = [...CREDIT_CODE_CHARACTERS];

/** GB 11714 check character of an 8-character organisation code body. */
export function organisationCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function creditCode(random: Random, individual: boolean, division: string): string {
  let body = pick(random, ['MA4', 'MA4', 'MA7']);
  for (let i = 0; i < 5; i++) body += pick(random, CODE_CHARACTERS);
  return withCheckCharacter(`9${individual ? '2' : '1'}${division}${body}${organisationCheck(body)}`);
}

export interface Enterprise {
  enterpriseName: string;
  creditCode: string;
  individual: boolean;
}

/** Draws enterprises that are unique by name and code across everything one generator makes. */
export class EnterpriseGenerator {
  private readonly names = new Set<string>();
  private readonly codes = new Set<string>();
  private readonly data: EnterpriseData;
  private readonly random: Random;

  constructor(data: EnterpriseData, random: Random) {
    this.data = data;
    this.random = random;
  }

  next(industry: string): Enterprise {
    const profile = this.data.industries[industry];
    if (!profile) throw new Error(`content/sample/inspections/enterprises.yaml：industries 中没有 ${industry}`);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const enterprise = this.draw(profile);
      if (this.names.has(enterprise.enterpriseName) || this.codes.has(enterprise.creditCode)) continue;
      this.names.add(enterprise.enterpriseName);
      this.codes.add(enterprise.creditCode);
      return enterprise;
    }
    throw new Error(`cannot find a new ${industry} enterprise name`);
  }

  private draw(profile: EnterpriseData['industries'][string]): Enterprise {
    const { random, data } = this;
    const individual = profile.individual.length > 0 && random() < profile.individualShare;
    const industry = industryWord(data, pick(random, individual ? profile.individual : profile.company));
    const placeWeights = Object.entries(profile.placeWeights ?? data.placeWeights);
    const place = data.places[industry.places ? pick(random, industry.places) : weighted(random, placeWeights)]!;
    const names = industry.names ?? (profile.tradeNames && random() < 0.6 ? profile.tradeNames : data.tradeNames);
    if (individual) {
      const trade = random() < 0.2 ? `${pick(random, data.surnames)}记` : pick(random, names);
      return {
        enterpriseName: `${place.fullName}${trade}${industry.word}`,
        creditCode: creditCode(random, true, place.division),
        individual,
      };
    }
    const prefix = random() < 0.18 ? '湖南' : place.companyPrefix;
    const form = weighted(random, [
      ['有限公司', 8],
      ['有限责任公司', 2],
    ] as const);
    return {
      enterpriseName: `${prefix}${pick(random, names)}${industry.word}${form}`,
      creditCode: creditCode(random, false, prefix === '湖南' && random() < 0.5 ? '430200' : place.division),
      individual,
    };
  }
}
