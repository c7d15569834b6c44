// A growing volume in the calculator's request profile: the field reads
// percentages as people type them, refuses what the model cannot follow,
// and moves the totals, the break-even and the address together.
const { test, expect } = require('./fixtures');
const { openCosts } = require('./pages');

test('a monthly growth raises the totals and travels in the address', async ({ page }) => {
  await openCosts(page);
  const growth = page.getByLabel(/^Monthly growth/);
  const table = page.getByRole('region', { name: 'Cost per approach, scrollable' });
  const before = await table.innerText();
  await growth.fill('10');
  await expect(page).toHaveURL(/p\.g=0\.1(&|$)/);
  await expect.poll(() => table.innerText()).not.toBe(before);
  // Reloading keeps it.
  await page.reload();
  await expect(page.getByLabel(/^Monthly growth/)).toHaveValue('10');
  // The chart's description says the volume grows.
  await expect(page.getByRole('img', { name: /^Cumulative cost/ })).toBeVisible();
});

test('a growth the model cannot follow is refused on the field', async ({ page }) => {
  await openCosts(page);
  const growth = page.getByLabel(/^Monthly growth/);
  await growth.fill('150');
  await expect(page.getByText('A monthly growth must be between −50 % and +100 % (negative shrinks).')).toBeVisible();
  await expect(growth).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/p\.g=/);
  await growth.fill('-5');
  await expect(growth).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/p\.g=-0\.05(&|$)/);
});
