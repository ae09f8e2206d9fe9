/**
 * Runs one contract call on behalf of an untrusted caller (a renderer over IPC or a browser
 * over HTTP): checks the name against the contract, checks argument shapes, and turns every
 * outcome into an ApiResult so errors cross the wire as data.
 */
import { ApiFailure, isCallName, type ApiResult, type Handlers } from '../../shared/api/contract';

const argCounts: Record<keyof Handlers, number> = {
  getAppInfo: 0,
  getWorkspace: 0,
  openPath: 1,
  closeRoot: 1,
  chooseFolder: 0,
  getRecentFolders: 0,
  listCassettes: 0,
  readCassette: 1,
  saveCassette: 1,
  searchCassettes: 1,
  readGitRevision: 2,
};

export async function invokeHandler(handlers: Handlers, name: unknown, args: unknown): Promise<ApiResult<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'call.unknown', message: `Unknown call ${String(name)}` } };
  if (!Array.isArray(args) || args.length !== argCounts[name]) {
    return { ok: false, error: { code: 'call.bad-arguments', message: `${name} takes ${argCounts[name]} argument(s)` } };
  }
  try {
    const fn = handlers[name] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...args) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message } };
  }
}

export { argCounts };
