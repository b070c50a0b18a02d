package io.kubesim.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 as a scraper sees it: {@code # HELP} and
 * {@code # TYPE} lines, then samples {@code name{label="value",...} value}. A line it cannot read fails the test, so
 * the format itself is checked, not only the numbers.
 */
public final class PrometheusText {

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                Matcher m = TYPE.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("bad TYPE line: " + line);
                }
                out.types.put(m.group(1), m.group(2));
            } else if (!line.startsWith("# HELP ")) {
                out.samples.add(sample(line));
            }
        }
        return out;
    }

    private static Sample sample(String line) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw new AssertionError("bad sample line: " + line);
        }
        int i = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            int close = line.lastIndexOf('}');
            String inner = line.substring(i + 1, close);
            Matcher l = LABEL.matcher(inner);
            int pos = 0;
            while (pos < inner.length()) {
                if (!l.find(pos) || l.start() != pos) {
                    throw new AssertionError("bad labels in: " + line);
                }
                labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                pos = l.end();
                if (pos < inner.length()) {
                    if (inner.charAt(pos) != ',') {
                        throw new AssertionError("bad labels in: " + line);
                    }
                    pos++;
                }
            }
            i = close + 1;
        }
        String[] rest = line.substring(i).trim().split(" ");
        return new Sample(line.substring(0, name.end()), labels, value(rest[0]));
    }

    private static double value(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    /** The declared type of a metric family, if any. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The samples of {@code name} that carry at least the {@code wanted} labels. */
    public List<Sample> find(String name, Map<String, String> wanted) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(wanted)).toList();
    }

    /** The one sample of {@code name} with exactly these labels' values (others may be present). */
    public Optional<Double> value(String name, Map<String, String> wanted) {
        List<Sample> found = find(name, wanted);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " match " + wanted + ": " + found);
        }
        return found.stream().map(Sample::value).findFirst();
    }

    public List<Sample> samples() {
        return samples;
    }
}
