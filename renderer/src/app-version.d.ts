/** The package version, stamped by Vite's `define` (vite.config.ts). */
declare const __TAPEDECK_VERSION__: string;
