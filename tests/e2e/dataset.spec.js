// The dataset validator (dataset.html): files are dropped or picked, checked
// in a Web Worker, and the verdict, findings and statistics are read back
// by role and label, as a screen reader would.
const { test, expect, freshContext } = require('./fixtures');
const { openDataset: open, dropFile, verdictBox, verdict, findings, groupOf, openGroup } = require('./pages');
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');
const SHOTS = path.resolve(__dirname, '../../target/screenshots');

// The first check of a page builds its tokenizer from the vocabulary in the
// worker (seconds; more on a busy machine): these tests get three times the
// usual time, and their first verdict up to a minute.
test.beforeEach(() => test.slow());

test('a valid file dropped on the page is ready, with exact token counts', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  const before = requests.length;
  await dropFile(page, 'chat_valid.jsonl', fs.readFileSync(path.join(FIXTURES, 'chat_valid.jsonl')));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in chat_valid\.jsonl/, { timeout: 60_000 });
  // 12 examples × 37 tokens each (Python tiktoken, o200k_base, the notebook's rule).
  const stats = page.getByRole('table', { name: /Tokens per valid example/ });
  const cell = (name) => stats.getByRole('row', { name: new RegExp('^' + name) }).getByRole('cell');
  await expect(cell('Total')).toHaveText('444');
  await expect(cell('Trainable')).toHaveText('96');
  await expect(cell('Mean per example')).toHaveText('37.0');
  await expect(cell('Median')).toHaveText('37');
  await expect(cell('95th percentile')).toHaveText('37');
  await expect(cell('Maximum')).toHaveText('37');
  await expect(cell('Examples over the limit')).toHaveText('0');
  await expect(page.getByRole('img', { name: /Histogram of tokens per example/ })).toBeVisible();
  // Nothing left the page but the vocabulary fetched from this same site.
  const after = requests.slice(before);
  for (const url of after) {
    expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    expect(url).not.toMatch(/upload|api\./);
  }
  await page.screenshot({ path: path.join(SHOTS, 'dataset-valid.png'), fullPage: true });
});

test('a broken file names its problems and line numbers', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_broken.jsonl'));
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors? in chat_broken\.jsonl/, { timeout: 60_000 });
  // Each kind names its lines: the fixture's line 4 is not JSON, line 5 is
  // an array, line 6 has the role "robot", line 2 repeats line 1.
  const group = groupOf(page, 'invalid_json');
  await expect(group).toContainText('invalid_json × 1 · line 4');
  await expect(groupOf(page, 'data_type')).toContainText(/data_type × \d+ · lines? [\d, ]*5/);
  await expect(groupOf(page, 'unrecognized_role')).toContainText(/unrecognized_role × \d+ · lines? [\d, ]*6/);
  await expect(groupOf(page, 'duplicate_example')).toContainText(/duplicate_example × \d+ · lines? [\d, ]*2/);
  await openGroup(page, 'invalid_json');
  await expect(group.getByText(/^Line \d+/).first()).toBeVisible();
  await group.getByText(/^Show line/).first().click();
  // The offending line is shown as text, exactly.
  await expect(group.getByText('not json at all', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'dataset-broken.png'), fullPage: true });
});

test('a binary file gets a clear verdict, not a crash', async ({ page }) => {
  await open(page);
  await dropFile(page, 'binary.png', fs.readFileSync(path.join(FIXTURES, 'binary.png')), 'image/png');
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors? in binary\.png/, { timeout: 60_000 });
  await expect(findings(page).getByText(/^(invalid_utf8|invalid_json)$/).first()).toBeVisible();
  // A file saved as UTF-16 (Windows Notepad's "Unicode") is named as such.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"prompt":"a","completion":"b"}\n', 'utf16le')]);
  await dropFile(page, 'notepad.jsonl', utf16);
  await expect(verdict(page)).toHaveText(/in notepad\.jsonl$/, { timeout: 60_000 });
  const group = await openGroup(page, 'utf16_file');
  await expect(group).toContainText('Save it as UTF-8');
});

test('a large validation shows progress and can be cancelled', async ({ page }) => {
  await open(page);
  // About 120 MB of chat lines, made in the page (no fixture on disk).
  await page.evaluate(() => {
    const line = JSON.stringify({ messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Summarise: ' + 'the quick brown fox jumps over the lazy dog. '.repeat(20) },
      { role: 'assistant', content: 'A fox jumps over a dog. '.repeat(10) },
    ] }) + '\n';
    const chunk = line.repeat(Math.ceil((4 << 20) / line.length));
    const file = new File(Array(30).fill(chunk), 'big.jsonl');
    const dt = new DataTransfer();
    dt.items.add(file);
    document.getElementsByTagName('main')[0].dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const bar = page.getByRole('progressbar', { name: 'Checking the training file' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('group', { name: 'Checking the training file' }).getByText(/ % · /)).toHaveText(/^[1-9]\d* % · [\d.]+ MB of 1\d\d\.\d MB · [\d,]+ lines$/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: big.jsonl was not checked' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(verdict(page)).toHaveCount(0);
});

test('a validation file is checked too, and examples in both files are flagged', async ({ page }) => {
  await open(page);
  const lines = fs.readFileSync(path.join(FIXTURES, 'chat_valid.jsonl'), 'utf8').split('\n');
  const validation = [lines[0], lines[1], '{"messages":[{"role":"user","content":"new"},{"role":"assistant","content":"one"}]}'].join('\n') + '\n';
  await page.getByLabel('Validation file (optional)').setInputFiles({ name: 'valid_set.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(validation) });
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  const region = page.getByRole('region', { name: 'Validation set' });
  await expect(region).toContainText('valid_set.jsonl: 3 valid examples, 0 errors, 3 warnings; 2 examples also in the training file.', { timeout: 60_000 });
});

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('downloads: findings, valid lines and a reproducible 80/20 split', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_broken.jsonl'));
  await expect(verdict(page)).toHaveText(/^Fix/, { timeout: 60_000 });
  const json = await download(page, 'Findings (JSON)');
  expect(json.name).toBe('chat_broken.findings.json');
  const report = JSON.parse(json.text);
  expect(report.error_counts.invalid_json).toBe(1);
  expect(report.errors.find((e) => e.code === 'invalid_json').line).toBe(4);
  const csv = await download(page, 'Findings (CSV)');
  expect(csv.text.split('\n')[0]).toBe('line,severity,code,field,message');
  const valid = await download(page, 'Valid lines only');
  expect(valid.name).toBe('chat_broken.valid.jsonl');
  // Line 1 only: line 2 repeats it and the others have errors.
  expect(valid.text.trim().split('\n')).toHaveLength(report.clean_examples);

  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready/, { timeout: 60_000 });
  const [a, b] = await Promise.all([
    page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.train.jsonl')),
    page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.test.jsonl')),
    page.getByRole('button', { name: '80/20 train/test split' }).click(),
  ]);
  const train = fs.readFileSync(await a.path(), 'utf8').trim().split('\n');
  const testPart = fs.readFileSync(await b.path(), 'utf8').trim().split('\n');
  // 12 examples: 10 to train, 2 to test (round(12 × 0.2) = 2), none lost.
  expect([train.length, testPart.length]).toEqual([10, 2]);
  const all = fs.readFileSync(path.join(FIXTURES, 'chat_valid.jsonl'), 'utf8').trim().split('\n');
  expect([...train, ...testPart].sort()).toEqual([...all].sort());
});

test('other formats convert to OpenAI chat, and a JSON array to JSONL', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'alpaca.jsonl'));
  await expect(verdictBox(page)).toContainText('(Alpaca)', { timeout: 60_000 });
  const chat = await download(page, 'Converted to OpenAI chat');
  expect(chat.name).toBe('alpaca.chat.jsonl');
  const first = JSON.parse(chat.text.split('\n')[0]);
  expect(first.messages).toEqual([
    { role: 'user', content: 'Translate to French.\n\nGood morning' },
    { role: 'assistant', content: 'Bonjour' },
  ]);

  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'array.json'));
  await expect(groupOf(page, 'json_array_not_jsonl')).toBeVisible({ timeout: 60_000 });
  const jsonl = await download(page, 'Convert to JSONL');
  expect(jsonl.name).toBe('array.jsonl');
  expect(jsonl.text.trim().split('\n').map((l) => JSON.parse(l).messages[1].content)).toEqual(['Hello!', 'Goodbye!']);
});

test('keyboard only: the file button opens the chooser, choices survive a reload', async ({ page }) => {
  await open(page);
  await page.getByLabel('Provider').focus();
  await page.keyboard.press('Tab');
  await page.getByLabel('Provider').selectOption('together');
  await page.getByLabel('Tokenizer').selectOption('cl100k_base');
  await page.getByLabel('Training file (JSONL)').focus();
  await expect(page.getByLabel('Training file (JSONL)')).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready/, { timeout: 60_000 });
  // Focus moves to the verdict, so a screen reader reads it next.
  await expect(verdict(page)).toBeFocused();
  await expect(page.getByRole('table', { name: /cl100k_base/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Provider')).toHaveValue('together');
  await expect(page.getByLabel('Tokenizer')).toHaveValue('cl100k_base');
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations on the dataset report (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_broken.jsonl'));
    await expect(verdict(page)).toHaveText(/^Fix/, { timeout: 60_000 });
    await openGroup(page, 'invalid_json');
    expect(await axe(page)).toEqual([]);
  });
}

test('the report fits a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_broken.jsonl'));
  await expect(verdict(page)).toHaveText(/^Fix/, { timeout: 60_000 });
  await openGroup(page, 'invalid_json');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, 'dataset-phone.png'), fullPage: true });
});

test('"use these numbers in the cost calculator" carries tokens, epochs and price', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready/, { timeout: 60_000 });
  const cost = page.getByRole('region', { name: 'Training tokens and cost' });
  // 12 examples: the notebook's rule gives 9 epochs; 444 tokens × 9 = 3,996.
  await expect(cost.getByRole('textbox', { name: /^Epochs/ })).toHaveValue('9');
  await expect(cost).toContainText('3,996 billed tokens');
  await cost.getByRole('textbox', { name: /^Epochs/ }).fill('4');
  await expect(cost).toContainText('1,776 billed tokens');
  await cost.getByLabel('Training price').selectOption('openai-gpt-4o-mini-ft');
  await cost.getByRole('link', { name: 'Use these numbers in the cost calculator' }).click();
  await expect(page).toHaveURL(/costs\.html#\/costs\?/);
  const card = page.getByRole('group').filter({ has: page.getByText('API fine-tuning', { exact: true }) }).first();
  if (!(await card.evaluate((d) => d.open))) await card.getByText('API fine-tuning', { exact: true }).first().click();
  await expect(card.getByRole('textbox', { name: /^Training tokens/ })).toHaveValue('444');
  await expect(card.getByRole('textbox', { name: /^Epochs/ })).toHaveValue('4');
  await expect(card.getByLabel('Price preset')).toHaveValue('openai-gpt-4o-mini-ft');
});

test('changing a setting re-checks the file with it, keeping focus on the control', async ({ page }) => {
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples/, { timeout: 60_000 });
  // Forcing the Alpaca format makes every chat line wrong.
  await page.getByLabel('Format').focus();
  await page.getByLabel('Format').selectOption('Alpaca');
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors?/, { timeout: 60_000 });
  await expect(page.getByLabel('Format')).toBeFocused();
  await page.getByLabel('Format').selectOption('');
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples/, { timeout: 60_000 });
  // No tokenizer: no token table.
  await page.getByLabel('Tokenizer').selectOption('none');
  await expect(page.getByText('Tokens were not counted')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: /Tokens per valid example/ })).toHaveCount(0);
});

test('a cancelled training file releases a waiting validation file, and Cancel keeps the keyboard in place', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'x '.repeat(400) }, { role: 'assistant', content: 'y '.repeat(200) }] }) + '\n';
    const chunk = line.repeat(Math.ceil((4 << 20) / line.length));
    const dt = new DataTransfer();
    dt.items.add(new File(Array(30).fill(chunk), 'big.jsonl'));
    document.getElementsByTagName('main')[0].dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.getByLabel('Validation file (optional)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(page.getByText('Waiting for the training file…')).toBeVisible();
  await page.getByRole('group', { name: 'Checking the training file' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Training file (JSONL)')).toBeFocused();
  const region = page.getByRole('region', { name: 'Validation set' });
  await expect(region).toContainText('chat_valid.jsonl: 12 valid examples, 0 errors', { timeout: 60_000 });
  // Checked on its own: no training report to overlap with.
  await expect(region).toContainText('0 examples also in the training file');
});

test('without its vocabulary (offline, say) a file is still checked, and the page says why tokens are missing', async ({ page, context }) => {
  await context.route('**/*.tiktoken.gz', (route) => route.abort('internetdisconnected'));
  await open(page);
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples/, { timeout: 60_000 });
  const notice = page.getByRole('status').filter({ hasText: 'Could not load the o200k_base vocabulary' });
  await expect(notice).toContainText('checked without token counts');
  await expect(page.getByText(/^Tokens were not counted/)).toBeVisible();
});
