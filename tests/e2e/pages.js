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

module.exports = { QUESTIONS, openCosts, titleOf, editorOf, openEditor };
