package io.kubesim.behavior;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code kubesim.io/behavior} annotation (YAML or JSON) and reports every problem with a
 * path inside the document, so admission can answer 422 with precise causes.
 */
public final class BehaviorParser {

    /** One problem: where in the document, and what. */
    public record Problem(String path, String message) {
    }

    /** The outcome: a behaviour, or the problems that prevented it. */
    public record Result(PodBehavior behavior, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> CONTAINER_FIELDS = Set.of("pullDelay", "startDelay", "imagePullFailures",
            "exitCode", "exitAfter", "runs", "readiness", "liveness", "startup", "logs", "terminationExitCode",
            "terminationDelay");
    private static final Set<String> RUN_FIELDS = Set.of("exitCode", "exitAfter", "readiness", "liveness", "startup");

    private BehaviorParser() {
    }

    public static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            problems.add(new Problem("", "not valid YAML or JSON: " + (m == null ? "" : m.split("\n")[0])));
            return new Result(PodBehavior.NONE, problems);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Result(PodBehavior.NONE, problems);
        }
        if (!root.isObject()) {
            problems.add(new Problem("", "must be a map from container name to behaviour"));
            return new Result(PodBehavior.NONE, problems);
        }
        Map<String, ContainerBehavior> containers = new LinkedHashMap<>();
        for (var e : root.properties()) {
            containers.put(e.getKey(), container(e.getValue(), e.getKey(), problems));
        }
        return new Result(new PodBehavior(containers), problems);
    }

    private static ContainerBehavior container(JsonNode n, String path, List<Problem> problems) {
        if (!n.isObject()) {
            problems.add(new Problem(path, "must be a map"));
            return ContainerBehavior.DEFAULT;
        }
        unknownFields(n, CONTAINER_FIELDS, path, problems);
        List<RunBehavior> runs = new ArrayList<>();
        JsonNode r = n.get("runs");
        if (r != null) {
            if (!r.isArray()) {
                problems.add(new Problem(path + ".runs", "must be a list"));
            } else {
                for (int i = 0; i < r.size(); i++) {
                    String p = path + ".runs[" + i + "]";
                    if (!r.get(i).isObject()) {
                        problems.add(new Problem(p, "must be a map"));
                        continue;
                    }
                    unknownFields(r.get(i), RUN_FIELDS, p, problems);
                    runs.add(run(r.get(i), p, problems));
                }
            }
        }
        List<String> logs = new ArrayList<>();
        JsonNode l = n.get("logs");
        if (l != null) {
            if (!l.isArray()) {
                problems.add(new Problem(path + ".logs", "must be a list of strings"));
            } else {
                l.forEach(x -> logs.add(x.asString("")));
            }
        }
        Integer failures = integer(n, "imagePullFailures", path, problems);
        Integer termCode = integer(n, "terminationExitCode", path, problems);
        return new ContainerBehavior(duration(n, "pullDelay", path, problems), duration(n, "startDelay", path, problems),
                failures == null ? 0 : failures, run(n, path, problems), runs, logs, termCode == null ? 0 : termCode,
                orZero(duration(n, "terminationDelay", path, problems)));
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static RunBehavior run(JsonNode n, String path, List<Problem> problems) {
        Integer code = integer(n, "exitCode", path, problems);
        if (code != null && (code < 0 || code > 255)) {
            problems.add(new Problem(path + ".exitCode", "must be between 0 and 255"));
        }
        return new RunBehavior(code, duration(n, "exitAfter", path, problems), windows(n, "readiness", path, problems),
                windows(n, "liveness", path, problems), windows(n, "startup", path, problems));
    }

    private static List<ProbeWindow> windows(JsonNode n, String field, String path, List<Problem> problems) {
        JsonNode w = n.get(field);
        if (w == null) {
            return null;
        }
        String p = path + "." + field;
        if (!w.isArray()) {
            problems.add(new Problem(p, "must be a list of {after, until, result} windows"));
            return null;
        }
        List<ProbeWindow> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            JsonNode x = w.get(i);
            String xp = p + "[" + i + "]";
            if (!x.isObject()) {
                problems.add(new Problem(xp, "must be a map"));
                continue;
            }
            unknownFields(x, Set.of("after", "until", "result"), xp, problems);
            String result = x.path("result").asString("");
            if (!result.equals("success") && !result.equals("failure")) {
                problems.add(new Problem(xp + ".result", "must be \"success\" or \"failure\""));
            }
            Duration after = duration(x, "after", xp, problems);
            Duration until = duration(x, "until", xp, problems);
            if (after != null && until != null && until.compareTo(after) <= 0) {
                problems.add(new Problem(xp + ".until", "must be later than after"));
            }
            out.add(new ProbeWindow(after == null ? Duration.ZERO : after, until, result.equals("success")));
        }
        return out;
    }

    private static Duration duration(JsonNode n, String field, String path, List<Problem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            Duration d = v.isNumber() ? Duration.ofNanos((long) (v.asDouble() * 1e9)) : Durations.parse(v.asString());
            if (d.isNegative()) {
                problems.add(new Problem(path + "." + field, "must not be negative"));
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path + "." + field, e.getMessage() + " (use e.g. 500ms, 2s, 1m30s)"));
            return null;
        }
    }

    private static Integer integer(JsonNode n, String field, String path, List<Problem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            problems.add(new Problem(path + "." + field, "must be an integer"));
            return null;
        }
        return v.asInt();
    }

    private static void unknownFields(JsonNode n, Set<String> known, String path, List<Problem> problems) {
        for (String f : n.propertyNames()) {
            if (!known.contains(f)) {
                problems.add(new Problem(path + "." + f, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
            }
        }
    }
}
