// Findings a user can act on (issue #12): file-level findings say "whole
// file", a line of another format is flagged at its own line, the histogram's
// caption says where the limit is, the chart stays legible on a phone, and
// documents that are not JSONL (a JSON array, a CSV file) get one headline
// and their conversion. Found by role and label, as a screen reader would.
const { test, expect } = require('./fixtures');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');

test.beforeEach(() => test.slow());

const { openDataset: open, dropFile, verdict, verdictBox, findings, groupOf, openGroup, download } = require('./pages');

const chat = (i) => JSON.stringify({ messages: [{ role: 'user', content: `Question ${i}?` }, { role: 'assistant', content: `Answer ${i}.` }] });

test('a line of another format is flagged at its line; file findings say "whole file"', async ({ page }) => {
  await open(page);
  const picker = page.getByLabel('Training file (JSONL)');
  await expect(picker).toHaveAccessibleDescription(/^No file chosen yet\./);
  const lines = [];
  for (let i = 0; i < 30; i++) lines.push(chat(i));
  lines[5] = JSON.stringify({ prompt: 'p', completion: 'c' });
  await dropFile(page, 'mixed.jsonl', lines.join('\n') + '\n');
  await expect(verdict(page)).toHaveText(/^Fix 2 errors in mixed\.jsonl/, { timeout: 60_000 });
  // The picker says which file is checked, and nothing beside it says "No file chosen".
  await expect(picker).toHaveAccessibleDescription(/^Chosen: mixed\.jsonl\./);
  expect(await picker.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  const differs = await openGroup(page, 'missing_messages_list');
  await expect(differs).toContainText('missing_messages_list × 1 · line 6');
  await expect(differs.getByRole('listitem').first()).toContainText('Line 6: This line is prompt / completion; the file is OpenAI chat. Convert it (Downloads → Converted to OpenAI chat)');
  // That download is offered, and converts the odd line.
  await expect(page.getByRole('button', { name: 'Converted to OpenAI chat' })).toBeVisible();
  const mixed = await openGroup(page, 'mixed_formats');
  await expect(mixed).toContainText('mixed_formats × 1 · whole file');
  await expect(mixed.getByRole('listitem').first()).toContainText(/^Whole file: Several formats in one file: most lines \(29\) are OpenAI chat, but prompt \/ completion on line 6\./);
  // The warning about few examples is on the whole file too, never line 1.
  await expect(await openGroup(page, 'few_examples')).toContainText('few_examples × 1 · whole file');
  await expect(findings(page).getByText(/^Line 1\b/)).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'dataset-mixed.png'), fullPage: true });
});

test('the histogram says where the limit is and stays legible on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  const lines = [];
  for (let i = 0; i < 12; i++) lines.push(chat(i));
  await dropFile(page, 'small.jsonl', lines.join('\n') + '\n');
  await expect(verdict(page)).toHaveText(/^Ready/, { timeout: 60_000 });
  const figure = page.getByRole('figure');
  await expect(figure).toContainText(/Examples by tokens per example; every example is within the limit of [\d,]+ tokens\./);
  const chart = page.getByRole('img', { name: /Histogram of tokens per example/ });
  await chart.scrollIntoViewIfNeeded();
  // On a phone the narrow chart is shown, drawn for its width: its text is
  // at least 10 px on screen.
  const size = await chart.evaluate((el) => {
    const shown = [...el.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0);
    const text = shown[0].querySelector('text');
    return { shown: shown.length, px: text.getBoundingClientRect().height, width: shown[0].getBoundingClientRect().width };
  });
  expect(size.shown).toBe(1);
  expect(size.width).toBeLessThanOrEqual(360);
  expect(size.px).toBeGreaterThanOrEqual(10);
  await chart.screenshot({ path: path.join(SHOTS, 'dataset-histogram-phone.png') });
});

test('a pretty-printed JSON array gets one headline, its elements checked, and its conversion', async ({ page }) => {
  await open(page);
  const examples = [];
  for (let i = 0; i < 800; i++) examples.push(JSON.parse(chat(i)));
  // Element 3 has an empty reply: found at its own line, as an example.
  examples[2].messages[1].content = '';
  const text = JSON.stringify(examples, null, 2);
  await dropFile(page, 'big.json', text, 'application/json');
  await expect(verdict(page)).toHaveText('big.json is one JSON array, not JSONL', { timeout: 60_000 });
  const box = verdictBox(page);
  await expect(box).toContainText('799 valid examples (OpenAI chat)');
  await expect(box).toContainText('Its elements were checked as the examples they become in JSONL.');
  await expect(await openGroup(page, 'json_array_not_jsonl')).toContainText('json_array_not_jsonl × 1 · whole file');
  const empty = await openGroup(page, 'missing_content');
  // The third element starts on line 26 of the pretty-printed file (2 + 12 lines per element).
  await expect(empty).toContainText('missing_content × 1 · line 26');
  await expect(findings(page).getByText('invalid_json', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Tokens per valid example/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'dataset-array.png'), fullPage: false });
  const jsonl = await download(page, 'Convert to JSONL');
  expect(jsonl.name).toBe('big.jsonl');
  const lines = jsonl.text.trim().split('\n');
  expect(lines.length).toBe(800);
  expect(JSON.parse(lines[799]).messages[1].content).toBe('Answer 799.');
});

test('a CSV file renamed .jsonl is named as a CSV table and converts to JSONL', async ({ page }) => {
  await open(page);
  const rows = ['prompt,completion'];
  for (let i = 0; i < 101; i++) rows.push(`"What is ${i} + ${i}?","It is ${2 * i}, ""exactly""."`);
  await dropFile(page, 'sums.jsonl', rows.join('\r\n') + '\r\n', 'text/csv');
  await expect(verdict(page)).toHaveText('sums.jsonl is a CSV table, not JSONL', { timeout: 60_000 });
  const box = verdictBox(page);
  await expect(box).toContainText('Its rows were checked as the examples they become in JSONL.');
  await expect(box).toContainText('101 valid examples (prompt / completion)');
  await expect(findings(page).getByText('invalid_json', { exact: true })).toHaveCount(0);
  await expect(await openGroup(page, 'csv_not_jsonl')).toContainText('csv_not_jsonl × 1 · whole file');
  await page.screenshot({ path: path.join(SHOTS, 'dataset-csv.png'), fullPage: false });
  const jsonl = await download(page, 'Convert to JSONL');
  expect(jsonl.name).toBe('sums.converted.jsonl');
  const lines = jsonl.text.trim().split('\n');
  expect(lines.length).toBe(101);
  expect(JSON.parse(lines[3])).toEqual({ prompt: 'What is 3 + 3?', completion: 'It is 6, "exactly".' });
});
