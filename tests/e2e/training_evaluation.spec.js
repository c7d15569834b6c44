// The training page's evaluation planner and A/B test sizing (issue #10,
// part 2): the held-out split from the checked dataset, the metric
// checklist, and the per-arm sample size, driven by role and label, by
// keyboard alone, checked with axe-core in light and dark, and
// photographed for review.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');
const BRIEF_KEY = 'tunewise.dataset-brief.v1';
// 100 valid examples, 98 of them not repeats.
const BRIEF = 'f=train.jsonl&at=2026-12-01T10:15:00Z&fmt=chat&l=100&v=100&c=98&e=0&w=0&min=10';

const planner = (page) => page.getByRole('region', { name: 'Evaluation planner' });
const sizing = (page) => page.getByRole('region', { name: 'A/B test sizing' });
const perArm = (page) => sizing(page).getByRole('status');

async function open(page, brief) {
  await page.goto('/training.html');
  if (brief) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [BRIEF_KEY, brief]);
    await page.reload();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Plan and read a training run' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'A/B test sizing' })).toBeVisible();
}

test('sizing an A/B test by label gives the per-arm number and its companions', async ({ page }) => {
  await open(page);
  const s = sizing(page);
  // The example: 10 %, +2 points, α 5 %, power 80 %.
  await expect(perArm(page)).toHaveText('3,841 per arm (7,682 in all)');
  await expect(s).toContainText("Cohen's h = 0.064: 3,835 per arm");
  await expect(s).toContainText('With continuity correction (Fleiss): 3,941 per arm.');
  // The calculator's default volume, 500,000 a month, is 16,427 a day.
  await expect(s).toContainText('At 500,000 requests a month (16,427 a day) split over two arms: 1 day.');
  await s.getByLabel('Baseline rate').fill('20');
  await s.getByLabel('Minimum detectable effect').fill('5');
  await s.getByLabel('Significance').fill('1');
  await s.getByLabel('Power').fill('90');
  // Python: pooled 2,073.2 → 2,074; Cohen's h 2,070; Fleiss 2,114.
  await expect(perArm(page)).toHaveText('2,074 per arm (4,148 in all)');
  await expect(s).toContainText("Cohen's h = 0.120: 2,070 per arm");
  await expect(s).toContainText('(Fleiss): 2,114 per arm.');
});

test('bad input gets a message on its field, never NaN', async ({ page }) => {
  await open(page);
  const s = sizing(page);
  const effect = s.getByLabel('Minimum detectable effect');
  await effect.fill('95');
  await expect(effect).toHaveAttribute('aria-invalid', 'true');
  await expect(s.getByText('10 % + 95 points is past 100 %: lower the effect.')).toBeVisible();
  await expect(perArm(page)).toHaveText('Fix the marked fields to see the sample size.');
  await effect.fill('2');
  await expect(effect).not.toHaveAttribute('aria-invalid', 'true');
  const power = s.getByLabel('Power');
  await power.fill('5');
  await expect(power).toHaveAttribute('aria-invalid', 'true');
  await expect(s.getByText('Power must be more than the significance level (5 %): 80 % is usual.')).toBeVisible();
  await s.getByLabel('Baseline rate').fill('abc');
  await expect(s.getByLabel('Baseline rate')).toHaveAttribute('aria-invalid', 'true');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|Infinity|∞/);
});

test('the relative switch keeps the rate to detect', async ({ page }) => {
  await open(page);
  const s = sizing(page);
  await s.getByLabel('Effect is relative to the baseline').check();
  await expect(s.getByLabel('Minimum detectable effect')).toHaveValue('20');
  await expect(s.getByText('% of the baseline')).toBeVisible();
  await expect(perArm(page)).toHaveText('3,841 per arm (7,682 in all)');
});

test('keyboard only: tab through the sizing fields, type, toggle', async ({ page }) => {
  await open(page);
  const s = sizing(page);
  // Tab from the last planner field into A/B sizing.
  await planner(page).getByLabel('User satisfaction target').focus();
  await page.keyboard.press('Tab'); // the checklist's scrollable region
  await page.keyboard.press('Tab');
  await expect(s.getByLabel('Baseline rate')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(s.getByLabel('Minimum detectable effect')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  // Python: 5 % → 6 % at α 5 %, power 80 %: 8,157.7 → 8,158.
  await expect(perArm(page)).toHaveText('8,158 per arm (16,316 in all)');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(s.getByLabel('Effect is relative to the baseline')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(s.getByLabel('Effect is relative to the baseline')).toBeChecked();
  await expect(s.getByLabel('Minimum detectable effect')).toHaveValue('20');
  await expect(perArm(page)).toHaveText('8,158 per arm (16,316 in all)');
});

test('without a checked dataset the planner links to the validator', async ({ page }) => {
  await open(page);
  const p = planner(page);
  await expect(p.getByText('No checked dataset yet')).toBeVisible();
  await expect(p.getByRole('link', { name: 'dataset validator' })).toHaveAttribute('href', 'dataset.html');
});

test('the split, its warning and the metric checklist', async ({ page }) => {
  await open(page, BRIEF);
  const p = planner(page);
  await expect(p).toContainText('80 to train on · 20 held out for testing (of 100 valid examples).');
  await expect(p).toContainText('2 of them are exact repeats');
  await expect(p).toContainText('Your test set of 20 examples cannot detect any improvement over 80 %');
  await expect(p).toContainText('to see 80 % → 85 % you need about 906 test examples');
  await p.getByLabel('Held-out share').fill('50');
  await expect(p).toContainText('50 to train on · 50 held out');
  await p.getByLabel('Held-out share').fill('60');
  await expect(p.getByLabel('Held-out share')).toHaveAttribute('aria-invalid', 'true');
  await expect(p.getByText('The held-out share must be between 5 and 50 %.')).toBeVisible();
  const table = p.getByRole('table', { name: 'Metric · Target · Where it comes from' });
  await expect(table.getByRole('row', { name: /^Accuracy on the test set/ })).toContainText('≥ 85 % (baseline 80 %)');
  await expect(table.getByRole('row', { name: /^Latency \(p95\)/ })).toContainText('< 2 s');
  await expect(table.getByRole('row', { name: /^Cost per request/ })).toContainText('Cost calculator, all in at your monthly volume: Prompt engineering $');
  await expect(table.getByRole('row', { name: /^User satisfaction/ })).toContainText('≥ 80 %');
  await p.getByLabel('Baseline approach').selectOption('rag');
  await expect(table.getByRole('row', { name: /^Cost per request/ })).toContainText('Cost calculator, all in at your monthly volume: RAG $');
  await p.getByLabel('Latency target').fill('1.5');
  await expect(table.getByRole('row', { name: /^Latency \(p95\)/ })).toContainText('< 1.5 s');
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations in the evaluation planner (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, BRIEF);
    // With a message showing too.
    await sizing(page).getByLabel('Minimum detectable effect').fill('95');
    expect(await axe(page)).toEqual([]);
  });
}

test('screenshots of the evaluation planner and A/B sizing', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, BRIEF);
  await planner(page).screenshot({ path: path.join(SHOTS, 'training-evaluation.png') });
  await sizing(page).screenshot({ path: path.join(SHOTS, 'training-ab-sizing.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await sizing(page).getByLabel('Minimum detectable effect').fill('95');
  await sizing(page).screenshot({ path: path.join(SHOTS, 'training-ab-sizing-dark-error.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  await planner(page).screenshot({ path: path.join(SHOTS, 'training-evaluation-phone.png') });
});
