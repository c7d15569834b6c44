// The calculator tells the truth (issue #9): presets never leak figures,
// availability follows the organisation's standing, lifetimes are honoured
// in the tables, sensitivity is coloured by its effect, and self-hosting
// says above what monthly volume it wins. Driven by role and label.
const { test, expect } = require('./fixtures');

const { openCosts: open, openEditor } = require('./pages');

// The one-line summary in an editor's header: "$… per request · $… one-off · $… / month fixed".
const summaryOf = (card) => card.getByText(/per request · .* one-off · .* \/ month fixed/);
const costsTable = (page) => page.getByRole('region', { name: 'Cost per approach, scrollable' });
const pairsTable = (page) => page.getByRole('region', { name: 'Break-even per pair, scrollable' });

test('switching presets never leaks the previous preset’s figures', async ({ page }) => {
  await open(page);
  const card = await openEditor(page, 'API LoRA');
  const preset = card.getByLabel('Price preset');
  const first = await summaryOf(card).textContent();
  expect(first).toContain('$0.00 / month fixed');
  await preset.selectOption('azure-gpt-4.1-mini-ft');
  await expect(preset.getByRole('option', { name: /^Azure.*gpt-4\.1-mini/ })).toHaveCount(1);
  await expect(summaryOf(card)).not.toHaveText(first);
  await expect(summaryOf(card)).not.toContainText('$0.00 / month fixed');
  await expect(card.getByLabel(/^Dedicated hosting/)).toHaveValue('1.7');
  await preset.selectOption('together-lora-up-to-16b');
  await expect(preset.getByRole('option', { name: /^Together AI: LoRA fine-tuning, up to 16B/ })).toHaveCount(1);
  // Back to exactly the first-load figures, and the page says what changed.
  await expect(summaryOf(card)).toHaveText(first);
  await expect(card.getByLabel(/^Dedicated hosting/)).toHaveValue('0');
  const said = card.getByRole('status').filter({ hasText: 'Preset applied' });
  await expect(said).toContainText('Dedicated hosting');
  await expect(said).toContainText('Input price');
  // The Together preset does not price inference: the table says its
  // example figures are not a provider's price.
  await expect(costsTable(page).getByRole('row', { name: /^API LoRA/ })).toContainText('input price and output price are example figures');
});

test('the dropdown marks closed and retiring presets with their dates, by standing', async ({ page }) => {
  await open(page);
  const card = await openEditor(page, 'API fine-tuning');
  const preset = card.getByLabel('Price preset');
  // A new organisation: OpenAI took no training from it since 2026-05-07.
  await expect(page.getByRole('radio', { name: 'No, never' })).toBeChecked();
  await expect(preset.getByRole('option', { name: /OpenAI: gpt-4\.1-mini.*closed to you since 2026-05-07/ })).toHaveCount(1);
  await expect(preset.getByRole('option', { name: /OpenAI: gpt-4\.1-nano.*retired 2026-10-23/ })).toHaveCount(1);
  await expect(preset).toHaveValue('azure-gpt-4.1-mini-ft');
  // An organisation that trains there now gets OpenAI's fine-tune, which
  // cannot serve the 24-month horizon: the table says so plainly.
  await page.getByRole('radio', { name: 'Yes, within the last 60 days' }).check();
  await expect(preset).toHaveValue('openai-gpt-4.1-mini-ft');
  await expect(preset.getByRole('option', { name: /OpenAI: gpt-4\.1-mini.*training closes after 2027-01-06/ })).toHaveCount(1);
  const row = costsTable(page).getByRole('row', { name: /^API fine-tuning/ });
  await expect(row).toContainText('Cannot serve it: retires after 1.4 months');
  await expect(row).toContainText('Cannot serve the whole horizon (24.0 months)');
  // Prompting gpt-4.1 is costed past its retirement, with a warning.
  await expect(costsTable(page).getByRole('row', { name: /^Prompt engineering/ })).toContainText('gpt-4.1 retires on 2027-01-14');
  // The standing travels in the link and survives a reload.
  await expect(page).toHaveURL(/org=active/);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Yes, within the last 60 days' })).toBeChecked();
});

test('a retired approach is never ranked on a partial total; sensitivity says “retires first”', async ({ page }) => {
  await open(page);
  await page.getByRole('radio', { name: 'Yes, within the last 60 days' }).check();
  // At 100,000 requests a month the OpenAI fine-tune would pay off after
  // its model retires (about 3.8 against 1.4 months).
  await page.getByRole('region', { name: 'Your volume' }).getByRole('textbox', { name: /^Requests per month/ }).fill('100000');
  const cheapest = page.getByRole('region', { name: 'Costs at your volume' }).getByRole('status').filter({ hasText: 'Cheapest over' });
  await expect(cheapest).toBeVisible();
  await expect(cheapest).not.toContainText('API fine-tuning');
  const sens = page.getByRole('region', { name: 'Sensitivity of the break-even' });
  await sens.getByLabel('Baseline').selectOption({ label: 'Prompt engineering' });
  await sens.getByLabel('Candidate').selectOption({ label: 'API fine-tuning' });
  // At the default volume the OpenAI fine-tune cannot pay off before it
  // retires: no multiplier shows a month figure the lifetime rules out.
  const sweep = sens.getByRole('region', { name: 'Multiplier sweep, scrollable' });
  await expect(sweep.getByRole('row', { name: /^2×/ })).toContainText('never (retires first)');
  for (const text of await sweep.getByRole('row').allInnerTexts()) {
    if (/^\d+×/.test(text)) expect(text).toMatch(/never/);
  }
  const pairs = pairsTable(page).getByRole('row', { name: /^API fine-tuning Prompt engineering/ });
  await expect(pairs).toContainText('not within the model\'s lifetime');
});

test('sensitivity bars are coloured by their effect, the current value marked', async ({ page }) => {
  await open(page);
  const sens = page.getByRole('region', { name: 'Sensitivity of the break-even' });
  await sens.getByLabel('Baseline').selectOption({ label: 'Prompt engineering' });
  await sens.getByLabel('Candidate').selectOption({ label: 'API fine-tuning' });
  await expect(sens.getByText(/^Now: /)).toBeVisible();
  const tornado = sens.getByRole('region', { name: 'Tornado, scrollable' });
  const volume = tornado.getByRole('row', { name: /^Monthly volume/ });
  // More volume pays a training off sooner (good), less later (bad).
  await expect(volume.getByRole('cell').nth(1)).toContainText('(sooner)');
  await expect(volume.getByRole('cell').nth(0)).toContainText('(later)');
  const colour = (cell) => cell.locator('.bar').evaluate((el) => getComputedStyle(el).backgroundColor);
  const good = await colour(volume.getByRole('cell').nth(1));
  const bad = await colour(volume.getByRole('cell').nth(0));
  expect(good).not.toBe(bad);
  const training = tornado.getByRole('row', { name: /^One-off \(training\) cost/ });
  expect(await colour(training.getByRole('cell').nth(0))).toBe(good);
  expect(await colour(training.getByRole('cell').nth(1))).toBe(bad);
  const rows = await tornado.getByRole('rowheader').allInnerTexts();
  expect(rows).toHaveLength(6);
});

test('self-hosting says above what monthly volume it wins, and marginal differs from all-in', async ({ page }) => {
  await open(page);
  const pair = pairsTable(page).getByRole('row', { name: /^Self-hosted LoRA Prompt engineering|^Self-hosted LoRA RAG/ }).first();
  await expect(pair).toContainText(/(above|below) [\d,]+ requests a month|at any volume|at no volume/);
  const lora = costsTable(page).getByRole('row', { name: /^Self-hosted LoRA/ });
  const cells = await lora.getByRole('cell').allInnerTexts();
  // Marginal $0.00 (the GPU is paid by the hour), all-in above it.
  expect(cells[0]).toBe('$0.00');
  expect(cells[1]).not.toBe('$0.00');
  const reasons = await pairsTable(page).innerText();
  expect(reasons).not.toMatch(/NaN|Infinity|undefined/);
});

test('the simple break-even says whether it follows the scenario, and fills from it in one click', async ({ page }) => {
  await open(page);
  const panel = page.getByRole('region', { name: 'Simple break-even' });
  await expect(panel.getByText(/^Holds its own figures/)).toBeVisible();
  await panel.getByRole('button', { name: 'Fill from the scenario' }).click();
  await expect(panel.getByText(/^Follows the scenario: .* against (Prompt engineering|RAG)/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Fill from the scenario' })).toBeDisabled();
  await expect(panel.getByLabel(/^Requests per month/)).toHaveValue('500000');
  await panel.getByLabel(/^Training cost/).fill('500');
  await expect(panel.getByText(/^Holds its own figures/)).toBeVisible();
});

test('one request profile: the tokens are typed once and every approach follows', async ({ page }) => {
  await open(page);
  const card = await openEditor(page, 'API fine-tuning');
  await expect(card.getByText(/^Sends 85 % shorter than the shared prompt \(300 tokens\)/)).toBeVisible();
  await page.getByRole('region', { name: 'Your volume' }).getByRole('textbox', { name: /^Prompt tokens per request/ }).fill('1500');
  await expect(card.getByText(/^Sends 85 % shorter than the shared prompt \(225 tokens\)/)).toBeVisible();
  const rag = await openEditor(page, 'RAG');
  await expect(rag.getByText(/^Sends 70 % shorter than the shared prompt \(450 tokens\)/)).toBeVisible();
});

test('the volume slider moves through round volumes, one even step per key', async ({ page }) => {
  await open(page);
  const slider = page.getByRole('slider', { name: 'Drag to change the volume' });
  const volume = page.getByRole('region', { name: 'Your volume' }).getByRole('textbox', { name: /^Requests per month/ });
  await expect(slider).toHaveAttribute('aria-valuetext', '500,000 requests per month');
  await slider.focus();
  const seen = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(Number((await volume.inputValue()).replace(/,/g, '')));
  }
  expect(seen).toEqual([700000, 1000000, 1500000, 2000000]);
  await page.keyboard.press('ArrowLeft');
  await expect(volume).toHaveValue('1500000');
});
