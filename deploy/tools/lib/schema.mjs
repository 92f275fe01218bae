// Validates each object against its Kubernetes (or CRD) JSON schema: required fields,
// types, formats and enumerations. Unknown fields pass here; strict-fields.mjs finds them.
import { loadModel } from "./models.mjs";

/** Problems of one object, as "path: message" strings. */
export async function schemaProblems(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  const Model = await loadModel(apiVersion, kind);
  if (!Model) {
    return [`no schema for ${apiVersion} ${kind}: add the package that ships it to deploy/tools`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return describe(error);
  }
}

function describe(error) {
  const details = Array.isArray(error?.errors) ? error.errors : undefined;
  if (!details) return [String(error?.message ?? error)];
  return details.map((e) => {
    const path = (e.instancePath ?? "").replace(/^\/?/, "").replaceAll("/", ".") || "(object)";
    const extra = e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : "";
    return `${path}: ${e.message}${extra}`;
  });
}
