// The wizard fed by the other tools: step 3 from a checked dataset, step 4
// from a budget and the calculator's costs, the result linking to the
// numbers. Driven by role and accessible label.
const { test, expect, freshContext } = require('./fixtures');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');

async function answer(page, question, choice) {
  await expect(page.getByRole('heading', { level: 2, name: question })).toBeVisible();
  await page.getByRole('radio', { name: choice, exact: true }).check();
  await page.getByRole('button', { name: /^(Next question|See the recommendation)$/ }).click();
}

test('a checked dataset fills step 3: too few examples, properly formatted', async ({ page }) => {
  test.slow(); // the first check builds the tokenizer (see dataset.spec.js)
  await page.goto('/dataset.html');
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(page.getByRole('heading', { level: 2, name: /chat_valid\.jsonl/ })).toBeVisible({ timeout: 60_000 });
  await page.goto('/');
  await answer(page, 'Can prompt engineering solve it?', 'No');
  await answer(page, 'Can retrieval (RAG) solve it?', 'No');
  await expect(page.getByRole('heading', { level: 2, name: 'Do you have training data?' })).toBeVisible();
  const box = page.getByRole('complementary', { name: 'From your dataset' });
  await expect(box).toContainText('chat_valid.jsonl');
  await expect(box).toContainText('below the 100 minimum');
  await expect(box).toContainText('checked 2026-12-01');
  // The criteria the file decides are ticked (or not) from it…
  await expect(page.getByRole('checkbox', { name: 'At least 100 examples' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Input-output pairs' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Properly formatted' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Representative of real use' })).not.toBeChecked();
  // …so the suggestion follows, and the user still decides.
  await expect(page.getByText(/Suggested answer: No\. Not yet ticked: “at least 100 examples” and “representative of real use”/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'At least 100 examples' }).check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'At least 100 examples' })).toBeChecked();
});

test('a budget on step 4 is set against the calculator and suggests an answer', async ({ page, browser }) => {
  await page.goto('/#/wizard?pe=no&rag=no&data=yes&at=budget');
  await expect(page.getByRole('heading', { level: 2, name: 'What is your budget?' })).toBeVisible();
  const box = page.getByRole('complementary', { name: 'Your budget and the calculator' });
  const table = box.getByRole('table', { name: /Costs from the calculator at 500,000 requests a month/ });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /^Self-hosted LoRA \$/ })).toBeVisible();
  await expect(box.getByRole('status')).toHaveText('Give a budget to compare it with these costs.');
  await box.getByLabel(/^Training budget, up front/).fill('100');
  await expect(box.getByRole('status')).toContainText('From your budget: Limited.');
  await expect(box.getByRole('status')).toContainText(/\$100(\.00)? up front does not cover/);
  await expect(page.getByRole('checkbox', { name: /^Training costs in the/ })).not.toBeChecked();
  await box.getByLabel(/^Training budget, up front/).fill('1,000,000');
  await box.getByLabel(/^Budget per month/).fill('2 000 000');
  await expect(box.getByRole('status')).toContainText('From your budget: Enough for training.');
  await expect(page.getByRole('checkbox', { name: /^Training costs in the/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^A per-request cost/ })).toBeChecked();
  await box.getByLabel(/^Budget per month/).fill('0,5,5');
  await expect(box.getByText(/groups of three|mixes|not a number|separator/)).toBeVisible();
  // The budget travels in the link, and ticks what it decides where it is opened.
  await expect(page).toHaveURL(/budget\.once=1000000/);
  const fresh = await freshContext(browser);
  const other = await fresh.newPage();
  await other.goto('/#/wizard?pe=no&rag=no&data=yes&at=budget&budget.once=1000000&budget.month=2000000');
  await expect(other.getByRole('checkbox', { name: /^Training costs in the/ })).toBeChecked();
  await expect(other.getByRole('checkbox', { name: /^A per-request cost/ })).toBeChecked();
  await expect(other.getByRole('checkbox', { name: /^Compute and infrastructure/ })).not.toBeChecked();
  await fresh.close();
});

test('the result links to the calculator with the recommended approach marked', async ({ page }) => {
  await page.goto('/#/wizard?pe=no&rag=no&data=yes&budget=sufficient&level=medium');
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^The decision report/ })).toHaveAttribute('href', 'report.html');
  await expect(page.getByRole('link', { name: /^Check your training data/ })).toBeVisible();
  const link = page.getByRole('link', { name: /^Compare the costs, with .* marked, in the calculator$/ });
  const name = (await link.textContent()).replace(/^Compare the costs, with (.*) marked, in the calculator$/, '$1');
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Costs and break-even' })).toBeVisible();
  const group = page.getByRole('group').filter({ hasText: 'Recommended by the wizard' });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(name);
});
