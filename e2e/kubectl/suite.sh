#!/usr/bin/env bash
# kubectl end-to-end suite against a running kubesim.
#
#   e2e/kubectl/suite.sh http://127.0.0.1:8080
#
# Runs the full workflow with the default kubectl (the dispatcher on PATH picks the binary matching the server's
# minor version, 1.32), then a short smoke scenario with every other kubectl.1.<minor> (1.27-1.33) found next to
# it. Every step checks the exit code and the output. Ends with "kubectl-e2e: N passed, M failed"; exits 1 on any
# failure. Uses a temporary KUBECONFIG and cache dir; touches only the namespaces it creates.
set -uo pipefail

SERVER=${1:?usage: suite.sh SERVER_URL}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export KUBECONFIG="$WORK/kubeconfig"
cat >"$KUBECONFIG" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: kubesim
  cluster:
    server: $SERVER
contexts:
- name: kubesim
  context:
    cluster: kubesim
    user: kubesim
current-context: kubesim
users:
- name: kubesim
  user: {}
EOF

PASSED=0
FAILED=0
OUT=""
ERR=""
RC=0
KUBECTL=kubectl

k() {
  "$KUBECTL" --cache-dir="$WORK/cache" "$@"
}

run() {
  OUT=$("$@" 2>"$WORK/stderr")
  RC=$?
  ERR=$(cat "$WORK/stderr")
}

pass() {
  PASSED=$((PASSED + 1))
  printf 'ok    %s\n' "$1"
}

fail() {
  FAILED=$((FAILED + 1))
  printf 'FAIL  %s (exit %s)\n' "$1" "$RC"
  printf '%s\n' "$OUT" | head -20 | sed 's/^/      out: /'
  printf '%s\n' "$ERR" | head -20 | sed 's/^/      err: /'
}

# matches REGEX TEXT: Python regular expression search, ^ and $ per line, (?s) allowed
matches() {
  python3 -c 'import re,sys; sys.exit(0 if re.search(sys.argv[1], sys.argv[2], re.M) else 1)' "$1" "$2"
}

# step DESCRIPTION REGEX COMMAND...: exit code 0 and stdout matches REGEX
step() {
  local desc=$1 regex=$2
  shift 2
  run "$@"
  if [ "$RC" -eq 0 ] && matches "$regex" "$OUT"; then pass "$desc"; else fail "$desc"; fi
}

# refuse DESCRIPTION REGEX COMMAND...: non-zero exit and stderr matches REGEX
refuse() {
  local desc=$1 regex=$2
  shift 2
  run "$@"
  if [ "$RC" -ne 0 ] && matches "$regex" "$ERR"; then pass "$desc"; else fail "$desc"; fi
}

# eventually DESCRIPTION REGEX COMMAND...: like step, retried for up to 60 s
eventually() {
  local desc=$1 regex=$2
  shift 2
  for _ in $(seq 1 120); do
    run "$@"
    if [ "$RC" -eq 0 ] && matches "$regex" "$OUT"; then pass "$desc"; return; fi
    sleep 0.5
  done
  fail "$desc"
}

deployment() { # NAME NAMESPACE REPLICAS IMAGE
  cat <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $1
  namespace: $2
  labels: {app: $1}
spec:
  replicas: $3
  selector: {matchLabels: {app: $1}}
  template:
    metadata:
      labels: {app: $1}
      annotations:
        kubesim.io/behavior: 'nginx: {logs: ["listening on :80"]}'
    spec:
      containers:
      - name: nginx
        image: $4
        ports: [{containerPort: 80, name: http}]
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
EOF
}

full() {
  local ns="e2e-$RANDOM"
  echo "== full scenario with $("$KUBECTL" version --client -o json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])') (namespace $ns)"

  # discovery and cluster
  step "version reports server minor 32" '"minor": "32"' k version -o json
  step "api-resources lists kinds with short names" 'deployments +deploy +apps/v1 +true +Deployment' k api-resources
  step "api-resources knows pods/po" 'pods +po +v1 +true +Pod' k api-resources --api-group=
  step "cluster-info" 'Kubernetes control plane.* is running at' k cluster-info
  step "nodes are Ready with roles" 'kubesim-control-plane +Ready +control-plane' k get nodes
  step "works with --server and no kubeconfig" 'default' env -u KUBECONFIG "$KUBECTL" --cache-dir="$WORK/cache2" --server="$SERVER" get namespaces
  step "explain uses the OpenAPI v3 schema" 'FIELD: +containers' k explain pods.spec.containers

  # namespace and apply
  step "create namespace (protobuf body)" "namespace/$ns created" k create namespace "$ns"
  step "apply a deployment" 'deployment.apps/web created' k apply -f - <<<"$(deployment web "$ns" 3 nginx:1.25)"
  step "rollout status waits for the rollout" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=90s
  step "three pods Running and ready" '(web-[a-z0-9]+-[a-z0-9]+ +1/1 +Running.*){3}' k -n "$ns" get pods -l app=web --no-headers
  step "wide output shows IP and node" 'web-.*10\.244\.[0-9]+\.[0-9]+ +kubesim-worker' k -n "$ns" get pods -o wide
  step "replicaset owned by the deployment" 'web-[a-z0-9]+ +3 +3 +3' k -n "$ns" get rs
  step "get deployment READY 3/3" 'web +3/3 +3 +3' k -n "$ns" get deploy web
  step "-o name" '^deployment.apps/web$' k -n "$ns" get deploy -o name
  step "-o jsonpath" '^3$' k -n "$ns" get deploy web -o jsonpath='{.status.readyReplicas}'
  step "-o yaml" 'kind: Deployment' k -n "$ns" get deploy web -o yaml
  step "-o json" '"kind": "Deployment"' k -n "$ns" get deploy web -o json
  step "label selector with set syntax" 'web-' k -n "$ns" get pods -l 'app in (web,other)' -o name
  step "field selector" 'web-' k -n "$ns" get pods --field-selector=status.phase=Running -o name

  # scale, update, history
  step "scale" 'deployment.apps/web scaled' k -n "$ns" scale deployment web --replicas=5
  step "rollout after scale" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=90s
  step "set image" 'deployment.apps/web image updated' k -n "$ns" set image deployment/web nginx=nginx:1.27
  step "rolling update completes" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=120s
  step "all pods run the new image" '^(nginx:1.27 ?){5}$' k -n "$ns" get pods -l app=web -o jsonpath='{range .items[*]}{.spec.containers[0].image}{" "}{end}'
  step "rollout history has two revisions" '(?s)1 .*2 ' k -n "$ns" rollout history deployment/web
  step "rollout undo" 'deployment.apps/web rolled back' k -n "$ns" rollout undo deployment/web
  step "undo completes" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=120s
  step "rollout restart" 'deployment.apps/web restarted' k -n "$ns" rollout restart deployment/web
  step "restart completes" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=120s

  # services and endpoints
  step "expose" 'service/web exposed' k -n "$ns" expose deployment web --port=80 --target-port=http
  eventually "endpoints list the ready pods" 'web +(10\.244\.[0-9.]+:80,?){3}' k -n "$ns" get endpoints web
  step "endpointslices" 'web-[a-z0-9]+ +IPv4 +80 ' k -n "$ns" get endpointslices

  # describe, logs, events
  local pod
  pod=$(k -n "$ns" get pods -l app=web -o jsonpath='{.items[0].metadata.name}')
  step "describe pod with events" '(?s)Status: +Running.*Events:.*Scheduled' k -n "$ns" describe pod "$pod"
  step "describe deployment" '(?s)Replicas: +5 desired \| 5 updated \| 5 total \| 5 available.*Events:' k -n "$ns" describe deployment web
  step "describe replicaset" '(?s)Controlled By: +Deployment/web' k -n "$ns" describe rs
  step "describe node" '(?s)Roles: +<none>.*Allocatable:.*Non-terminated Pods' k describe node kubesim-worker
  step "logs of a pod" 'listening on :80' k -n "$ns" logs "$pod"
  step "logs through the deployment" 'listening on :80' k -n "$ns" logs deployment/web --tail=1
  step "get events" 'ScalingReplicaSet' k -n "$ns" get events
  step "kubectl events" 'Scheduled' k -n "$ns" events

  # edits and patches
  step "label" "pod/$pod labeled" k -n "$ns" label pod "$pod" tier=frontend
  step "label column" 'frontend' k -n "$ns" get pods -L tier
  step "annotate" "pod/$pod annotated" k -n "$ns" annotate pod "$pod" note=hello
  step "strategic merge patch" 'deployment.apps/web patched' k -n "$ns" patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"cpu":"200m"}}}]}}}}'
  step "merge patch" 'configmap/cfg patched|configmap/cfg created' k -n "$ns" create configmap cfg --from-literal=a=1
  step "json patch" 'configmap/cfg patched' k -n "$ns" patch configmap cfg --type=json -p '[{"op":"add","path":"/data/b","value":"2"}]'
  printf '#!/bin/sh\nsed -i "s/a: \\"1\\"/a: \\"3\\"/" "$1"\n' >"$WORK/editor.sh"
  chmod +x "$WORK/editor.sh"
  step "edit with an editor" 'configmap/cfg edited' env KUBE_EDITOR="$WORK/editor.sh" "$KUBECTL" --cache-dir="$WORK/cache" -n "$ns" edit configmap cfg
  step "edit took effect" '^3$' k -n "$ns" get configmap cfg -o jsonpath='{.data.a}'
  step "server-side apply" 'configmap/ssa serverside-applied' k apply --server-side -f - <<<"apiVersion: v1
kind: ConfigMap
metadata: {name: ssa, namespace: $ns}
data: {owner: kubectl}"
  k -n "$ns" patch configmap ssa --type=merge -p '{"data":{"owner":"someone"}}' --field-manager=other >/dev/null 2>&1
  refuse "server-side apply conflict" 'Apply failed with 1 conflict: conflict with "other"' k apply --server-side -f - <<<"apiVersion: v1
kind: ConfigMap
metadata: {name: ssa, namespace: $ns}
data: {owner: kubectl}"
  step "force-conflicts" 'configmap/ssa serverside-applied' k apply --server-side --force-conflicts -f - <<<"apiVersion: v1
kind: ConfigMap
metadata: {name: ssa, namespace: $ns}
data: {owner: kubectl}"
  step "create secret" 'secret/s1 created' k -n "$ns" create secret generic s1 --from-literal=password=x
  step "dry-run=server creates nothing" 'name: dry' k -n "$ns" create deployment dry --image=nginx --dry-run=server -o yaml
  refuse "dry-run left nothing" 'NotFound' k -n "$ns" get deployment dry
  refuse "unknown field is rejected (strict validation)" 'unknown field "spec.bogus"|strict decoding error' k apply -f - <<<"apiVersion: v1
kind: ConfigMap
metadata: {name: bad, namespace: $ns}
spec: {bogus: 1}"

  # replace with a stale object
  k -n "$ns" get configmap cfg -o yaml >"$WORK/cfg.yaml"
  k -n "$ns" patch configmap cfg --type=merge -p '{"data":{"c":"4"}}' >/dev/null 2>&1
  refuse "replace with a stale resourceVersion" 'Conflict.*the object has been modified' k replace -f "$WORK/cfg.yaml"

  # wait, delete
  step "wait for Ready" 'condition met' k -n "$ns" wait --for=condition=Ready pod -l app=web --timeout=60s
  step "run a pod" 'pod/tmp created' k -n "$ns" run tmp --image=busybox --restart=Never -- sleep 1
  step "delete waits for the pod" 'pod "tmp" deleted' k -n "$ns" delete pod tmp
  step "run another pod" 'pod/tmp2 created' k -n "$ns" run tmp2 --image=busybox --restart=Never
  step "delete without waiting" 'pod "tmp2" deleted' k -n "$ns" delete pod tmp2 --wait=false
  # prints "condition met" while the pod terminates, nothing when it is already gone
  step "wait --for=delete" 'condition met|\A\Z' k -n "$ns" wait --for=delete pod/tmp2 --timeout=60s
  refuse "the pod is gone" 'NotFound' k -n "$ns" get pod tmp2

  # nodes
  step "cordon" 'node/kubesim-worker2 cordoned' k cordon kubesim-worker2
  step "cordoned node shows SchedulingDisabled" 'kubesim-worker2 +Ready,SchedulingDisabled' k get nodes
  step "uncordon" 'node/kubesim-worker2 uncordoned' k uncordon kubesim-worker2
  step "drain evicts through pods/eviction" 'node/kubesim-worker3 drained' k drain kubesim-worker3 --ignore-daemonsets --delete-emptydir-data --force --timeout=90s
  step "deployment recovers after drain" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=90s
  step "uncordon after drain" 'node/kubesim-worker3 uncordoned' k uncordon kubesim-worker3
  refuse "top answers that metrics are not available" 'Metrics API not available|metrics not available|the server could not find the requested resource' k top nodes

  # watch
  run timeout 3 "$KUBECTL" --cache-dir="$WORK/cache" -n "$ns" get deployments -w
  if [ "$RC" -eq 124 ] && matches '^web ' "$OUT"; then pass "get -w streams until stopped"; else fail "get -w streams until stopped"; fi

  # teardown
  step "delete deployment" 'deployment.apps "web" deleted' k -n "$ns" delete deployment web
  eventually "dependents are garbage collected" '\A\Z' k -n "$ns" get rs,pods -l app=web -o name
  step "delete namespace waits" "namespace \"$ns\" deleted" k delete namespace "$ns" --timeout=120s
  refuse "namespace is gone" 'NotFound' k get namespace "$ns"
}

smoke() {
  local ns="smoke-$RANDOM"
  local v
  v=$("$KUBECTL" version --client -o json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])')
  echo "== smoke scenario with $v (namespace $ns)"
  step "$v get nodes" 'kubesim-worker +Ready' k get nodes
  step "$v create namespace" "namespace/$ns created" k create namespace "$ns"
  step "$v apply deployment" 'deployment.apps/web created' k apply -f - <<<"$(deployment web "$ns" 2 nginx:1.25)"
  step "$v rollout status" 'successfully rolled out' k -n "$ns" rollout status deployment/web --timeout=90s
  step "$v get pods" '(web-.* +1/1 +Running.*){2}' k -n "$ns" get pods --no-headers
  step "$v scale" 'deployment.apps/web scaled' k -n "$ns" scale deployment web --replicas=3
  step "$v describe deployment" 'Replicas:' k -n "$ns" describe deployment web
  step "$v delete namespace" "namespace \"$ns\" deleted" k delete namespace "$ns" --timeout=120s
}

full

DIR=$(dirname "$(readlink -f "$(command -v kubectl)")")
for minor in 27 28 29 30 31 33; do
  if [ -x "$DIR/kubectl.1.$minor" ]; then
    KUBECTL="$DIR/kubectl.1.$minor"
    smoke
  else
    echo "== kubectl 1.$minor is not installed next to $DIR/kubectl: smoke scenario skipped"
  fi
done

echo "kubectl-e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
