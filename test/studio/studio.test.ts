/**
 * The Studio builds and its schema validates with no network, and it agrees with the zod
 * model that validates everything the site and the scripts read.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldShapes } from '../../core/model/schemas.ts';
import { signOffShape, workflowAuditShape } from '../../core/model/workflowRecords.ts';

/** Every document type the Studio defines, as the zod model has it. */
const MODEL = { ...fieldShapes, signOff: signOffShape, workflowAudit: workflowAuditShape };
import { ROOT, runNpm } from '../helpers/run.ts';
import { schemaDifferences, type ExtractedType } from './compareSchemas.ts';

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

  it('agrees with the zod model on every type, field, required-ness and allowed value', () => {
    expect(schemaDifferences(extracted, MODEL)).toEqual([]);
  });

  it('would notice a disagreement', () => {
    const broken = structuredClone(extracted);
    const policy = broken.find((t) => t.name === 'policy')!;
    policy.attributes!.issuer!.optional = true;
    delete policy.attributes!.docNumber;
    expect(schemaDifferences(broken, MODEL)).toEqual([
      'policy.docNumber: in the zod model, not in Studio',
      'policy.issuer: required in zod, optional in Studio',
    ]);
  });

  it('builds offline', async () => {
    const result = runNpm(['build', '-w', 'studio'], { timeout: 240_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect((await stat(join(STUDIO, 'dist/index.html'))).isFile()).toBe(true);
  }, 300_000);
});
