/**
 * The files the page inlines, read at report time: our own stylesheet and script beside
 * this module (`assets/`), uPlot from its package. Paths are resolved from this module and
 * through the package resolver, so a source checkout and an installed package find them alike.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function own(name: string): string {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}

function library(specifier: string): string {
  return readFileSync(require.resolve(specifier), 'utf8');
}

export interface Assets {
  css: string;
  scripts: string[];
}

let cached: Assets | undefined;

export function loadAssets(): Assets {
  cached ??= {
    css: `${library('uplot/dist/uPlot.min.css')}\n${own('report.css')}`,
    scripts: [library('uplot/dist/uPlot.iife.min.js'), own('report.js')],
  };
  return cached;
}
