import { expect, test } from './helpers/test';
import { samplesDir, startServe, tempCopy, type Served } from './helpers/serve';

// The pipes end to end: the real CLI serves the built renderer, which lists the samples
// through the contract and opens one.
test.describe('foundation', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(samplesDir)]);
  });
  test.afterAll(async () => served?.stop());

  test('a request without the token is refused', async ({ request }) => {
    const res = await request.get(served.origin + '/');
    expect(res.status()).toBe(401);
    const call = await request.post(served.origin + '/api/call/listCassettes', { data: { args: [] } });
    expect(call.status()).toBe(401);
  });

  test('the page loads, lists the samples and opens one', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await expect(page).toHaveTitle(/Tapedeck/);
    const sidebar = page.getByTestId('library');
    await expect(sidebar.getByText('openai-chat-parallel-tools.yaml')).toBeVisible();
    await expect(sidebar.getByText('anthropic-thinking.yaml')).toBeVisible();
    await sidebar.getByText('openai-chat-parallel-tools.yaml').click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/foundation.png' });
    expect(errors).toEqual([]);
  });
});
