/**
 * Issue 15: a person's typing is never dropped without a warning. Every web component that renders a form
 * or a field a person types or chooses in must also render the UnsavedGuard (router blocker + the
 * browser's beforeunload) — itself or through a shared form part given `dirty` — or say in a comment `unsaved-guard: <why it needs none>` — a search form, the
 * login, fields rendered inside another component's guarded form. The web has no test runner of its own,
 * so its sources are read here with TypeScript's own parser: a new form without the guard fails this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const featuresDir = join(root, 'web/src/features');

/** The controls a person types in or chooses with (Designsystemet's, the project's own, and plain HTML). */
const CONTROLS = new Set([
  'form', 'input', 'textarea', 'select',
  'Textfield', 'Textarea', 'Input', 'Select', 'Checkbox', 'Radio', 'Switch', 'Combobox', 'Suggestion', 'Search',
  'DateField', 'ReasonField',
]);
/** A reason must be a reason, not a bare marker. */
const EXEMPTION = /unsaved-guard:[ \t]*\S[^\n]{11,}/;

export interface Finding { file: string; line: number; component: string; control: string }

function tagName(node: ts.Node): string | null {
  if (ts.isJsxElement(node)) return node.openingElement.tagName.getText();
  if (ts.isJsxSelfClosingElement(node)) return node.tagName.getText();
  return null;
}

/** A shared form part that takes `dirty` (or `dirtyFrom`, the values it watches) renders the guard for its caller. */
function passesDirty(node: ts.Node): boolean {
  const attributes = ts.isJsxElement(node) ? node.openingElement.attributes : ts.isJsxSelfClosingElement(node) ? node.attributes : null;
  return Boolean(attributes?.properties.some((p) => ts.isJsxAttribute(p) && /^dirty(From)?$/.test(p.name.getText())));
}

/** Each top-level declaration that renders JSX is one component (helpers inside it belong to it). */
function topLevelUnits(source: ts.SourceFile): { name: string; node: ts.Node }[] {
  const units: { name: string; node: ts.Node }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement)) units.push({ name: statement.name?.text ?? 'default', node: statement });
    else if (ts.isVariableStatement(statement)) {
      units.push({ name: statement.declarationList.declarations.map((d) => d.name.getText(source)).join(', '), node: statement });
    } else if (ts.isExportAssignment(statement)) units.push({ name: 'default', node: statement });
  }
  return units;
}

/** The controls of a component that is neither guarded nor exempted by a comment with its reason. */
export function unguardedControls(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  for (const unit of topLevelUnits(source)) {
    const controls: ts.Node[] = [];
    let guarded = false;
    const walk = (node: ts.Node) => {
      const tag = tagName(node);
      if (tag === 'UnsavedGuard' || (tag && passesDirty(node))) guarded = true;
      else if (tag && CONTROLS.has(tag.split('.')[0]!)) controls.push(node);
      ts.forEachChild(node, walk);
    };
    walk(unit.node);
    // the comment may stand inside the component or just above it
    const withComments = text.slice(unit.node.getFullStart(), unit.node.getEnd());
    if (!controls.length || guarded || EXEMPTION.test(withComments)) continue;
    const first = controls[0]!;
    findings.push({
      file,
      line: source.getLineAndCharacterOfPosition(first.getStart(source)).line + 1,
      component: unit.name,
      control: tagName(first)!,
    });
  }
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('unsaved typing is guarded in every form of the web (issue 15)', () => {
  it('a component with a form and no UnsavedGuard is found, and one with the guard or a reason is not', () => {
    const bare = `export function A() { return <form onSubmit={x}><Textfield label="a" /></form>; }`;
    const guarded = `export function A() { const d = true; return <form><UnsavedGuard dirty={d} /><Textfield label="a" /></form>; }`;
    const reasoned = `// unsaved-guard: a search form, nothing typed here is kept\nexport const A = () => <form><Search /></form>;`;
    const bareMarker = `// unsaved-guard:\nexport const A = () => <form><Search /></form>;`;
    const fieldsOnly = `export function Fields() { return <><DateField type="date" /><Select.Option value="a" /></>; }`;
    expect(unguardedControls('a.tsx', bare)).toEqual([{ file: 'a.tsx', line: 1, component: 'A', control: 'form' }]);
    expect(unguardedControls('a.tsx', guarded)).toEqual([]);
    expect(unguardedControls('a.tsx', reasoned)).toEqual([]);
    expect(unguardedControls('a.tsx', bareMarker)).toHaveLength(1);
    expect(unguardedControls('a.tsx', fieldsOnly).map((f) => f.control)).toEqual(['DateField']);
  });

  it('every component under web/src/features that renders a form or a field renders the UnsavedGuard, or says why it needs none', () => {
    const files = tsxFiles(featuresDir);
    expect(files.length).toBeGreaterThan(50);
    const findings = files.flatMap((f) => unguardedControls(relative(root, f), readFileSync(f, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.component} <${f.control}>`)).toEqual([]);
  });
});
