#!/usr/bin/env bash
# Checks the services' container settings (deploy/containers/Containers.props) without a
# container engine and without pulling a base image: MSBuild evaluates each service project
# and runs the SDK's ComputeContainerConfig target (which parses and validates the
# repository, tags and environment), and the result is compared with what the Kubernetes and
# compose manifests expect. A service project that does not import Containers.props yet is
# checked through a stand-in project (same SDK and framework) that does.
#
# Usage: deploy/containers/check.sh [REPOSITORY_ROOT]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${1:-$here/../..}" && pwd)"
props="$here/Containers.props"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

failures=0
for service in ingest analysis query; do
  name="Sourcing.${service^}"
  project="$root/src/$name/$name.csproj"
  if [[ -f "$project" ]] && grep -q 'deploy/containers/Containers.props' "$project"; then
    source="$project"
  else
    # Until the project imports the settings: a stand-in with the same name, SDK and framework.
    mkdir -p "$scratch/$name"
    source="$scratch/$name/$name.csproj"
    cat > "$source" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <Import Project="$props" />
</Project>
XML
  fi

  json="$scratch/$service.json"
  if ! dotnet msbuild "$source" -nologo -nodeReuse:false -t:ComputeContainerConfig \
      -getProperty:ContainerRepository -getProperty:ContainerRegistry -getProperty:ContainerUser \
      -getProperty:ContainerBaseImage -getProperty:Version \
      -getItem:ContainerImageTags -getItem:ContainerPort -getItem:ContainerEnvironmentVariables \
      > "$json" 2> "$scratch/$service.err"; then
    echo "FAIL $service: MSBuild could not compute the container settings of $source" >&2
    cat "$json" "$scratch/$service.err" >&2
    failures=$((failures + 1))
    continue
  fi

  kind="project"
  [[ "$source" == "$scratch"/* ]] && kind="stand-in (src/$name does not import Containers.props yet)"
  if ! SERVICE="$service" KIND="$kind" node - "$json" <<'JS'
const { readFileSync } = require("node:fs");
const service = process.env.SERVICE;
const { Properties: p, Items: items } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const ids = (name) => (items[name] ?? []).map((i) => i.Identity);
const problems = [];
const expect = (ok, message) => { if (!ok) problems.push(message); };

expect(p.ContainerRepository === `sourcing/${service}`, `ContainerRepository is "${p.ContainerRepository}", expected "sourcing/${service}"`);
expect(p.ContainerRegistry === "", `ContainerRegistry is "${p.ContainerRegistry}": leave it to the publish command (-p:ContainerRegistry=ghcr.io)`);
expect(/^[1-9][0-9]*$/.test(p.ContainerUser), `ContainerUser is "${p.ContainerUser}", expected a non-root numeric user id`);
expect(p.ContainerUser === "1654", `ContainerUser is "${p.ContainerUser}"; the manifests run as 1654 (runAsUser)`);
expect(/^mcr\.microsoft\.com\/dotnet\/aspnet:10\.0(-|$)/.test(p.ContainerBaseImage), `ContainerBaseImage is "${p.ContainerBaseImage}", expected mcr.microsoft.com/dotnet/aspnet:10.0*`);
const tags = ids("ContainerImageTags");
expect(tags.includes("latest") && tags.includes(p.Version), `ContainerImageTags are [${tags}], expected the Version (${p.Version}) and latest`);
const ports = (items.ContainerPort ?? []).map((i) => `${i.Identity}/${i.Type ?? "tcp"}`);
for (const port of ["8080/tcp", "8081/tcp"]) expect(ports.includes(port), `ContainerPort ${port} missing (has ${ports})`);
const env = Object.fromEntries((items.ContainerEnvironmentVariables ?? []).map((i) => [i.Identity, i.Value]));
const wanted = {
  Kestrel__Endpoints__Grpc__Url: "http://0.0.0.0:8080", Kestrel__Endpoints__Grpc__Protocols: "Http2",
  Kestrel__Endpoints__Health__Url: "http://0.0.0.0:8081", Kestrel__Endpoints__Health__Protocols: "Http1",
};
for (const [key, value] of Object.entries(wanted)) expect(env[key] === value, `environment ${key} is "${env[key]}", expected "${value}"`);

if (problems.length) {
  console.log(`FAIL ${service} (${process.env.KIND}):`);
  for (const problem of problems) console.log(`  ${problem}`);
  process.exit(1);
}
console.log(`ok   ${service}: ${p.ContainerRepository}:{${tags.join(",")}} from ${p.ContainerBaseImage}, user ${p.ContainerUser}, ports ${ports.join(" ")} [${process.env.KIND}]`);
JS
  then
    failures=$((failures + 1))
  fi
done

if (( failures > 0 )); then
  echo "container settings: $failures service(s) failed" >&2
  exit 1
fi
