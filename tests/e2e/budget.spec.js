// First-visit download budget: everything the page requests on a first
// visit (html, js, wasm, css), measured as gzip -9 of the served bytes.
const { test, expect, freshContext } = require('./fixtures');
const zlib = require('zlib');
const fs = require('fs');
const path = require('path');

// 250,000 bytes gzip per page (decimal, as the guide states it).
const BUDGET = 250_000;

for (const [name, url, heading] of [
  ['the wizard (index.html)', '/', { level: 2, name: 'Can prompt engineering solve it?' }],
  ['the cost calculator (costs.html)', '/costs.html', { level: 1, name: 'Costs and break-even' }],
  // The validator's worker and vocabulary load only when a file is chosen.
  ['the dataset validator (dataset.html)', '/dataset.html', { level: 1, name: 'Check a fine-tuning dataset' }],
  ['the training page (training.html)', '/training.html', { level: 1, name: 'Plan and read a training run' }],
  ['the decision report (report.html)', '/report.html', { level: 1, name: 'Decision report' }],
  // The practice page opens on its overview; the question bank loads when a mode needs it.
  ['the practice page (practice.html)', '/practice.html', { level: 1, name: 'Practise' }],
  ['the numeric exercises (exercises.html)', '/exercises.html', { level: 1, name: 'Practise' }],
]) {
  test(`a first visit to ${name} downloads at most 250,000 bytes gzip`, async ({ page }) => {
    const bodies = [];
    page.on('response', async (r) => {
      if (r.url().startsWith('http://127.0.0.1')) bodies.push(r.body().then((b) => ({ url: r.url(), b })).catch(() => null));
    });
    await page.goto(url);
    await expect(page.getByRole('heading', heading)).toBeVisible();
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(bodies)).filter(Boolean);
    // The service worker script is fetched by the browser outside the page.
    if (!files.some((f) => f.url.endsWith('/sw.js'))) {
      files.push({ url: 'http://127.0.0.1/sw.js', b: fs.readFileSync(path.resolve(__dirname, '../../dist/sw.js')) });
    }
    let raw = 0;
    let gz = 0;
    const lines = [];
    for (const { url, b } of files) {
      const g = zlib.gzipSync(b, { level: 9 }).length;
      raw += b.length;
      gz += g;
      lines.push(`  ${new URL(url).pathname.padEnd(40)} ${String(b.length).padStart(9)} raw ${String(g).padStart(8)} gzip`);
    }
    console.log(`first-visit download of ${name} (${files.length} files):\n${lines.join('\n')}\n  ${'TOTAL'.padEnd(40)} ${String(raw).padStart(9)} raw ${String(gz).padStart(8)} gzip (budget ${BUDGET} bytes)`);
    expect(files.some((f) => f.url.endsWith('.wasm'))).toBe(true);
    expect(gz).toBeLessThanOrEqual(BUDGET);
  });
}
