// The training page's own state: what the user sets in the evaluation
// planner and the run explorer is kept across a reload, travels in the
// address (#/training?v=1&e.…&s.…) and in the report link; a long log's
// reading can be cancelled.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function openTraining(page, url = '/training.html') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Plan and read a training run' })).toBeVisible();
}

const sizing = (page) => page.getByRole('region', { name: 'A/B test sizing' });

test('settings are kept across a reload and travel in the address', async ({ page }) => {
  await openTraining(page);
  await sizing(page).getByLabel('Baseline rate').fill('12');
  await page.getByLabel('Patience').fill('5');
  await expect(page).toHaveURL(/e\.r=12(&|$)/);
  await expect(page).toHaveURL(/s\.pat=5(&|$)/);
  const address = page.url();
  await page.reload();
  await expect(sizing(page).getByLabel('Baseline rate')).toHaveValue('12');
  await expect(page.getByLabel('Patience')).toHaveValue('5');

  // The address alone brings them to a fresh visitor, and the report link carries them.
  const other = await page.context().browser().newContext();
  await other.clock.setFixedTime(new Date('2026-12-01T09:00:00Z'));
  const visitor = await other.newPage();
  await openTraining(visitor, address.replace(/^https?:\/\/[^/]+/, ''));
  await expect(sizing(visitor).getByLabel('Baseline rate')).toHaveValue('12');
  await other.close();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Report' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this report' }).inputValue();
  expect(decodeURIComponent(link)).toMatch(/&t=v=1&.*e\.r=12/);
});

test('reading a long log can be cancelled', async ({ page }) => {
  test.setTimeout(90_000);
  await openTraining(page);
  const rows = ['step,train_loss,valid_loss'];
  for (let s = 1; s <= 900_000; s++) rows.push(`${s},${(0.4 + 2 / Math.sqrt(s)).toExponential(5)},${s % 1000 === 0 ? '0.5' : ''}`);
  const file = path.join(os.tmpdir(), `cancel-${process.pid}`, 'long_run.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rows.join('\n') + '\n');
  await page.getByLabel('Training log file').setInputFiles(file);
  await expect(page.getByRole('progressbar', { name: /^Reading long_run\.csv/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading the log was cancelled.')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Reading long_run\.csv/ })).toBeHidden();
});
