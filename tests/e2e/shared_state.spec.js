// State shared through local storage: the Dataset page keeps the last
// checked file's report (never its contents), so leaving for the cost
// calculator and coming back, or reloading, shows it again; two open tabs
// of the site follow each other (wizard, calculator, dataset settings and
// the kept report) without a reload. Everything is found by role and label.
const { test, expect, freshContext } = require('./fixtures');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');
const REPORT_KEY = 'tunewise.dataset-report.v1';
const BRIEF_KEY = 'tunewise.dataset-brief.v1';

async function openDataset(page) {
  await page.goto('/dataset.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();
}

async function checkValidFile(page) {
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/, { timeout: 20_000 });
}

const verdict = (page) => page.getByRole('heading', { level: 2, name: /^(Ready|Fix)/ });
const keptReport = (page) => page.getByRole('group', { name: /^Report kept from an earlier visit/ });
const stored = (page, key) => page.evaluate((k) => window.localStorage.getItem(k), key);

test('the last report is back after a visit to the calculator, without its file', async ({ browser }) => {
  // Berlin is UTC+1 in December: the frozen 09:00 UTC reads 10:00 there.
  const context = await freshContext(browser, { timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await openDataset(page);
  await checkValidFile(page);
  await expect(page.getByText(/kept on this device for your next visit: chat_valid\.jsonl, checked 2026-12-01 10:00\./)).toBeVisible();
  // What is kept holds counts, not lines; the brief is kept for the wizard.
  const json = await stored(page, REPORT_KEY);
  expect(JSON.parse(json)).toMatchObject({ version: 1, file_name: 'chat_valid.jsonl', checked_at: '2026-12-01T10:00:00+01:00' });
  expect(json).not.toContain('What is 1 + 1?');
  expect(JSON.parse(json).report.excerpts).toEqual({});
  expect(await stored(page, BRIEF_KEY)).toContain('f=chat_valid.jsonl');

  await page.getByRole('region', { name: 'Training tokens and cost' })
    .getByRole('link', { name: 'Use these numbers in the cost calculator' }).click();
  await expect(page).toHaveURL(/costs\.html#\/costs\?/);
  await expect(page.getByRole('heading', { level: 1, name: 'Costs and break-even' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dataset' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();

  // No file is chosen now: the kept report shows, and says what it lacks.
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/);
  const kept = keptReport(page);
  await expect(kept).toContainText('chat_valid.jsonl, checked 2026-12-01 10:00');
  await expect(kept).toContainText('the file itself is not');
  const stats = page.getByRole('table', { name: /Tokens per valid example/ });
  await expect(stats.getByRole('row', { name: /^Total/ }).getByRole('cell')).toHaveText('444');
  await expect(page.getByRole('region', { name: 'Training tokens and cost' })).toContainText('3,996 billed tokens');
  // Downloads are made from the file: none is offered, and the page says why.
  const downloads = page.getByRole('region', { name: 'Downloads' });
  await expect(downloads).toContainText('pick chat_valid.jsonl again');
  await expect(downloads.getByRole('button')).toHaveCount(0);
  await expect(page.getByText(/^Chosen:/)).toHaveCount(0);

  // The calculator link still works from the kept report, and back again.
  await page.getByRole('region', { name: 'Training tokens and cost' })
    .getByRole('link', { name: 'Use these numbers in the cost calculator' }).click();
  await expect(page).toHaveURL(/costs\.html#\/costs\?/);
  await page.goBack();
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/);
  await expect(page.getByText(/chat_valid\.jsonl, checked 2026-12-01 10:00/).first()).toBeVisible();
  await context.close();
});

test('two open tabs follow each other without a reload', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  // The wizard: an answer given in one tab shows in the other.
  await a.goto('/');
  await b.goto('/');
  const first = 'Can prompt engineering solve it?';
  const second = 'Can retrieval (RAG) solve it?';
  await expect(b.getByRole('heading', { level: 2, name: first })).toBeVisible();
  await a.getByRole('radio', { name: 'No', exact: true }).check();
  await a.getByRole('button', { name: 'Next question' }).click();
  await expect(a.getByRole('heading', { level: 2, name: second })).toBeVisible();
  await expect(b.getByRole('heading', { level: 2, name: second })).toBeVisible();
  await expect(b).toHaveURL(/#\/wizard\?/);

  // The calculator: the monthly volume typed in one tab shows in the other.
  await a.goto('/costs.html');
  await b.goto('/costs.html');
  const volume = (page) => page.getByRole('region', { name: 'Your volume' }).getByRole('textbox', { name: /^Requests per month/ });
  await expect(volume(b)).toBeVisible();
  await volume(a).fill('12,345');
  await expect(volume(b)).toHaveValue('12345');
  // And the other way round, with no echo undoing it.
  await volume(b).fill('7,000');
  await expect(volume(a)).toHaveValue('7000');
  await a.waitForTimeout(500);
  await expect(volume(a)).toHaveValue('7000');
  // The tab typed in keeps the text as typed.
  await expect(volume(b)).toHaveValue('7,000');

  // The Dataset page: settings, and a report checked in one tab shows in
  // the other while it has no file of its own.
  await openDataset(a);
  await openDataset(b);
  await a.getByLabel('Provider').selectOption('together');
  await expect(b.getByLabel('Provider')).toHaveValue('together');
  await checkValidFile(a);
  await expect(verdict(b)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/);
  await expect(keptReport(b)).toContainText('chat_valid.jsonl, checked 2026-12-01');
  // Forgotten in one tab, gone from the other.
  await a.getByRole('button', { name: 'Forget this report' }).click();
  await expect(verdict(b)).toHaveCount(0);
  await expect(b.getByRole('status').filter({ hasText: 'Forgotten' })).toBeVisible();
  // The tab that checked the file still shows it (the file is still there).
  await expect(verdict(a)).toHaveText(/^Ready: 12 valid examples/);
});

test('the kept report survives a reload, and "Forget this report" clears it', async ({ page }) => {
  await openDataset(page);
  await checkValidFile(page);
  await page.reload();
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/);
  await expect(keptReport(page)).toContainText(/chat_valid\.jsonl, checked 2026-12-01 \d\d:\d\d/);
  await page.getByRole('button', { name: 'Forget this report' }).click();
  await expect(verdict(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Forgotten: nothing of the last report is kept' })).toBeVisible();
  await expect(page.getByLabel('Training file (JSONL)')).toBeFocused();
  expect(await stored(page, REPORT_KEY)).toBeNull();
  expect(await stored(page, BRIEF_KEY)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Files' })).toBeVisible();
  await expect(verdict(page)).toHaveCount(0);
  await expect(keptReport(page)).toHaveCount(0);
});

test('a damaged or foreign kept report is ignored, not shown', async ({ page }) => {
  await page.goto('/dataset.html');
  await page.evaluate(([key]) => {
    window.localStorage.setItem(key, '{"version":2,"file_name":"<b>x</b>","checked_at":"now","report":{}}');
  }, [REPORT_KEY]);
  await openDataset(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Files' })).toBeVisible();
  await expect(verdict(page)).toHaveCount(0);
  await expect(keptReport(page)).toHaveCount(0);
});
