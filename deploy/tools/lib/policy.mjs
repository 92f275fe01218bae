// What issue 8 asks of every rendering, checked on the rendered objects: the hardening and
// probes of each workload, the objects each service needs, and the references between them
// (ConfigMaps, Services, autoscalers, budgets, network policies). Each check says what broke.

const services = ["ingest", "analysis", "query"];
const autoscaled = ["ingest", "analysis"];
const migrationOrder = ["migrate-ingest", "migrate-analysis", "migrate-query"];

/** Problems of a whole rendering, as "Kind/name: message" strings. */
export function policyProblems(objects) {
  const problems = [];
  const report = (object, message) => problems.push(`${object.kind}/${object.metadata?.name}: ${message}`);
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const configMaps = new Map(objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata.name, o.data ?? {}]));

  for (const workload of objects.filter((o) => o.kind === "Deployment" || o.kind === "Job")) {
    checkPod(workload, (message) => report(workload, message), configMaps);
  }

  for (const name of services) {
    const deployment = find("Deployment", name);
    if (!deployment) {
      problems.push(`Deployment/${name}: missing`);
      continue;
    }
    const say = (message) => report(deployment, message);
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    const container = deployment.spec?.template?.spec?.containers?.find((c) => c.name === name);
    if (!container) say(`no container named ${name}`);
    else checkService(container, say, configMaps, name);

    const service = find("Service", name);
    const port = service?.spec?.ports?.find((p) => p.name === "grpc");
    if (!service) say("no Service of the same name");
    else if (!port || port.port !== 8080 || port.appProtocol !== "kubernetes.io/h2c") {
      report(service, "needs port 8080 named grpc with appProtocol kubernetes.io/h2c");
    } else if (!selects(service.spec.selector, labels)) report(service, "selector does not match the pods");

    const budget = objects.find((o) => o.kind === "PodDisruptionBudget" && selects(o.spec?.selector?.matchLabels, labels));
    if (!budget) say("no PodDisruptionBudget selects its pods");

    const autoscaler = find("HorizontalPodAutoscaler", name);
    if (autoscaled.includes(name)) {
      if (!autoscaler) say("no HorizontalPodAutoscaler");
      else if (autoscaler.spec?.scaleTargetRef?.name !== name || autoscaler.spec?.scaleTargetRef?.kind !== "Deployment") {
        report(autoscaler, `does not target Deployment/${name}`);
      }
      if (deployment.spec?.replicas !== undefined) say("sets replicas although an autoscaler owns the count");
    }
  }

  checkMigration(find("Job", "sourcing-migrate"), problems, report);
  checkDatabase(objects.find((o) => o.kind === "Cluster"), problems, report);
  checkNetwork(objects, problems, report);
  return problems;
}

function checkPod(workload, say, configMaps) {
  const pod = workload.spec?.template?.spec ?? {};
  if (pod.securityContext?.runAsNonRoot !== true) say("pod securityContext.runAsNonRoot must be true");
  if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") say("pod seccompProfile must be RuntimeDefault");
  const emptyDirs = new Set((pod.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const where = `container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) say(`${where}: readOnlyRootFilesystem must be true`);
    if (sc.allowPrivilegeEscalation !== false) say(`${where}: allowPrivilegeEscalation must be false`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) say(`${where}: must drop ALL capabilities`);
    for (const bound of ["requests", "limits"]) {
      for (const resource of ["cpu", "memory"]) {
        if (c.resources?.[bound]?.[resource] === undefined) say(`${where}: no ${bound}.${resource}`);
      }
    }
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!tmp || !emptyDirs.has(tmp.name)) say(`${where}: /tmp must be a writable emptyDir`);
    for (const source of c.envFrom ?? []) {
      const ref = source.configMapRef;
      if (ref && !ref.optional && !configMaps.has(ref.name)) say(`${where}: ConfigMap ${ref.name} is not in the rendering`);
    }
    if (!(c.env ?? []).some((e) => e.name === "ConnectionStrings__sourcing")) say(`${where}: no ConnectionStrings__sourcing`);
  }
}

function checkService(container, say, configMaps, name) {
  for (const probe of ["readinessProbe", "livenessProbe"]) {
    if (container[probe]?.grpc?.port !== 8080) say(`${probe} must be a native gRPC probe on port 8080`);
  }
  const ports = new Map((container.ports ?? []).map((p) => [p.name, p.containerPort]));
  if (ports.get("grpc") !== 8080 || ports.get("health") !== 8081) say("needs ports grpc 8080 and health 8081");

  const config = Object.assign({}, ...(container.envFrom ?? [])
    .filter((s) => s.configMapRef).map((s) => configMaps.get(s.configMapRef.name) ?? {}));
  const expected = {
    OTEL_SERVICE_NAME: name,
    Kestrel__Endpoints__Grpc__Url: "http://0.0.0.0:8080",
    Kestrel__Endpoints__Grpc__Protocols: "Http2",
    Kestrel__Endpoints__Health__Url: "http://0.0.0.0:8081",
    Kestrel__Endpoints__Health__Protocols: "Http1",
    ...(name === "ingest" ? { services__analysis__http__0: "http://analysis:8080" } : {}),
  };
  for (const [key, value] of Object.entries(expected)) {
    if (config[key] !== value) say(`ConfigMap must set ${key}=${value} (has ${config[key] ?? "nothing"})`);
  }
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) say("ConfigMap must set OTEL_EXPORTER_OTLP_ENDPOINT");

  const connection = (container.env ?? []).find((e) => e.name === "ConnectionStrings__sourcing")?.value ?? "";
  const host = /Host=([^;]*)/.exec(connection)?.[1] ?? "";
  const wanted = name === "query" ? "sourcing-db-ro" : "sourcing-db-rw";
  if (host.split(",")[0] !== wanted) say(`ConnectionStrings__sourcing must use ${wanted} first (has ${host || "no host"})`);
}

function checkMigration(job, problems, report) {
  if (!job) {
    problems.push("Job/sourcing-migrate: missing");
    return;
  }
  const pod = job.spec?.template?.spec ?? {};
  const steps = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
  if (steps.map((c) => c.name).join() !== migrationOrder.join()) report(job, `steps must run in order ${migrationOrder.join(", ")}`);
  for (const step of steps) {
    const service = step.name.replace(/^migrate-/, "");
    if (!(step.args ?? []).includes("migrate")) report(job, `${step.name} must pass the argument migrate`);
    if (!String(step.image).includes(`/${service}:`) && !String(step.image).includes(`/${service}@`)) {
      report(job, `${step.name} must run the ${service} image (has ${step.image})`);
    }
  }
  if (pod.restartPolicy !== "Never" && pod.restartPolicy !== "OnFailure") report(job, "restartPolicy must be Never or OnFailure");
}

function checkDatabase(cluster, problems, report) {
  if (!cluster) {
    problems.push("Cluster: no CloudNativePG Cluster");
    return;
  }
  if (cluster.spec?.bootstrap?.initdb?.database !== "sourcing") report(cluster, "must bootstrap the database sourcing");
  if (!Number.isInteger(cluster.spec?.instances) || cluster.spec.instances < 1) report(cluster, "needs instances");
}

function checkNetwork(objects, problems, report) {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const denyAll = policies.some((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0
    && (p.spec?.policyTypes ?? []).includes("Ingress") && !(p.spec?.ingress?.length));
  if (!denyAll) problems.push("NetworkPolicy: no default deny of ingress");

  for (const policy of policies.filter((p) => p.spec?.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "analysis")) {
    for (const rule of policy.spec?.ingress ?? []) {
      const fromIngestOnly = (rule.from ?? []).length > 0 && rule.from.every((peer) =>
        !peer.namespaceSelector && !peer.ipBlock && peer.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "ingest");
      if (!fromIngestOnly) report(policy, "analysis must be reachable from ingest pods only");
    }
  }
  const database = policies.filter((p) => p.spec?.podSelector?.matchLabels?.["cnpg.io/cluster"]);
  if (database.length === 0) problems.push("NetworkPolicy: none guards the PostgreSQL pods");
  for (const policy of database) {
    for (const rule of policy.spec?.ingress ?? []) {
      if (!(rule.from ?? []).length || rule.from.some((peer) => peer.ipBlock)) report(policy, "PostgreSQL must not be open to any source");
    }
  }
}

function selects(selector, labels) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}
