package org.pfptracker.launcher.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression selects: each metric name with its label matchers. Enough of PromQL for our
 * rules and panels (functions, aggregations with by/without, binary operators, ranges, offsets, Grafana's
 * {@code $__rate_interval}), so that a test can hold them to what the servers really export.
 */
final class PromQl {

    /** One vector selector: {@code http_server_requests_seconds_count{job="pfp-gateway", status="503"}}. */
    record Selector(String metric, List<LabelMatcher> matchers) {

        /** The value a label must equal or match, if the selector says. */
        java.util.Optional<LabelMatcher> matcher(String label) {
            return matchers.stream().filter(m -> m.label().equals(label)).findFirst();
        }
    }

    /** {@code label op "value"}, op one of {@code = != =~ !~}. */
    record LabelMatcher(String label, String op, String value) {

        /** Whether a label of this value is selected. */
        boolean selects(String candidate) {
            return switch (op) {
                case "=" -> candidate.equals(value);
                case "!=" -> !candidate.equals(value);
                case "=~" -> candidate.matches(value);
                default -> !candidate.matches(value);
            };
        }
    }

    /** Words followed by a parenthesised list of labels, not by an expression. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PromQl() {
    }

    /** Every vector selector in the expression, in order. */
    static List<Selector> selectors(String expression) {
        List<Selector> found = new ArrayList<>();
        String e = expression;
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = afterString(e, i);
            } else if (c == '[') {
                i = e.indexOf(']', i) + 1;
            } else if (c == '$') {
                i = afterWord(e, i + 1);
            } else if (Character.isDigit(c) || c == '.') {
                i = afterWord(e, i);
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = afterWord(e, i);
                String word = e.substring(i, end);
                int next = skipSpaces(e, end);
                char following = next < e.length() ? e.charAt(next) : ' ';
                if (LABEL_LISTS.contains(word) && following == '(') {
                    i = e.indexOf(')', next) + 1;
                } else if (aggregatesBy(e, next)) {
                    // sum by (pod) (...): an aggregation operator, whose labels come before its expression
                    i = end;
                } else if (following == '(' || KEYWORDS.contains(word)) {
                    i = end;
                } else if (following == '{') {
                    int close = closingBrace(e, next);
                    found.add(new Selector(word, matchers(e.substring(next + 1, close))));
                    i = close + 1;
                } else {
                    found.add(new Selector(word, List.of()));
                    i = end;
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static boolean aggregatesBy(String e, int next) {
        String following = e.substring(next, afterWord(e, next));
        return following.equals("by") || following.equals("without");
    }

    private static List<LabelMatcher> matchers(String body) {
        List<LabelMatcher> matchers = new ArrayList<>();
        Matcher m = MATCHER.matcher(body);
        while (m.find()) {
            matchers.add(new LabelMatcher(m.group(1), m.group(2), m.group(3).replace("\\\\", "\\")));
        }
        return matchers;
    }

    private static int afterWord(String e, int from) {
        int i = from;
        while (i < e.length() && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '_' || e.charAt(i) == ':'
                || e.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String e, int from) {
        int i = from;
        while (i < e.length() && Character.isWhitespace(e.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int afterString(String e, int open) {
        char quote = e.charAt(open);
        int i = open + 1;
        while (i < e.length() && e.charAt(i) != quote) {
            i += e.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int closingBrace(String e, int open) {
        int i = open + 1;
        while (e.charAt(i) != '}') {
            i = e.charAt(i) == '"' ? afterString(e, i) : i + 1;
        }
        return i;
    }

    /** Sample names and the label names each carries, from a scrape in Prometheus' text format. */
    static Map<String, Set<String>> samples(String scrape) {
        Map<String, Set<String>> samples = new LinkedHashMap<>();
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int nameEnd = brace >= 0 && brace < space ? brace : space;
            Set<String> labels = samples.computeIfAbsent(line.substring(0, nameEnd), name -> new java.util.TreeSet<>());
            if (nameEnd == brace) {
                Matcher m = label.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (m.find()) {
                    labels.add(m.group(1));
                }
            }
        }
        return samples;
    }
}
