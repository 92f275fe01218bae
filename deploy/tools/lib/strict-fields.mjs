// Finds fields the schemas do not know (a misspelt `readinesProbe` is valid JSON schema,
// and a real API server drops or rejects it): each object becomes a TypeScript object
// literal typed with its model's interface, and the compiler's excess-property and type
// checks run over all of them at once. Nothing is emitted.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { modelModule } from "./models.mjs";

const toolsDirectory = fileURLToPath(new URL("..", import.meta.url));

/**
 * Problems per object index: Map<number, string[]>. Objects without a model are skipped
 * (schema.mjs reports them).
 */
export function strictFieldProblems(objects) {
  const source = new Source();
  objects.forEach((object, index) => {
    const specifier = modelModule(object.apiVersion ?? "", object.kind ?? "");
    if (specifier) source.addObject(index, specifier, `I${object.kind}`, object);
  });
  const problems = new Map();
  if (source.isEmpty) return problems;

  // Inside deploy/tools, so that the file resolves the packages in node_modules.
  const directory = mkdtempSync(join(toolsDirectory, ".strict-fields-"));
  try {
    const file = join(directory, "objects.ts");
    writeFileSync(file, source.text());
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const line = diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
        : -1;
      const { index, path } = source.locate(line);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
      const list = problems.get(index) ?? [];
      list.push(`${path || "(object)"}: ${message}`);
      problems.set(index, list);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return problems;
}

/** The generated file, with each line's object index and field path. */
class Source {
  #imports = [];
  #lines = [];
  #where = [];

  get isEmpty() {
    return this.#lines.length === 0;
  }

  addObject(index, specifier, typeName, object) {
    const alias = `T${index}`;
    this.#imports.push(`import type { ${typeName} as ${alias} } from ${JSON.stringify(specifier)};`);
    this.#emit(index, "", `export const object${index}: ${alias} = `, object, ";");
  }

  text() {
    return [...this.#imports, ...this.#lines].join("\n") + "\n";
  }

  locate(line) {
    const at = line - this.#imports.length;
    return this.#where[at] ?? { index: -1, path: "" };
  }

  #emit(index, path, prefix, value, suffix) {
    const push = (text, at) => {
      this.#lines.push(text);
      this.#where.push({ index, path: at });
    };
    if (Array.isArray(value)) {
      push(`${prefix}[`, path);
      value.forEach((item, i) => this.#emit(index, `${path}[${i}]`, "", item, ","));
      push(`]${suffix}`, path);
    } else if (value !== null && typeof value === "object") {
      push(`${prefix}{`, path);
      for (const [key, item] of Object.entries(value)) {
        this.#emit(index, path ? `${path}.${key}` : key, `${JSON.stringify(key)}: `, item, ",");
      }
      push(`}${suffix}`, path);
    } else {
      push(`${prefix}${JSON.stringify(value)}${suffix}`, path);
    }
  }
}
