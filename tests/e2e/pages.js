// What several specs find on the app's pages, by role and accessible name,
// written once. Not a spec: Playwright runs only *.spec.js.
const { expect } = require('./fixtures');

/** The wizard's five questions, in order (the step headings). */
const QUESTIONS = [
  'Can prompt engineering solve it?',
  'Can retrieval (RAG) solve it?',
  'Do you have training data?',
  'What is your budget?',
  'What level of customization do you need?',
];

/** Opens the cost calculator (with an optional `#/costs?…` fragment) and waits for its chart. */
async function openCosts(page, hash = '') {
  await page.goto('/costs.html' + hash);
  await expect(page.getByRole('heading', { level: 1, name: 'Costs and break-even' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Cumulative cost/ })).toBeVisible();
}

// An approach's editor card (a <details> group) and how to open it: click its name.
// `name` is the start of the approach's name ("API LoRA" for "API LoRA / small-model fine-tuning").
const titleOf = (page, name) => page.getByText(new RegExp('^' + name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
const editorOf = (page, name) => page.getByRole('group').filter({ has: titleOf(page, name) }).first();
async function openEditor(page, name) {
  const card = editorOf(page, name);
  if (!(await card.evaluate((d) => d.open))) await titleOf(card, name).first().click();
  return card;
}

// The Dataset page, found as a person finds it: by role and accessible name.
async function openDataset(page) {
  await page.goto('/dataset.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Check a fine-tuning dataset' })).toBeVisible();
}
// Drops a file (text or bytes) on the page the way a person drags one from the desktop.
async function dropFile(page, name, content, mime = 'application/jsonl') {
  const data = typeof content === 'string' ? content : [...content];
  const transfer = await page.evaluateHandle(({ name, data, mime }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([typeof data === 'string' ? data : new Uint8Array(data)], name, { type: mime }));
    return dt;
  }, { name, data, mime });
  await page.getByRole('main').dispatchEvent('drop', { dataTransfer: transfer });
}
const verdictBox = (page) => page.getByRole('status').filter({ has: page.getByRole('heading', { level: 2 }) });
const verdict = (page) => verdictBox(page).getByRole('heading', { level: 2 });
const findings = (page) => page.getByRole('region', { name: 'Findings' });
// The group of findings of one kind (a <details>), found by its code.
const groupOf = (page, code) => findings(page).getByRole('group').filter({ has: page.getByText(code, { exact: true }) }).first();
// Opens a group as a person does: by clicking its code in the summary.
async function openGroup(page, code) {
  const group = groupOf(page, code);
  await group.getByText(code, { exact: true }).first().click();
  return group;
}
// Clicks a download button and reads the file it saves.
async function download(page, buttonName) {
  const fs = require('fs');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

module.exports = { QUESTIONS, openCosts, titleOf, editorOf, openEditor, openDataset, dropFile, verdictBox, verdict, findings, groupOf, openGroup, download };
