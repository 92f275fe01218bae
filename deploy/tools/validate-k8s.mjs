// Validates rendered Kubernetes manifests offline: node validate-k8s.mjs NAME=FILE...
// (FILE: the output of `kubectl kustomize`, several YAML documents). For each object: its
// JSON schema (Kubernetes, or the CRD's), unknown fields, then the project's own policy over
// the whole rendering. Exits 1 on any problem.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { policyProblems } from "./lib/policy.mjs";
import { schemaProblems } from "./lib/schema.mjs";
import { strictFieldProblems } from "./lib/strict-fields.mjs";

const renderings = process.argv.slice(2);
if (renderings.length === 0) {
  console.error("usage: node validate-k8s.mjs NAME=FILE...");
  process.exit(2);
}

let failed = false;
for (const argument of renderings) {
  const [name, file] = argument.includes("=") ? argument.split(/=(.*)/s, 2) : [argument, argument];
  const problems = [];
  const objects = [];
  for (const document of parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true })) {
    for (const error of [...document.errors, ...document.warnings]) problems.push(`YAML: ${error.message}`);
    const object = document.toJS();
    if (object !== null && object !== undefined) objects.push(object);
  }

  const label = (object) => `${object.kind}/${object.metadata?.name ?? "(no name)"}`;
  for (const object of objects) {
    for (const problem of await schemaProblems(object)) problems.push(`${label(object)}: schema: ${problem}`);
  }
  for (const [index, list] of strictFieldProblems(objects)) {
    const where = objects[index] ? label(objects[index]) : "generated check";
    for (const problem of list) problems.push(`${where}: fields: ${problem}`);
  }
  for (const problem of policyProblems(objects)) problems.push(`policy: ${problem}`);

  const kinds = [...new Set(objects.map((o) => `${o.apiVersion} ${o.kind}`))].sort();
  if (problems.length === 0) {
    console.log(`ok   ${name}: ${objects.length} objects valid (${kinds.length} kinds: ${kinds.map((k) => k.split(" ")[1]).join(", ")})`);
  } else {
    failed = true;
    console.log(`FAIL ${name}: ${problems.length} problem(s)`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
}
process.exit(failed ? 1 : 0);
