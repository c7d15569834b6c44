// The decision report (report.html): built from the user's saved work or
// from a shared link, downloaded as Markdown and JSON, printed on A4 and
// Letter, and accessible in light and dark.
const { test, expect, freshContext } = require('./fixtures');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');

const { QUESTIONS } = require('./pages');
const ANSWERS = ['No', 'No', 'Yes', 'Enough for training', 'Medium'];
const OUTCOME = 'LoRA or fine-tuning';

// The brief the Dataset page saves for a checked file (DatasetBrief::to_query).
const BRIEF_KEY = 'tunewise.dataset-brief.v1';
const BRIEF = 'f=train.jsonl&at=2026-12-01T10:15:00Z&fmt=chat&l=87&v=87&c=87&e=0&w=0&enc=o200k_base&tt=45210&tr=20110&min=10';

/** A count as the app writes it: thousands separators, no decimals. */
const count = (n) => Math.round(n).toLocaleString('en-US');

async function walkWizard(page) {
  await page.goto('/');
  for (let i = 0; i < ANSWERS.length; i++) {
    await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[i] })).toBeVisible();
    await page.getByRole('radio', { name: ANSWERS[i], exact: true }).check();
    const last = i === ANSWERS.length - 1;
    await page.getByRole('button', { name: last ? 'See the recommendation' : 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: OUTCOME, exact: true })).toBeVisible();
}

async function openReport(page, url = '/report.html') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Decision report' })).toBeVisible();
}

const section = (page, name) => page.getByRole('region', { name, exact: true });

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('the report of a finished wizard, downloaded as Markdown and JSON', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await walkWizard(page);
  await openReport(page);
  await expect(page).toHaveTitle('Decision report · tunewise');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  for (const name of ['Recommendation', 'Key costs', 'Recommended approach and break-even', 'Cost chart', 'Dataset', 'Assumptions']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  const recommendation = section(page, 'Recommendation');
  await expect(recommendation).toContainText(OUTCOME);
  await expect(recommendation.getByRole('listitem').filter({ hasText: QUESTIONS[4] })).toContainText('Medium');

  // Key costs: a real table, one row per compared approach.
  const costs = page.getByRole('table', { name: /^Key costs of every compared approach/ });
  await expect(costs.getByRole('columnheader')).toHaveText(['Approach', 'Per request', 'One-off', 'Monthly', 'Total over 24.0 months']);
  await expect(costs.getByRole('row')).toHaveCount(7);
  await expect(costs.getByRole('row').filter({ hasText: 'recommended' })).toHaveCount(1);
  // The calculator was never touched: the costs say they are examples.
  await expect(section(page, 'Key costs').getByRole('link', { name: 'Enter your figures in the cost calculator' })).toHaveAttribute('href', 'costs.html');
  // No dataset was checked: the section says so and where to do it.
  await expect(section(page, 'Dataset')).toContainText('Not filled in. No dataset has been checked');
  await expect(section(page, 'Dataset').getByRole('link', { name: 'Check a dataset' })).toHaveAttribute('href', 'dataset.html');
  // The chart, with its text alternative.
  const chart = page.getByRole('img', { name: /^Chart of the cumulative cost of / });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg')).toHaveCount(1);
  // Every price source is a link, with its date.
  const sources = page.getByRole('table', { name: 'Price sources of the compared approaches' });
  await expect(sources.getByRole('row')).toHaveCount(7);
  await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  await expect(sources.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ }).first()).toBeVisible();

  const json = await download(page, 'Download JSON');
  expect(json.name).toBe('tunewise-report.json');
  const doc = JSON.parse(json.text);
  expect(doc.schema).toBe('tunewise.report');
  expect(doc.schema_version).toBe(1);
  expect(doc.made_on).toBe('2026-12-01');
  expect(doc.recommendation.status).toBe('filled');
  expect(doc.recommendation.title).toBe(OUTCOME);
  expect(doc.recommended_approach.status).toBe('filled');
  expect(doc.costs.approaches).toHaveLength(6);
  expect(doc.dataset.status).toBe('missing');
  expect(doc.dataset.url).toBe('dataset.html');
  const rows = doc.recommended_approach.against;
  expect(rows).toHaveLength(5);
  const row = rows.find((r) => r.simple_requests !== null);
  expect(row).toBeTruthy();
  const simple = `${count(row.simple_requests)} requests`;

  const md = await download(page, 'Download Markdown');
  expect(md.name).toBe('tunewise-report.md');
  expect(md.text.startsWith('# Decision report\n')).toBe(true);
  expect(md.text).toContain(`**${OUTCOME}**`);
  expect(md.text).toContain('## Recommended approach and break-even');
  expect(md.text).toContain(simple);
  // The page shows the same break-even figure as both files.
  const breakEven = page.getByRole('table', { name: /^Break-even of “/ });
  await expect(breakEven.getByRole('row')).toHaveCount(6);
  await expect(breakEven.getByRole('row', { name: new RegExp(`^${row.other.replace(/[()/.]/g, '.')}`) })).toContainText(simple);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the link shows the same report in a fresh context and never overwrites saved work', async ({ page, browser }) => {
  await walkWizard(page);
  await openReport(page);
  const link = await page.getByRole('textbox', { name: 'Link to this report' }).inputValue();
  expect(link).toMatch(/\/report\.html#\/report\?v=1&w=.*&end=1$/);
  await page.getByRole('button', { name: 'Copy link to this report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();

  const fresh = await freshContext(browser);
  const other = await fresh.newPage();
  await openReport(other, link);
  await expect(section(other, 'Recommendation')).toContainText(OUTCOME);
  await expect(other.getByRole('status').filter({ hasText: 'your own saved work is unchanged' })).toBeVisible();
  expect(await other.evaluate(() => localStorage.length)).toBe(0);
  // The fresh context's own (empty) report, and its link.
  await other.getByRole('link', { name: 'Show the report of your own work' }).click();
  await expect(section(other, 'Recommendation')).toContainText('The wizard has not been filled in');
  await expect(section(other, 'Recommendation').getByRole('link', { name: 'Fill it in with the wizard' })).toHaveAttribute('href', 'index.html#/wizard');
  const emptyLink = await other.getByRole('textbox', { name: 'Link to this report' }).inputValue();
  await fresh.close();

  // Viewing someone's empty report leaves this user's own work alone.
  await openReport(page, emptyLink);
  await expect(section(page, 'Recommendation')).toContainText('Not filled in');
  await openReport(page);
  await expect(section(page, 'Recommendation')).toContainText(OUTCOME);
  await expect(page.getByRole('status').filter({ hasText: 'shared link' })).toHaveCount(0);
});

test('a damaged, cut or newer link says so and still shows a report', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await walkWizard(page);
  await openReport(page);
  const link = await page.getByRole('textbox', { name: 'Link to this report' }).inputValue();

  const cut = link.slice(0, Math.floor(link.length / 2));
  const fresh = await freshContext(page.context().browser());
  const other = await fresh.newPage();
  other.on('pageerror', (e) => errors.push(e.message));
  await openReport(other, cut);
  await expect(other.getByRole('status').filter({ hasText: 'This link has a problem.' })).toContainText('cut short');
  await expect(other.getByRole('table', { name: /^Key costs/ })).toBeVisible();
  await expect(section(other, 'Recommendation')).toContainText(OUTCOME);

  await openReport(other, link.replace('#/report?v=1&', '#/report?v=7&'));
  await expect(other.getByRole('status').filter({ hasText: 'This link has a problem.' })).toContainText('newer version of tunewise');
  await expect(section(other, 'Recommendation')).toContainText(OUTCOME);

  await openReport(other, link.replace(/&c=[^&]*/, '&c=v%3Dbanana%26zz%3D1'));
  await expect(other.getByRole('status').filter({ hasText: 'This link has a problem.' })).toContainText('the cost figures was reset');
  await expect(other.getByRole('table', { name: /^Key costs/ }).getByRole('row')).toHaveCount(7);

  await openReport(other, '/report.html#/report?%%%&\u0000');
  await expect(other.getByRole('status').filter({ hasText: 'This link has a problem.' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 2, name: 'Assumptions' })).toBeVisible();
  await fresh.close();
  expect(errors).toEqual([]);
});

test('the dataset summary, and a report that follows other tabs', async ({ page, context }) => {
  await openReport(page);
  await expect(section(page, 'Dataset')).toContainText('Not filled in');
  // Another tab checks a dataset and finishes the wizard: this one follows.
  const tab = await context.newPage();
  await walkWizard(tab);
  await tab.evaluate(([k, v]) => localStorage.setItem(k, v), [BRIEF_KEY, BRIEF]);
  await expect(section(page, 'Recommendation')).toContainText(OUTCOME);
  const dataset = section(page, 'Dataset');
  await expect(dataset).toContainText('Too few examples');
  await expect(dataset).toContainText('train.jsonl');
  await expect(dataset.getByRole('definition').filter({ hasText: '45,210 in all' })).toBeVisible();
});

/** Prints the page to PDF in `format` and converts it to PNG pages; returns their paths. */
async function printPages(page, format) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const stem = `report-print-${format.toLowerCase()}`;
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(stem)) fs.rmSync(path.join(SHOTS, f));
  const pdf = path.join(SHOTS, `${stem}.pdf`);
  await page.pdf({ path: pdf, format, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SHOTS, stem)]);
  return fs.readdirSync(SHOTS).filter((f) => f.startsWith(stem) && f.endsWith('.png')).sort();
}

test('prints cleanly on A4 and Letter, light even in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await walkWizard(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [BRIEF_KEY, BRIEF]);
  await openReport(page);
  await expect(section(page, 'Dataset')).toContainText('train.jsonl');

  // Print media: no navigation or buttons, light colours, nothing wider than the page.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Link to this report' })).toBeHidden();
  const colours = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return [s.backgroundColor, s.color];
  });
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);

  for (const format of ['A4', 'Letter']) {
    const pngs = await printPages(page, format);
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    // Six pages, and the training plan's figures (the wizard is finished).
    expect(pngs.length).toBeLessThanOrEqual(8);
  }
  // Laid out at a printed page's width, nothing overflows it.
  await page.setViewportSize({ width: 700, height: 1000 });
  const overflow = await page.evaluate(() => {
    const width = document.querySelector('main').clientWidth;
    return [...document.querySelectorAll('table, svg, figure, pre')]
      .map((el) => Math.ceil(el.getBoundingClientRect().width))
      .filter((w) => w > width);
  });
  expect(overflow).toEqual([]);
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations on the report (${scheme})`, async ({ page, browser }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await walkWizard(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [BRIEF_KEY, BRIEF]);
    await openReport(page);
    await expect(section(page, 'Dataset')).toContainText('train.jsonl');
    expect(await axe(page)).toEqual([]);
    // An empty report opened from a damaged link: missing sections and the note.
    const fresh = await freshContext(browser, { colorScheme: scheme });
    const other = await fresh.newPage();
    await openReport(other, '/report.html#/report?v=1&w=pe%3Dno');
    await expect(other.getByRole('status').filter({ hasText: 'This link has a problem.' })).toBeVisible();
    expect(await axe(other)).toEqual([]);
    await fresh.close();
  });
}

test('screenshots of the report, light and dark', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await walkWizard(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [BRIEF_KEY, BRIEF]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await openReport(page);
    await expect(page.getByRole('img', { name: /^Chart of the cumulative cost/ })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `report-${scheme}.png`), fullPage: true });
  }
});
