// Browser benchmark of the dataset validator: the chat files the native
// benchmark wrote (target/bench/): the generated 100 MB file of short
// common words and the realistic file cut from documentation, source code
// and translations, each checked with o200k token counts in the page's Web
// Worker. Prints MB/s and the worker's memory, next to the native and
// minimal Python reference figures of the same run (with the browser's
// speed-up over the minimal reference, goal ≥ 3×), and checks the counts
// agree with the native ones. It asserts correctness, never timing: the
// figures are for people to read.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const BENCH = path.resolve(__dirname, '../../target/bench');
const summaryPath = path.join(BENCH, 'dataset-native.json');

// Validates `figures.file` twice in the page; prints the figures and checks
// the token total equals the native one.
async function timeFile(page, label, figures) {
  await page.goto('/dataset.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();
  const runs = [];
  for (let i = 0; i < 2; i++) {
    await page.getByLabel('Training file (JSONL)').setInputFiles(figures.file);
    await expect(page.locator('.verdict h2')).toHaveText(/^Ready: [\d,]+ valid examples/, { timeout: 200_000 });
    const t = await page.evaluate(() => ({
      ms: window.__tunewiseTimings['dataset-validate'].at(-1),
      memory: window.__tunewiseTimings['dataset-worker-memory-bytes'].at(-1),
    }));
    runs.push(t);
    // Same counts as the native run of the same file.
    const row = page.getByRole('table', { name: /Tokens per valid example/ }).getByRole('row', { name: /^Total/ });
    const total = Number((await row.getByRole('cell').textContent()).replace(/,/g, ''));
    expect(total).toBe(figures.tokens);
  }
  const ms = Math.min(...runs.map((r) => r.ms));
  const mbps = figures.mb / (ms / 1000);
  const lines = [
    `dataset validation, Chromium Web Worker, ${label} (${figures.mb.toFixed(1)} MB, o200k tokens, best of ${runs.length}, first includes loading the vocabulary): ` +
      runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ') + ` → ${mbps.toFixed(1)} MB/s`,
    `  worker WebAssembly memory after validating: ${(runs.at(-1).memory / 2 ** 20).toFixed(0)} MiB (the file is read in 4 MiB slices)`,
    `  native: ${figures.native_mb_per_s.toFixed(1)} MB/s`,
  ];
  if (figures.minimal_reference_mb_per_s) {
    lines.push(`  minimal reference (Python tiktoken, each string encoded once): ${figures.minimal_reference_mb_per_s.toFixed(1)} MB/s → browser ${(mbps / figures.minimal_reference_mb_per_s).toFixed(1)}× the minimal reference (goal ≥ 3×)`);
  }
  if (figures.reference_mb_per_s) {
    lines.push(`  notebook reference (Python tiktoken + the notebook's checks): ${figures.reference_mb_per_s.toFixed(1)} MB/s → browser ${(mbps / figures.reference_mb_per_s).toFixed(1)}×`);
  }
  console.log(lines.join('\n'));
}

test('benchmark: validate the 100 MB chat file in Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  test.skip(!fs.existsSync(summaryPath), 'run `cargo bench --bench dataset` first (scripts/test.sh does)');
  const native = JSON.parse(fs.readFileSync(summaryPath, 'utf8'));
  await timeFile(page, 'generated file', native);
});

test('benchmark: validate the realistic chat file in Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  test.skip(!fs.existsSync(summaryPath), 'run `cargo bench --bench dataset` first (scripts/test.sh does)');
  const native = JSON.parse(fs.readFileSync(summaryPath, 'utf8'));
  test.skip(!native.realistic, 'the native benchmark wrote no realistic file');
  await timeFile(page, 'realistic file', native.realistic);
});
