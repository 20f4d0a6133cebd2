/**
 * The Studio builds and its schema validates with no network, and the schema it compiles
 * carries every field the model declares (core/model/types/), as declared.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLARATIONS } from '../../core/model/types/index.ts';
import { ROOT, runNpm } from '../helpers/run.ts';
import { extractDifferences, type ExtractedType } from './extractedFields.ts';

const STUDIO = join(ROOT, 'studio');
let workDirectory: string;
let extracted: ExtractedType[];

beforeAll(async () => {
  await mkdir(join(STUDIO, '.sanity'), { recursive: true });
  workDirectory = await mkdtemp(join(STUDIO, '.sanity/test-'));
  // `sanity schema extract --path` is resolved against the Studio folder.
  const path = join(relative(STUDIO, workDirectory), 'schema.json');
  const result = runNpm(['schema:extract', '-w', 'studio', '--', '--enforce-required-fields', '--path', path]);
  expect(result.status, result.stderr).toBe(0);
  extracted = JSON.parse(await readFile(join(workDirectory, 'schema.json'), 'utf8'));
}, 180_000);
afterAll(() => workDirectory && rm(workDirectory, { recursive: true, force: true }));

describe('Sanity Studio', () => {
  it('validates its schema with 0 errors and 0 warnings', () => {
    const result = runNpm(['schema:validate', '-w', 'studio']);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/Errors:\s+0 errors/);
    expect(output).toMatch(/Warnings:\s+0 warnings/);
  });

  it('has every declared type and field, with its required-ness, allowed values and reference target', () => {
    expect(extractDifferences(extracted, DECLARATIONS)).toEqual([]);
  });

  it('would notice a field the Studio got wrong', () => {
    const broken = structuredClone(extracted);
    const policy = broken.find((t) => t.name === 'policy')!;
    policy.attributes!.issuer!.optional = true;
    delete policy.attributes!.docNumber;
    policy.attributes!.extra = structuredClone(policy.attributes!.source!);
    const validity = policy.attributes!.validity!.value.of as { value: string }[];
    validity.pop();
    const plan = broken.find((t) => t.name === 'inspectionPlan')!;
    const items = plan.attributes!.items!.value.of as { attributes: Record<string, { optional?: boolean }> };
    items.attributes.basis!.optional = true;
    expect(extractDifferences(broken, DECLARATIONS)).toEqual([
      'policy.extra: in the Studio, not declared',
      'policy.docNumber: declared, not in the Studio',
      'policy.issuer: required in the declaration, optional in the Studio',
      'policy.validity: allowed values differ',
      'inspectionPlan.items[].basis: required in the declaration, optional in the Studio',
    ]);
  });

  it('builds offline', async () => {
    const result = runNpm(['build', '-w', 'studio'], { timeout: 240_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect((await stat(join(STUDIO, 'dist/index.html'))).isFile()).toBe(true);
  }, 300_000);
});
