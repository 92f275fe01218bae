// Finds the model (a class with a compiled JSON-schema validator) for an object's
// apiVersion and kind: core and built-in groups from kubernetes-models, custom resources
// from the @kubernetes-models package that ships their CRD's schema.

const customResourcePackages = {
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
};

/** The module that exports the model of apiVersion/kind, as an import specifier. */
export function modelModule(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) {
    return `kubernetes-models/${apiVersion}/${kind}`;
  }
  const pkg = customResourcePackages[group];
  return pkg ? `${pkg}/${apiVersion}/${kind}` : undefined;
}

/** The model class for apiVersion/kind, or undefined when no package has its schema. */
export async function loadModel(apiVersion, kind) {
  const specifier = modelModule(apiVersion, kind);
  if (!specifier) return undefined;
  try {
    const module = await import(specifier);
    const model = module[kind];
    return model && model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return undefined;
    }
    throw error;
  }
}
