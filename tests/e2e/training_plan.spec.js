// The training page's plan: five stages filled with the figures the other
// tools already hold (a file checked on the Dataset page, the wizard, the
// calculator), or a link to where each missing one comes from; the same
// plan in the decision report. Found by role and label.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');
const SHOTS = path.resolve(__dirname, '../../target/screenshots');

async function openTraining(page, hash = '') {
  await page.goto('/training.html' + hash);
  await expect(page.getByRole('heading', { level: 1, name: 'Plan and read a training run' })).toBeVisible();
}

const plan = (page) => page.getByRole('region', { name: 'The plan, from data to deployment' });
const stage = (page, name) => plan(page).getByRole('region', { name });

test('with nothing entered yet, every missing figure says where to get it', async ({ page }) => {
  await openTraining(page);
  await expect(plan(page)).toContainText('The wizard is not finished');
  for (const name of ['1. Prepare the data', '2. Train', '3. Evaluate', '4. Deploy', '5. Iterate']) {
    await expect(stage(page, name)).toBeVisible();
  }
  const data = stage(page, '1. Prepare the data');
  await expect(data.getByRole('link', { name: 'Check your training file on the Dataset page' }).first())
    .toHaveAttribute('href', 'dataset.html');
  // The calculator's figures are there from the start (its example scenario).
  await expect(stage(page, '4. Deploy')).toContainText(/Cost per request\s*\$0\.\d+/);
  await expect(page.getByRole('table', { name: 'Hyperparameters' }).getByRole('rowheader')).toHaveText([
    'Epochs', 'Learning rate (or its multiplier)', 'Batch size', 'LoRA rank (r)', 'LoRA alpha',
  ]);
});

test('a file checked on the Dataset page fills the plan, and the report carries it', async ({ page }) => {
  test.slow(); // the first check builds the tokenizer (see dataset.spec.js)
  await page.goto('/dataset.html');
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(page.getByRole('heading', { level: 2, name: /^Ready: 12 valid examples/ })).toBeVisible({ timeout: 60_000 });

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan and read a training run' })).toBeVisible();
  const data = stage(page, '1. Prepare the data');
  await expect(data).toContainText('12 valid, 12 after removing repeats, in chat_valid.jsonl');
  await expect(data).toContainText('444 in all');
  // 12 examples × 3 epochs is under 100 passes: the rule gives 9 epochs, 444 × 9 billed tokens,
  // the same figures as the Dataset page's estimate.
  const train = stage(page, '2. Train');
  await expect(train).toContainText(/Epochs\s*9: With 12 examples/);
  await expect(train).toContainText('3,996 (444 × 9 epochs)');
  await expect(stage(page, '1. Prepare the data')).toContainText('below the 100 a fine-tune needs');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Report' }).click();
  const section = page.getByRole('region', { name: 'Training plan' });
  await expect(section).toContainText('12 valid, 12 after removing repeats, in chat_valid.jsonl');
  await expect(section.getByRole('heading', { level: 3, name: '2. Train' })).toBeVisible();
});

test('the page keeps its address and works from the keyboard', async ({ page }) => {
  await openTraining(page);
  await expect(page).toHaveURL(/training\.html#\/training\?v=1/);
  // Skip link, then the plan's first link is reachable by Tab alone.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  const link = stage(page, '1. Prepare the data').getByRole('link').first();
  for (let i = 0; i < 10 && !(await link.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations on the training page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openTraining(page);
    expect(await axe(page)).toEqual([]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `training-${scheme}.png`), fullPage: true });
  });
}
