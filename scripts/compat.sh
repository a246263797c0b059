#!/usr/bin/env bash
# npm run test:compat — the compatibility matrix (docs/compat.md):
#   identity-4.0     the lab's scenarios and the specs that drive @azure/identity, against 4.0.1 (@azure/identity-4.0)
#   identity-latest  the same specs against 4.14.1 (alias @azure/identity-latest), on Node 22 as it requires
#   node-22, node-24 the whole suite against the installed @azure/identity (4.13.1)
# 4.13.1 on the host's Node is `npm test`. Pass cell names to run only those, e.g. `npm run test:compat -- node-24`.
# Node binaries come from the npm registry's node-<platform>-<arch> packages, which carry bin/node in the tarball
# (the `node` package needs an install script); they are unpacked once under node_modules/.cache/compat-node.
set -uo pipefail
cd "$(dirname "$0")/.."

cache="$PWD/node_modules/.cache/compat-node"
platform="$(node -p process.platform)"
arch="$(node -p process.arch)"

# Prints the path of a Node binary of this major version, downloading it on first use.
node_binary() {
  local dir="$cache/$1"
  if [ ! -x "$dir/package/bin/node" ]; then
    mkdir -p "$dir"
    local tarball
    tarball="$(cd "$dir" && npm pack "node-$platform-$arch@$1" --silent)" || return 1
    tar xzf "$dir/$tarball" -C "$dir" && rm -f "$dir/$tarball" || return 1
  fi
  echo "$dir/package/bin/node"
}

# Specs that drive the real @azure/identity and are version-aware (test/lab/harness/identityVersion.ts): the lab's
# scenarios, the decorator's transparency proofs, and the specs feeding real identity errors to the explainer.
# Not yet here (docs/compat.md says why): the fakes' own fidelity specs (test/lab/harness/{sts,tools,
# managedIdentity}.spec.ts), doctor, the demo and the CLI end-to-end spec, which pin 4.13's exact texts.
identity_specs() {
  find test/lab/scenarios test/credential -name '*.spec.ts'
  # Not the lab's knowledge coverage check: it judges the pinned identity version, with the demo in the same run.
  printf '%s\n' test/lab/harness/identityVersion.spec.ts \
    test/unit/explainAuthError.spec.ts test/examples/examples.spec.ts
}

# run_cell NAME NODE_MAJOR IDENTITY_PACKAGE SPECS...: vitest on that Node, with @azure/identity aliased.
run_cell() {
  local name="$1" major="$2" package="$3"
  shift 3
  local node_bin
  if [ "$major" = host ]; then node_bin="$(command -v node)"; else node_bin="$(node_binary "$major")"; fi
  if [ -z "$node_bin" ]; then
    results+=("$name: could not get Node $major")
    failed=1
    return
  fi
  local version
  version="$(node -p "require('$package/package.json').version")"
  echo
  echo "=== $name: @azure/identity $version ($package) on Node $("$node_bin" --version) ==="
  local started=$SECONDS
  # The Node under test comes first on PATH, for anything a test spawns by name.
  PATH="$(dirname "$node_bin"):$PATH" COMPAT_IDENTITY_PACKAGE="$package" COMPAT_IDENTITY_VERSION="$version" \
    "$node_bin" node_modules/vitest/vitest.mjs run "$@"
  local status=$?
  local outcome=passed
  if [ $status -ne 0 ]; then
    outcome="FAILED (exit $status)"
    failed=1
  fi
  results+=("$(printf '%-16s identity %-7s Node %-9s %4ss  %s' "$name" "$version" "$("$node_bin" --version)" "$((SECONDS - started))" "$outcome")")
}

cells=("$@")
[ ${#cells[@]} -eq 0 ] && cells=(identity-4.0 identity-latest node-22 node-24)
mapfile -t specs < <(identity_specs)
results=()
failed=0
for cell in "${cells[@]}"; do
  case "$cell" in
    identity-4.0) run_cell "$cell" host @azure/identity-4.0 "${specs[@]}" ;;
    # 4.14 declares engines node >= 22.
    identity-latest) run_cell "$cell" 22 @azure/identity-latest "${specs[@]}" ;;
    node-22) run_cell "$cell" 22 @azure/identity ;;
    node-24) run_cell "$cell" 24 @azure/identity ;;
    *)
      echo "unknown cell: $cell (identity-4.0, identity-latest, node-22, node-24)" >&2
      exit 2
      ;;
  esac
done

echo
echo "=== compat matrix (${SECONDS}s) ==="
printf '%s\n' "${results[@]}"
exit $failed
