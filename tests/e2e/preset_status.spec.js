// Prices and dates a user can trust (issue #12): beside every preset the
// Costs page shows its source, its as-of date and its status on the
// user's date (open, closing, closed, retired); a preset whose source
// publishes no price says so. Driven by role and accessible label, on the
// frozen date 2026-12-01 (fixtures.js).
const { test, expect } = require('./fixtures');

const { openCosts: open, openEditor } = require('./pages');

const aboutPreset = (card) => card.getByRole('group', { name: 'Preset source and status' });

test('the chosen preset shows its status, source and as-of date beside it', async ({ page }) => {
  await open(page);
  const card = await openEditor(page, 'API fine-tuning');
  const preset = card.getByLabel('Price preset');
  // A new organisation gets Azure's fine-tune: training closes 2027-04-13.
  await expect(preset).toHaveValue('azure-gpt-4.1-mini-ft');
  const about = aboutPreset(card);
  await expect(about).toContainText('Status on 2026-12-01: training closes after 2027-04-13');
  await expect(about).toContainText('as of 2025-11-05');
  await expect(about).toContainText('for example purposes only');
  await expect(about.getByRole('link', { name: 'Azure OpenAI' })).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/azure/foundry/openai/how-to/fine-tuning-cost-management',
  );
  // Every option names its as-of date and its status that day.
  await expect(preset.getByRole('option', { name: /^Google Vertex AI: gemini-2\.0-flash \(supervised tuning\) \(as of .*\) — retired 2026-06-01$/ })).toHaveCount(1);
  await expect(preset.getByRole('option', { name: /^OpenAI: gpt-4\.1-nano.* — retired 2026-10-23$/ })).toHaveCount(1);
  await expect(preset.getByRole('option', { name: /^Amazon Bedrock: Amazon Nova Micro \(fine-tuned\) \(as of 2026-09-01\) — open$/ })).toHaveCount(1);
  // A retired preset still loads (old links) and says why it cannot be used.
  await preset.selectOption('vertex-gemini-2.0-flash-sft');
  await expect(about).toContainText('Status on 2026-12-01: retired 2026-06-01');
  await expect(about).toContainText('Unavailable');
  // A preset whose source publishes no price says so instead of inventing one.
  await preset.selectOption('vertex-gemini-3.5-flash-sft');
  await expect(about).toContainText('Status on 2026-12-01: open');
  await expect(about).toContainText('Price not published: enter yours.');
  await expect(about.getByRole('link', { name: 'Google Vertex AI' })).toHaveAttribute('href', /^https:\/\/docs\.cloud\.google\.com\//);
});

test('a range is shown as a range, and self-hosting shows its GPU source', async ({ page }) => {
  await open(page);
  const card = await openEditor(page, 'API LoRA');
  const preset = card.getByLabel('Price preset');
  await preset.selectOption('together-full-up-to-16b');
  const about = aboutPreset(card);
  await expect(about).toContainText('from $0.48 to $1.35 per 1M training tokens');
  await expect(about).toContainText('Status on 2026-12-01: open');
  const gpu = await openEditor(page, 'Self-hosted full');
  await expect(gpu.getByLabel('Price preset')).toHaveValue('runpod-h100-secure');
  await expect(aboutPreset(gpu)).toContainText('as of 2026-09-09');
  await expect(aboutPreset(gpu).getByRole('link', { name: 'RunPod' })).toHaveAttribute('href', 'https://www.runpod.io/pricing');
  await expect(gpu.getByLabel(/^GPU price/)).toHaveValue('3.49');
});
