/**
 * What the e2e tests and the scrub benchmark use to drive the store without synthesising
 * input events. `__TAPEDECK_TEST_HOOKS__` is a build-time constant (vite.config.ts): the
 * production build (`npm run dist` → scripts/build.mjs --production) makes it false and the
 * minifier drops the body, so a shipped app puts no store on `window`.
 */
declare const __TAPEDECK_TEST_HOOKS__: boolean;

export function exposeTestHooks(store: unknown): void {
  if (__TAPEDECK_TEST_HOOKS__) (window as unknown as { __tapedeck?: unknown }).__tapedeck = store;
}
