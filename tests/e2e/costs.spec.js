// The cost and break-even calculator (costs.html), driven by role and label.
const { test, expect, freshContext } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');

const { openCosts: open, editorOf, openEditor } = require('./pages');

// Found as a person finds them: by role and accessible name.
const chart = (page) => page.getByRole('img', { name: /^Cumulative cost/ });
const volumeField = (page) => page.getByRole('region', { name: 'Your volume' }).getByRole('textbox', { name: /^Requests per month/ });
const chartPanel = (page) => page.getByRole('region', { name: 'Cumulative cost by volume' });

test('the seed example: $500 ÷ $0.01 = 50,000 requests', async ({ page }) => {
  await open(page);
  const panel = page.getByRole('region', { name: 'Simple break-even' });
  await panel.getByLabel(/^Training cost/).fill('500');
  await panel.getByLabel(/^Saving per request/).fill('0.01');
  await panel.getByLabel(/^Requests per month/).fill('10,000');
  await expect(panel.getByRole('status')).toContainText('Break-even at 50,000 requests');
  await expect(panel.getByRole('status')).toContainText('5.0 months');
  await panel.getByLabel(/^Saving per request/).fill('0');
  await expect(panel.getByRole('status')).toContainText('Never');
});

test('the full model reproduces the seed rule between two approaches', async ({ page }) => {
  // Prompting at $0.02 a request against a tune at $0.01 with $500 up front.
  await open(page);
  const setAll = async (name, values) => {
    const card = await openEditor(page, name);
    for (const [label, value] of Object.entries(values)) {
      await card.getByRole('textbox', { name: new RegExp('^' + label.replace(/[()]/g, '\\$&') + ' \\(') }).fill(String(value));
    }
  };
  await volumeField(page).fill('10000');
  // Only two approaches: untick the others.
  for (const name of ['RAG', 'API LoRA', 'Self-hosted LoRA', 'Self-hosted full']) {
    const card = await openEditor(page, name);
    await card.getByLabel('Include in the comparison').uncheck();
  }
  // One request profile for both: a 1,000,000-token prompt, nothing out, no retries.
  const volumePanel = page.getByRole('region', { name: 'Your volume' });
  await volumePanel.getByRole('textbox', { name: /^Prompt tokens per request/ }).fill('1000000');
  await volumePanel.getByRole('textbox', { name: /^Output tokens per request/ }).fill('0');
  await volumePanel.getByRole('textbox', { name: /^Retry rate/ }).fill('0');
  await setAll('Prompt engineering', { 'Input price': 0.02, 'Input served from cache': 0, 'Requests sent by batch': 0 });
  await setAll('API fine-tuning', { 'Prompt length': 100, 'Input price': 0.01, 'Tuned price multiplier': 1, 'Input served from cache': 0, 'Requests sent by batch': 0, 'Data preparation': 500, 'Dedicated hosting': 0 });
  const card = editorOf(page, 'API fine-tuning');
  await card.getByLabel('Training billed by').selectOption('none');
  await page.getByLabel('Planned start').fill('2026-12-01');
  const table = page.getByRole('region', { name: 'Costs at your volume' });
  await expect(table.getByRole('row', { name: /API fine-tuning.*Prompt engineering/ })).toContainText('after 50,000 requests (5.0 months)');
});

test('changing the price multiplier moves the break-even and redraws the chart', async ({ page }) => {
  await open(page);
  const table = page.getByRole('region', { name: 'Costs at your volume' });
  const row = table.getByRole('row', { name: /^API fine-tuning Prompt engineering/ });
  const before = await row.textContent();
  const svgBefore = await chart(page).innerHTML();
  const card = await openEditor(page, 'API fine-tuning');
  await card.getByLabel(/^Tuned price multiplier/).fill('5');
  await expect(row).not.toHaveText(before);
  expect(await chart(page).innerHTML()).not.toBe(svgBefore);
  // The sensitivity table lists 2× to 10×.
  const sens = page.getByRole('region', { name: 'Sensitivity of the break-even' });
  await expect(sens.getByRole('row', { name: /^10×/ })).toBeVisible();
});

test('invalid input gets a clear message and never NaN or a blank page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  const volume = volumeField(page);
  const panel = page.getByRole('region', { name: 'Your volume' });
  for (const [text, message] of [['abc', 'is not a number'], ['-5', '0 or more'], ['', 'Enter a number'], ['1e99', 'Too large'], ['1,2,3', 'three']]) {
    await volume.fill(text);
    await expect(panel.getByText(message)).toBeVisible();
    await expect(volume).toHaveAttribute('aria-invalid', 'true');
  }
  // A decimal comma is read as one, never as a thousands separator.
  await volume.fill('2,50');
  await expect(volume).not.toHaveAttribute('aria-invalid', 'true');
  const body = await page.getByRole('main').innerText();
  expect(body).not.toMatch(/NaN|Infinity|∞/);
  await volume.fill('250000');
  await expect(volume).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('is not a number')).toBeHidden();
  expect(errors).toEqual([]);
});

test('exports download a valid SVG and CSV', async ({ page }) => {
  await open(page);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('tunewise-costs.svg');
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText.trim().endsWith('</svg>')).toBe(true);
  expect(svgText).toContain('Cumulative cost');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  // Lines starting with # are comments (title, date, assumptions).
  const lines = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n').filter((l) => !l.startsWith('#'));
  expect(lines[0]).toMatch(/^requests,months,Prompt engineering,RAG/);
  expect(lines.length).toBe(52);
  for (const line of lines.slice(1)) expect(line.split(',').every((x) => Number.isFinite(Number(x)))).toBe(true);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  const bytes = fs.readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('inputs survive a reload and travel in the link', async ({ page, browser }) => {
  await open(page);
  await volumeField(page).fill('123456');
  await page.getByLabel('Logarithmic volume axis').check();
  await page.reload();
  await expect(volumeField(page)).toHaveValue('123456');
  await expect(page.getByLabel('Logarithmic volume axis')).toBeChecked();
  const link = page.url();
  expect(link).toContain('costs.html#/costs?v=123456');
  const fresh = await freshContext(browser);
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(volumeField(other)).toHaveValue('123456');
  await fresh.close();
});

test('a preset whose training has closed is left out, with the reason', async ({ page }) => {
  await open(page);
  // An organisation that trains at OpenAI keeps its fine-tune until OpenAI
  // stops new training jobs after 2027-01-06; its models retire later.
  await page.getByRole('radio', { name: 'Yes, within the last 60 days' }).check();
  await page.getByLabel('Planned start').fill('2027-01-10');
  const note = page.getByText('Left out as unavailable');
  await expect(note).toContainText('API fine-tuning (OpenAI stopped accepting new training jobs after 2027-01-06');
  await expect(note).not.toContainText('Prompt engineering');
  await page.getByLabel('Include unavailable presets').check();
  await expect(page.getByText('Left out as unavailable')).toBeHidden();
});

test('the readout follows the keyboard', async ({ page }) => {
  await open(page);
  const slider = page.getByLabel(/Read the figures at a volume/);
  await slider.focus();
  await page.keyboard.press('Home');
  const title = chartPanel(page).getByText(/^At [\d,.]+ requests/);
  const start = await title.textContent();
  await page.keyboard.press('End');
  const end = await title.textContent();
  expect(start).not.toBe(end);
  await expect(chartPanel(page).getByRole('listitem')).toHaveCount(6);
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations on the cost page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await openEditor(page, 'API fine-tuning');
    expect(await axe(page)).toEqual([]);
  });
}

test('screenshot of the chart', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  await chartPanel(page).screenshot({ path: path.join(SHOTS, 'costs-chart.png') });
  await page.screenshot({ path: path.join(SHOTS, 'costs-page.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The chart is redrawn at the phone's width, so its labels stay legible.
  await expect.poll(() => chart(page).evaluate((c) => c.querySelector('svg').getAttribute('width'))).toBe('300');
  await chartPanel(page).screenshot({ path: path.join(SHOTS, 'costs-chart-phone.png') });
});

test('a #/costs link on the main page opens the calculator with its state', async ({ page }) => {
  await page.goto('/#/costs?v=4242');
  await expect(page).toHaveURL(/costs\.html#\/costs\?v=4242/);
  await expect(volumeField(page)).toHaveValue('4242');
});
