// Smoke tests on the real date (no frozen clock): whatever today is, every
// page renders its content, and no figure reads NaN, Infinity or undefined.
// Every other spec runs on the fixed date in fixtures.js.
const { test, expect } = require('@playwright/test');

const PAGES = [
  { path: '/', heading: 'Should we fine-tune?' },
  { path: '/#/approaches', heading: 'Ways to adapt a model' },
  { path: '/costs.html', heading: 'Costs and break-even' },
  { path: '/dataset.html', heading: 'Check a fine-tuning dataset' },
  { path: '/training.html', heading: 'Plan and read a training run' },
  { path: '/practice.html', heading: 'Practise' },
  { path: '/practice.html#/practice?mode=cards', heading: 'Practise' },
  { path: '/exercises.html', heading: 'Practise' },
];

for (const { path, heading } of PAGES) {
  test(`on the real date, ${path} shows its content and no broken figure`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toBeVisible();
    const text = await main.innerText();
    expect(text.trim().length).toBeGreaterThan(200);
    expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b|\$-|−\$∞/);
    expect(errors).toEqual([]);
  });
}

test('on the real date, the calculator compares approaches with finite figures', async ({ page }) => {
  await page.goto('/costs.html');
  const table = page.getByRole('region', { name: 'Costs at your volume' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // At least two approaches are compared, whatever presets remain today.
  expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  await expect(page.getByRole('img').first()).toBeVisible();
  expect(await table.innerText()).toMatch(/\$\d/);
});
