// The sandboxed preload (built as CommonJS: sandboxed preloads cannot be ES modules). It only
// exposes window.bridge = { call, on }; all logic lives in main.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('bridge', createBridge(ipcRenderer));
