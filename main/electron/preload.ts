// Bundled to CommonJS (sandboxed preloads get only a polyfilled require). Exposes the contract only.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('tapedeck', buildPreloadApi(ipcRenderer));
