// The dataset validator (dataset.html): files are dropped or picked, checked
// in a Web Worker, and the verdict, findings and statistics are read back
// by role and label, as a screen reader would.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');
const SHOTS = path.resolve(__dirname, '../../target/screenshots');

async function open(page) {
  await page.goto('/dataset.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();
}

// Drops a file on the page the way a person drags one from the desktop.
async function dropFile(page, name, bytes, mime = 'application/jsonl') {
  const transfer = await page.evaluateHandle(({ name, data, mime }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type: mime }));
    return dt;
  }, { name, data: [...bytes], mime });
  await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });
}

const verdict = (page) => page.locator('.verdict h2');

test('a valid file dropped on the page is ready, with exact token counts', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  const before = requests.length;
  await dropFile(page, 'chat_valid.jsonl', fs.readFileSync(path.join(FIXTURES, 'chat_valid.jsonl')));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/, { timeout: 20_000 });
  // 12 examples × 37 tokens each (Python tiktoken, o200k_base, the notebook's rule).
  const stats = page.getByRole('table', { name: /Tokens per valid example/ });
  await expect(stats.getByRole('row').nth(1)).toHaveText(/^444\s*96\s*37\.0\s*37\s*37\s*37\s*0$/);
  await expect(page.getByRole('img', { name: /Histogram of tokens per example/ })).toBeVisible();
  // Nothing left the page but the vocabulary fetched from this same site.
  const after = requests.slice(before);
  for (const url of after) {
    expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    expect(url).not.toMatch(/upload|api\./);
  }
  await page.screenshot({ path: path.join(SHOTS, 'dataset-valid.png'), fullPage: true });
});

test('a broken file names its problems and line numbers', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_broken.jsonl'));
  await expect(verdict(page)).toHaveText(/^Fix \d+ problems in chat_broken\.jsonl/, { timeout: 20_000 });
  // Each kind names its lines: the fixture's line 4 is not JSON, line 5 is
  // an array, line 6 has the role "robot", line 2 repeats line 1.
  const group = page.locator('details.finding-group', { hasText: 'invalid_json' });
  await expect(group.locator('summary').first()).toHaveText(/invalid_json × 1 · line 4$/);
  await expect(page.locator('details.finding-group', { hasText: 'data_type' }).locator('summary').first()).toContainText('line 5');
  await expect(page.locator('details.finding-group', { hasText: 'unrecognized_role' }).locator('summary').first()).toContainText('line 6');
  await expect(page.locator('details.finding-group', { hasText: 'duplicate_example' }).locator('summary').first()).toContainText('line 2');
  await group.locator('summary').first().click();
  await expect(group.getByText(/^Line \d+/).first()).toBeVisible();
  await group.getByText(/^Show line/).first().click();
  // The offending line is shown as text, exactly.
  await expect(group.locator('pre').first()).toHaveText('not json at all');
  await page.screenshot({ path: path.join(SHOTS, 'dataset-broken.png'), fullPage: true });
});

test('a binary file gets a clear verdict, not a crash', async ({ page }) => {
  await open(page);
  await dropFile(page, 'binary.png', fs.readFileSync(path.join(FIXTURES, 'binary.png')), 'image/png');
  await expect(verdict(page)).toHaveText(/^Fix \d+ problems? in binary\.png/, { timeout: 20_000 });
  await expect(page.locator('details.finding-group', { hasText: /invalid_utf8|invalid_json/ }).first()).toBeVisible();
});
