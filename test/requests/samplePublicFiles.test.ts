/**
 * No text of the sample register — what was asked, who asked, how to reach them, the answers — is in any file
 * of the public sample build (built once by test/globalSetup.ts). Checked without the scan's exemption for
 * public text: not one phrase of a request may be there.
 */
import { describe, expect, it } from 'vitest';
import { forbiddenPhrases, scanFields, scanForLeaks } from '../../core/build/leakScan.ts';
import { readDataset } from '../../core/content/dataset.ts';
import { registerOf } from '../../core/disclosure/requests/register.ts';
import { TEST_SITE } from '../helpers/site.ts';

describe('the sample build and the request register', () => {
  it('has no request text in any public file', async () => {
    const { documents } = await readDataset('content/dataset.ndjson');
    const register = registerOf(documents);
    expect(register.length).toBeGreaterThanOrEqual(12);
    // The register alone: no public document to exempt any of its phrases.
    const phrases = forbiddenPhrases(documents.filter((doc) => doc._type === 'disclosureRequest').map(scanFields));
    expect(new Set(phrases.map((p) => p.id)).size).toBe(register.length);
    expect(phrases.length).toBeGreaterThan(register.length * 4);
    const { leaks, files } = await scanForLeaks(TEST_SITE, phrases);
    expect(files).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  });
});
