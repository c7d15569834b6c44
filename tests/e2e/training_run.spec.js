// The run explorer (training.html, "Run explorer" section): a training log
// is picked from the examples, dropped, picked or pasted, and the early
// stopping verdict, the restore-best sentence, the overfitting note and the
// chart are read back by role and label.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures/training');
const SHOTS = path.resolve(__dirname, '../../target/screenshots');

async function open(page) {
  await page.goto('/training.html');
  await expect(page.getByRole('heading', { level: 2, name: 'Run explorer' })).toBeVisible();
}

const verdict = (page) => page.getByRole('region', { name: 'Run verdict' });
const alert = (page) => page.locator('.run-explorer').getByRole('alert');

async function dropFile(page, name, bytes, mime = 'text/csv') {
  const transfer = await page.evaluateHandle(({ name, data, mime }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type: mime }));
    return dt;
  }, { name, data: [...bytes], mime });
  await page.getByRole('group', { name: 'Drop a training log' }).dispatchEvent('drop', { dataTransfer: transfer });
}

test('an example run shows where it would have stopped and that it overfits', async ({ page }) => {
  await open(page);
  await page.getByLabel('Example run').selectOption({ label: 'Overfits after epoch 4 (CSV)' });
  await expect(verdict(page)).toContainText('Read as CSV log: 12 steps, 12 validation checks.');
  await expect(verdict(page)).toContainText(
    'Early stopping would have stopped at epoch 7 (step 420): no improvement in val_loss for 3 checks. Best: 0.412 at epoch 4 (step 240).');
  await expect(verdict(page)).toContainText('Restoring the best checkpoint gives the model at epoch 4 (step 240): val_loss 0.412, training loss 0.38.');
  await expect(verdict(page)).toContainText(/Overfitting: over the last 3 checks, val_loss rose/);
  await expect(verdict(page)).toContainText('train for fewer epochs');
  await expect(page.getByRole('img', { name: /Best val_loss: 0\.412 at epoch 4 \(step 240\)\. Early stopping at epoch 7/ })).toBeVisible();
  await expect(alert(page)).toHaveText('');
  // The Hugging Face rule and a longer patience change the verdict.
  await page.getByLabel('Patience (checks)').fill('10');
  await expect(verdict(page)).toContainText('Early stopping would not have stopped this run');
  await page.getByLabel('Patience (checks)').fill('0');
  await expect(page.getByLabel('Patience (checks)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#run-patience-note')).toHaveText('Enter a whole number of checks from 1 to 1000.');
  await expect(verdict(page)).toContainText('Early stopping would not have stopped this run');
  await page.getByLabel('Patience (checks)').fill('3');
  await page.locator('.run-explorer').screenshot({ path: path.join(SHOTS, 'training-run-overfits.png') });
});

test('a dropped OpenAI result file in base64 is read, with its per-epoch validation loss', async ({ page }) => {
  await open(page);
  await dropFile(page, 'step_metrics.csv', fs.readFileSync(path.join(FIXTURES, 'openai_results.b64')));
  await expect(verdict(page)).toContainText('Read as OpenAI result file: 60 steps, 3 validation checks.');
  await expect(verdict(page)).toContainText('Early stopping would not have stopped this run');
  await expect(page.getByLabel('Monitored column')).toHaveValue('full_valid_loss');
  // Picking the plain file gives the same reading.
  await page.getByLabel('Training log file').setInputFiles(path.join(FIXTURES, 'openai_results.csv'));
  await expect(verdict(page)).toContainText('Read as OpenAI result file: 60 steps, 3 validation checks.');
  await page.getByLabel('Monitored column').selectOption('valid_mean_token_accuracy');
  await expect(page.getByLabel('Better is')).toHaveValue('max');
  await expect(verdict(page)).toContainText('valid_mean_token_accuracy');
});

test('the diverging example stops at the NaN', async ({ page }) => {
  await open(page);
  await page.getByLabel('Example run').selectOption('diverges');
  await expect(verdict(page)).toContainText('Early stopping would have stopped at step 90: valid_loss is NaN (not a finite number).');
  await page.locator('.run-explorer').screenshot({ path: path.join(SHOTS, 'training-run-diverges.png') });
});

test('bad input names the row and column', async ({ page }) => {
  await open(page);
  await page.getByLabel('Or paste a log').fill('step,train_loss,valid_loss\n1,2,3\n2,2,abc\n');
  await expect(alert(page)).toHaveText('The pasted log: Row 3, column valid_loss: "abc" is not a number.');
  await page.getByLabel('Or paste a log').fill('step,train_loss,valid_loss\n10,2,3\n5,2,2\n');
  await expect(alert(page)).toContainText('Row 3, column step: step 5 comes after step 10');
  await page.getByLabel('Or paste a log').fill('step,train_loss,valid_loss\n10,2,3\n20,2,\n');
  await expect(alert(page)).toContainText('at least two validation points');
  await page.getByLabel('Or paste a log').fill('step,train_loss\n10,2\n20,1.5\n');
  await expect(verdict(page)).toContainText('No validation data.');
});

test('keyboard only: an example is chosen and the patience changed', async ({ page }) => {
  await open(page);
  let focused = '';
  for (let i = 0; i < 80 && focused !== 'run-example'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  }
  expect(focused).toBe('run-example');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('ArrowDown');
  await expect(verdict(page)).toContainText('stopped at epoch 7 (step 420)');
  for (let i = 0; i < 20 && focused !== 'run-patience'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  }
  expect(focused).toBe('run-patience');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await expect(verdict(page)).toContainText('stopped at epoch 6 (step 360): no improvement in val_loss for 2 checks');
});

test('a 50 MB log is read in slices with progress, and the page stays responsive', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // An OpenAI-shaped file of about 50 MB: 1,600,000 steps, validation every 2,000.
  const rows = ['step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy'];
  for (let s = 1; s <= 1_600_000; s++) {
    const v = s % 2000 === 0 ? `${(0.5 + 1 / Math.sqrt(s)).toExponential(5)},${(0.8).toExponential(5)}` : ',';
    rows.push(`${s},${(0.4 + 2 / Math.sqrt(s)).toExponential(5)},${(0.7).toExponential(5)},${v}`);
  }
  const buffer = Buffer.from(rows.join('\n') + '\n');
  expect(buffer.length).toBeGreaterThan(45_000_000);
  const file = path.join(require('os').tmpdir(), `big_results-${process.pid}`, 'big_results.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buffer);
  await page.getByLabel('Training log file').setInputFiles(file);
  const bar = page.getByRole('progressbar', { name: /^Reading big_results\.csv: \d+%/ });
  await expect(bar).toBeVisible({ timeout: 20_000 });
  // The page answers while the file is read.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(verdict(page)).toContainText('Read as OpenAI result file: 1,600,000 steps, 800 validation checks.', { timeout: 100_000 });
  await expect(bar).toBeHidden();
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations in the run explorer (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await page.getByLabel('Example run').selectOption('overfits');
    await expect(verdict(page)).toContainText('stopped at epoch 7');
    await page.getByLabel('Patience (checks)').fill('x');
    expect(await axe(page)).toEqual([]);
    await page.locator('.run-explorer').screenshot({ path: path.join(SHOTS, `training-run-${scheme}.png`) });
  });
}
