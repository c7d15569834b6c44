// The providers' own formats on the Dataset page: a Vertex AI Gemini file
// and an Amazon Bedrock Claude file get their format, their provider's
// rules and the note that token counts are approximate; the model picker
// shows each model's fine-tuning status on the (frozen) day, 2026-12-01.
// Found by role and accessible label, as a screen reader would.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '../fixtures');
const SHOTS = path.resolve(__dirname, '../../target/screenshots');

// The first check builds the tokenizer in the worker: up to a minute.
test.beforeEach(() => test.slow());

const { openDataset: open, dropFile, verdict, verdictBox, groupOf } = require('./pages');

// Twelve distinct examples (above every minimum), as JSONL.
function lines(make) {
  return Array.from({ length: 12 }, (_, i) => JSON.stringify(make(i))).join('\n') + '\n';
}

test('a Gemini file is checked by Vertex AI\'s rules', async ({ page }) => {
  await open(page);
  await page.getByLabel('Provider').selectOption('vertex');
  const model = page.getByLabel('Model (per-example limit)');
  await expect(model.getByRole('option', { name: /^gemini-2\.5-flash — 131,072 tokens per example$/ })).toHaveCount(1);
  const gemini = lines((i) => ({
    systemInstruction: { parts: [{ text: 'Answer with a number.' }] },
    contents: [
      { role: 'user', parts: [{ text: `What is ${i} + ${i}?` }] },
      { role: 'model', parts: [{ text: String(2 * i) }] },
    ],
  }));
  await dropFile(page, 'gemini.jsonl', gemini);
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in gemini\.jsonl/, { timeout: 60_000 });
  await expect(verdictBox(page)).toContainText('(Vertex AI Gemini)');
  // Gemini has its own tokenizer: the count says it is an approximation.
  await expect(page.getByRole('note').filter({ hasText: /^Approximate: Vertex AI/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Tokens per valid example/ })).toBeVisible();

  // A broken Gemini file: starts with the model, empty parts, an OpenAI
  // role name and an unknown top-level key.
  await dropFile(page, 'gemini_broken.jsonl', fs.readFileSync(path.join(FIXTURES, 'gemini_broken.jsonl'), 'utf8'));
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors? in gemini_broken\.jsonl/, { timeout: 60_000 });
  await expect(groupOf(page, 'first_turn_not_user')).toContainText(/first_turn_not_user × 1 · line 1/);
  await expect(groupOf(page, 'missing_content')).toContainText(/missing_content × 1 · line 2/);
  await expect(groupOf(page, 'unrecognized_role')).toContainText(/unrecognized_role × 1 · line 3/);
  await expect(groupOf(page, 'key_not_supported')).toContainText(/key_not_supported × 1 · line 3/);
  await page.screenshot({ path: path.join(SHOTS, 'dataset-gemini-broken.png'), fullPage: true });
});

test('a Bedrock file is checked by Bedrock\'s rules, lines without "system" too', async ({ page }) => {
  await open(page);
  await page.getByLabel('Provider').selectOption('bedrock');
  // Claude 3 Haiku's end of life (2026-09-10) is before the frozen day.
  const model = page.getByLabel('Model (per-example limit)');
  await expect(model.getByRole('option', { name: /^anthropic\.claude-3-haiku-20240307-v1:0 \(ended 2026-09-10\)/ })).toHaveCount(1);
  // Bedrock takes one format: "detect" becomes that format.
  await expect(page.getByLabel('Format').getByRole('option', { name: "Bedrock Claude chat (the provider's own)", exact: true })).toHaveCount(1);
  const bedrock = lines((i) => ({
    ...(i % 2 === 0 ? { system: 'Answer with a number.' } : {}),
    messages: [
      { role: 'user', content: `What is ${i} + ${i}?` },
      { role: 'assistant', content: String(2 * i) },
    ],
  }));
  await dropFile(page, 'bedrock.jsonl', bedrock);
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples in bedrock\.jsonl/, { timeout: 60_000 });
  // One format, not "mixed" with OpenAI chat.
  await expect(verdictBox(page)).toContainText('(Bedrock Claude chat)');
  await expect(page.getByRole('note').filter({ hasText: /^Approximate: Amazon Bedrock/ })).toBeVisible();

  await dropFile(page, 'bedrock_broken.jsonl', fs.readFileSync(path.join(FIXTURES, 'bedrock_broken.jsonl'), 'utf8'));
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors? in bedrock_broken\.jsonl/, { timeout: 60_000 });
  await expect(groupOf(page, 'first_turn_not_user')).toContainText(/first_turn_not_user × 1 · line 1/);
  await expect(groupOf(page, 'last_turn_not_assistant')).toContainText(/last_turn_not_assistant × 1 · line 1/);
  await expect(groupOf(page, 'turns_not_alternating')).toContainText(/turns_not_alternating × 1 · line 2/);
  // Bedrock allows no other keys: an error.
  await expect(groupOf(page, 'key_not_supported')).toContainText(/key_not_supported × 1 · line 3/);
});

test('OpenAI\'s model picker says which models ended and which are ending', async ({ page }) => {
  await open(page);
  await page.getByLabel('Provider').selectOption('openai');
  const model = page.getByLabel('Model (per-example limit)');
  await expect(model.getByRole('option', { name: /^gpt-3\.5-turbo-0125 \(ended 2026-10-23\)/ })).toHaveCount(1);
  await expect(model.getByRole('option', { name: /^gpt-4\.1-nano-2025-04-14 \(ended 2026-10-23\)/ })).toHaveCount(1);
  await expect(model.getByRole('option', { name: /^gpt-4o-2024-08-06 \(ends 2027-01-06\)/ })).toHaveCount(1);
  // OpenAI's own models count exactly: no approximation note.
  await page.getByLabel('Training file (JSONL)').setInputFiles(path.join(FIXTURES, 'chat_valid.jsonl'));
  await expect(verdict(page)).toHaveText(/^Ready: 12 valid examples/, { timeout: 60_000 });
  await expect(page.getByRole('note').filter({ hasText: /^Approximate/ })).toHaveCount(0);
});

test('an OpenAI chat file aimed at Vertex AI converts to Gemini\'s format', async ({ page }) => {
  await open(page);
  await page.getByLabel('Provider').selectOption('vertex');
  await expect(page.getByText(/^Vertex AI \(Gemini\): no documented minimum of examples;/)).toBeVisible();
  const chat = lines((i) => ({ messages: [
    { role: 'system', content: 'Answer with a number.' },
    { role: 'user', content: `What is ${i} + ${i}?` },
    { role: 'assistant', content: String(2 * i) },
  ] }));
  await dropFile(page, 'chat.jsonl', chat);
  // Vertex AI takes only its own format: every line is checked as Gemini.
  await expect(verdict(page)).toHaveText(/^Fix \d+ errors? in chat\.jsonl/, { timeout: 60_000 });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Converted to Vertex AI Gemini' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('chat.gemini.jsonl');
  const out = fs.readFileSync(await file.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(out).toHaveLength(12);
  expect(out[3]).toEqual({
    systemInstruction: { parts: [{ text: 'Answer with a number.' }] },
    contents: [
      { role: 'user', parts: [{ text: 'What is 3 + 3?' }] },
      { role: 'model', parts: [{ text: '6' }] },
    ],
  });
});
