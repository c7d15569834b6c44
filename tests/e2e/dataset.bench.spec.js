// Browser benchmark of the dataset validator: the 100 MB chat file the
// native benchmark generated (target/bench/), checked with o200k token
// counts in the page's Web Worker. Prints MB/s and the worker's memory,
// next to the native and Python-reference figures of the same run, and
// checks the counts agree with the native ones. It asserts correctness,
// never timing: the figures are for people to read.
const { test, expect, freshContext } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const BENCH = path.resolve(__dirname, '../../target/bench');

test('benchmark: validate the 100 MB chat file in Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  const summaryPath = path.join(BENCH, 'dataset-native.json');
  test.skip(!fs.existsSync(summaryPath), 'run `cargo bench --bench dataset` first (scripts/test.sh does)');
  const native = JSON.parse(fs.readFileSync(summaryPath, 'utf8'));
  await page.goto('/dataset.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();
  const runs = [];
  for (let i = 0; i < 2; i++) {
    await page.getByLabel('Training file (JSONL)').setInputFiles(native.file);
    await expect(page.locator('.verdict h2')).toHaveText(/^Ready: [\d,]+ valid examples/, { timeout: 200_000 });
    const t = await page.evaluate(() => ({
      ms: window.__tunewiseTimings['dataset-validate'].at(-1),
      memory: window.__tunewiseTimings['dataset-worker-memory-bytes'].at(-1),
    }));
    runs.push(t);
    // Same counts as the native run of the same file.
    const row = page.getByRole('table', { name: /Tokens per valid example/ }).getByRole('row', { name: /^Total/ });
    const total = Number((await row.getByRole('cell').textContent()).replace(/,/g, ''));
    expect(total).toBe(native.tokens);
  }
  const ms = Math.min(...runs.map((r) => r.ms));
  const mbps = native.mb / (ms / 1000);
  const lines = [
    `dataset validation, Chromium Web Worker (${native.mb.toFixed(1)} MB, o200k tokens, best of ${runs.length}, first includes loading the vocabulary): ` +
      runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ') + ` → ${mbps.toFixed(1)} MB/s`,
    `  worker WebAssembly memory after validating: ${(runs.at(-1).memory / 2 ** 20).toFixed(0)} MiB (the file is read in 4 MiB slices)`,
    `  native: ${native.native_mb_per_s.toFixed(1)} MB/s`,
  ];
  if (native.reference_mb_per_s) {
    lines.push(`  reference (Python tiktoken + the notebook's checks): ${native.reference_mb_per_s.toFixed(1)} MB/s → browser speed-up ${(mbps / native.reference_mb_per_s).toFixed(1)}× (target ≥ 2×)`);
  }
  console.log(lines.join('\n'));
});
