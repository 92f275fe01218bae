#!/usr/bin/env bash
# Validates every deployment manifest offline, and exits non-zero on any problem:
#   1. YAML lint of everything under deploy/ (Debian's yamllint, deploy/.yamllint)
#   2. the compose file (Debian's docker-compose: `config -q`)
#   3. the kustomize base and each overlay rendered (kustomize, or kubectl's built-in one)
#   4. each rendered object against its schema: Kubernetes (npm kubernetes-models), the
#      CloudNativePG Cluster (npm @kubernetes-models/cloudnative-pg), unknown fields
#      (TypeScript over the same packages' types) and the project's policy (deploy/tools)
#   5. the services' container settings (deploy/containers/check.sh)
#   6. a self-test: each checker must reject a deliberately broken copy of its input
# Installs what it needs when missing (as root in CI: apt-get for yamllint and
# docker-compose, npm ci for deploy/tools). Needs node/npm, dotnet and a kustomize of v4 or
# newer (a `kustomize` binary or `kubectl kustomize`; Debian 12 has neither new enough).
#
# Usage: deploy/validate.sh [DEPLOY_DIR]   (default: the folder of this script)
set -euo pipefail

deploy="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
tools="$deploy/tools"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); echo "-- ok: $*"; }
fail() { failed=$((failed + 1)); echo "-- FAILED: $*" >&2; }

# --- tools ------------------------------------------------------------------------------
apt_updated=false
apt_install() {
  if [[ "$(id -u)" != 0 ]]; then
    echo "missing $*: install it (apt-get install $*) or run as root" >&2
    return 1
  fi
  if [[ "$apt_updated" == false ]]; then
    apt-get update -qq
    apt_updated=true
  fi
  # No recommends: docker-compose would bring a whole container engine.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}

step "tools"
command -v yamllint > /dev/null || apt_install yamllint
command -v docker-compose > /dev/null || apt_install docker-compose
for tool in node npm dotnet; do
  command -v "$tool" > /dev/null || { echo "missing $tool (see the README's set-up)" >&2; exit 1; }
done

# kustomize: its own binary, else kubectl's built-in one; v4 or newer either way (the
# manifests use `labels`, directory resources and `patches`, which v2/v3 do not read).
kustomize_version() { grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -n 1; }
render=()
if command -v kustomize > /dev/null; then
  version="$(kustomize version 2>/dev/null | kustomize_version || true)"
  render=(kustomize build)
elif command -v kubectl > /dev/null; then
  version="$(kubectl version --client 2>/dev/null | grep -i kustomize | kustomize_version || true)"
  render=(kubectl kustomize)
fi
major="${version:-v0}"; major="${major#v}"; major="${major%%.*}"
if (( ${#render[@]} == 0 || major < 4 )); then
  echo "no kustomize v4+ found (kustomize: ${version:-none}). Debian 12 has no kustomize package and its" >&2
  echo "kubernetes-client (kubectl 1.20) embeds kustomize v2; install kubectl 1.21+ or kustomize." >&2
  exit 1
fi

if [[ ! -f "$tools/node_modules/.package-lock.json" || "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
fi
echo "yamllint $(yamllint --version | awk '{print $2}'), docker-compose $(docker-compose version --short)," \
  "${render[*]} ($version), node $(node --version), $(cd "$tools" && node -p \
  '["kubernetes-models","@kubernetes-models/cloudnative-pg","typescript"].map(p => p + " " + require(p + "/package.json").version).join(", ")')"

# --- 1. YAML lint -----------------------------------------------------------------------
step "yamllint"
if yamllint --strict --config-file "$deploy/.yamllint" "$deploy"; then
  pass "yamllint: $(cd "$deploy" && find . -path ./tools/node_modules -prune -o \( -name '*.yaml' -o -name '*.yml' \) -print | wc -l) YAML files"
else
  fail "yamllint"
fi

# --- 2. compose ---------------------------------------------------------------------------
step "docker-compose config"
compose="$deploy/compose/compose.yaml"
if docker-compose --file "$compose" config --quiet && bash -n "$deploy"/compose/initdb/*.sh; then
  pass "compose: $(docker-compose --file "$compose" config --services | wc -l) services"
else
  fail "compose: $compose"
fi

# --- 3. render ----------------------------------------------------------------------------
step "kustomize"
renderings=()
for dir in "$deploy/k8s/base" "$deploy"/k8s/overlays/*/; do
  dir="${dir%/}"
  name="${dir#"$deploy/k8s/"}"
  out="$work/${name//\//-}.yaml"
  if "${render[@]}" "$dir" > "$out"; then
    renderings+=("$name=$out")
    pass "rendered $name ($(grep -c '^kind:' "$out") objects)"
  else
    fail "render $name"
  fi
done

# --- 4. schemas, fields, policy -----------------------------------------------------------
step "Kubernetes and CloudNativePG schemas"
if (( ${#renderings[@]} > 0 )) && node "$tools/validate-k8s.mjs" "${renderings[@]}"; then
  pass "schemas: ${#renderings[@]} renderings"
else
  fail "schemas"
fi

# --- 5. container settings ----------------------------------------------------------------
step "container settings"
if "$deploy/containers/check.sh" "$deploy/.."; then
  pass "container settings"
else
  fail "container settings"
fi

# --- 6. self-test: broken input must fail -------------------------------------------------
step "self-test: the checks reject broken manifests"
rejects() { # NAME PATTERN COMMAND...: passes when COMMAND fails with PATTERN in its output
  local name="$1" pattern="$2"; shift 2
  if "$@" > "$work/self-test.log" 2>&1; then
    fail "self-test: $name was accepted"
  elif ! grep -qE -- "$pattern" "$work/self-test.log"; then
    fail "self-test: $name was rejected, but not for the reason expected (/$pattern/)"
    cat "$work/self-test.log" >&2
  else
    pass "self-test: $name rejected ($(grep -oE -- "$pattern" "$work/self-test.log" | head -n 1))"
  fi
}
dev="$(printf '%s\n' "${renderings[@]}" | grep '^overlays/dev=' | cut -d= -f2- || true)"
if [[ -n "$dev" ]]; then
  sed '0,/readinessProbe:/s//readinesProbe:/' "$dev" > "$work/typo.yaml"
  rejects "a misspelt field" "readinesProbe.*does not exist" node "$tools/validate-k8s.mjs" "typo=$work/typo.yaml"
  sed '0,/appProtocol: kubernetes.io\/h2c/s//appProtocol: http/' "$dev" > "$work/policy.yaml"
  rejects "a Service without h2c" "appProtocol kubernetes.io/h2c" node "$tools/validate-k8s.mjs" "policy=$work/policy.yaml"
  sed '0,/maxReplicas: 1$/s//maxReplicas: one/' "$dev" > "$work/type.yaml"
  rejects "a string for an integer" "maxReplicas: must be integer" node "$tools/validate-k8s.mjs" "type=$work/type.yaml"
  sed '0,/^  instances: 1$/s//  instances: "one"/' "$dev" > "$work/cluster.yaml"
  rejects "a bad CloudNativePG Cluster" "Cluster/sourcing-db: schema: spec.instances" node "$tools/validate-k8s.mjs" "cluster=$work/cluster.yaml"
else
  fail "self-test: no dev rendering"
fi
mkdir -p "$work/broken/k8s"
cp -r "$deploy/k8s/base" "$work/broken/k8s/base"
sed -i 's#- postgres/cluster.yaml#- postgres/missing.yaml#' "$work/broken/k8s/base/kustomization.yaml"
rejects "a kustomization with a missing resource" "missing.yaml" "${render[@]}" "$work/broken/k8s/base"
sed 's/condition: service_completed_successfully/condition: service_done/' "$compose" > "$work/compose.yaml"
rejects "a compose file with a bad depends_on" "service_done" docker-compose --file "$work/compose.yaml" config --quiet
printf 'a: 1\na: 2\n' > "$work/duplicate.yaml"
rejects "YAML with a duplicate key" "duplication of key" yamllint --strict --config-file "$deploy/.yamllint" "$work/duplicate.yaml"

echo
echo "deploy: $passed passed, $failed failed"
(( failed == 0 ))
