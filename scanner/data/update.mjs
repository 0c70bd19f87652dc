#!/usr/bin/env node
// Regenerates the package-derived data files in this folder from the npm registry.
// A maintainer tool: the build never runs it (the build reads the committed data files).
//
//   node scanner/data/update.mjs [--aria-query=VERSION] [--subtags=VERSION] [--date=YYYY-MM-DD]
//
// Writes:
//   aria-query.json        WAI-ARIA roles and aria-* attributes, from the npm package aria-query
//   language-subtags.tsv   IANA Language Subtag Registry (Type + Subtag), from the npm package
//                          language-subtag-registry
// Hand-kept files (aria-1.2.json, html-aam-roles.tsv, autofill.tsv) are not touched: they are
// transcribed from the specifications and say so in their headers.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (!m) throw new Error(`unknown argument ${a}`);
  return [m[1], m[2]];
}));
const today = args.date ?? new Date().toISOString().slice(0, 10);

function fetchPackage(name, version, scratch) {
  const spec = version ? `${name}@${version}` : name;
  const out = join(scratch, name.replace(/[@/]/g, '_'));
  mkdirSync(out, { recursive: true });
  const file = execFileSync('npm', ['pack', '--silent', spec, '--pack-destination', out],
    { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(out, file), '-C', out]);
  const root = join(out, 'package');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { root, pkg };
}

// One JSON object per line keeps the files readable and their diffs small.
function writeJson(path, header, sections) {
  const parts = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  for (const [key, entries] of Object.entries(sections)) {
    const body = entries.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
    parts.push(`  ${JSON.stringify(key)}: {\n${body}\n  }`);
  }
  const text = `{\n${parts.join(',\n')}\n}\n`;
  JSON.parse(text);  // must stay valid JSON
  writeFileSync(path, text);
}

function ariaQuery(scratch) {
  const { root, pkg } = fetchPackage('aria-query', args['aria-query'], scratch);
  const require = createRequire(join(root, 'package.json'));
  const q = require(join(root, pkg.main ?? 'lib/index.js'));

  const roles = [...q.roles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const roleEntries = roles.map(([name, r]) => {
    // aria-query gives every path from roletype down; the direct superclass ends each path.
    const superclasses = [...new Set((r.superClass ?? []).map((path) => path[path.length - 1]))];
    // [child, intermediate] pairs become "intermediate > child".
    const owned = (r.requiredOwnedElements ?? []).map((p) => [...p].reverse().join(' > '));
    return [name, {
      abstract: !!r.abstract,
      superclasses,
      required: Object.keys(r.requiredProps ?? {}),
      supported: Object.keys(r.props ?? {}),
      prohibited: [...(r.prohibitedProps ?? [])],
      nameFrom: [...(r.nameFrom ?? [])],
      childrenPresentational: !!r.childrenPresentational,
      requiredContextRoles: [...(r.requiredContextRole ?? [])],
      requiredOwnedElements: owned,
    }];
  });
  const attrs = [...q.aria.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const attrEntries = attrs.map(([name, a]) => {
    const v = { type: a.type };
    if (a.allowundefined) v.allowUndefined = true;
    if (a.values) v.values = a.values.map(String);
    return [name, v];
  });
  const header = {
    source: `npm package aria-query ${pkg.version} (${pkg.repository?.url ?? pkg.homepage})`,
    licence: `${pkg.license} (aria-query); the facts are those of WAI-ARIA 1.2, DPUB-ARIA 1.0 and Graphics-ARIA 1.0 (W3C)`,
    made: today,
    made_by: 'scanner/data/update.mjs; corrections against WAI-ARIA 1.2 live in aria-1.2.json',
    fields: 'superclasses are direct superclasses; supported is as aria-query lists it (own + inherited, globals included); requiredOwnedElements "a > b" means b owned through a',
  };
  writeJson(join(here, 'aria-query.json'), header, { roles: roleEntries, attributes: attrEntries });
  console.log(`aria-query ${pkg.version}: ${roleEntries.length} roles, ${attrEntries.length} attributes`);
}

function languageSubtags(scratch) {
  const { root, pkg } = fetchPackage('language-subtag-registry', args.subtags, scratch);
  const json = (f) => JSON.parse(readFileSync(join(root, 'data', 'json', f), 'utf8'));
  const meta = json('meta.json');
  const registry = json('registry.json');
  const lines = [
    '# IANA Language Subtag Registry (BCP 47, RFC 5646), reduced to Type and Subtag/Tag.',
    `# Registry File-Date: ${meta['File-Date']}`,
    `# Source: npm package language-subtag-registry ${pkg.version} (${pkg.homepage}),`,
    '#   a JSON copy of https://www.iana.org/assignments/language-subtag-registry',
    `# Licence: the registry data is published by IANA; the npm package is ${pkg.license}.`,
    `# Made: ${today} by scanner/data/update.mjs. Ranges such as qaa..qtz are kept as written.`,
    '# Columns: type<TAB>subtag (grandfathered and redundant rows hold whole tags)',
    `File-Date\t${meta['File-Date']}`,
  ];
  let count = 0;
  for (const e of registry) {
    const value = e.Subtag ?? e.Tag;
    if (!e.Type || !value) continue;
    lines.push(`${e.Type}\t${value}`);
    ++count;
  }
  writeFileSync(join(here, 'language-subtags.tsv'), `${lines.join('\n')}\n`);
  console.log(`language-subtag-registry ${pkg.version}: ${count} records, File-Date ${meta['File-Date']}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'saavu-data-'));
try {
  ariaQuery(scratch);
  languageSubtags(scratch);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
