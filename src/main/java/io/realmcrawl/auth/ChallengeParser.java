package io.realmcrawl.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the challenges out of {@code WWW-Authenticate} header values (RFC 7235 §4.1).
 *
 * <p>A header value is a comma-separated list whose elements either start a challenge
 * ({@code scheme}, {@code scheme token68}, {@code scheme name=value}) or add a parameter to the
 * challenge before them ({@code name=value}). Commas inside quoted strings do not separate.
 *
 * <p>Lenient by design, as servers send what they like: it never throws; a malformed element is
 * skipped (and parameters right after it are dropped, as it is unclear whose they are), and the
 * rest of the value is still read. Duplicate parameter names keep their first value.
 */
public final class ChallengeParser {

    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private ChallengeParser() {
    }

    /** The challenges of all the given header values, in order; never null, never throws. */
    public static List<Challenge> parse(List<String> wwwAuthenticateValues) {
        List<Challenge> out = new ArrayList<>();
        if (wwwAuthenticateValues == null) {
            return out;
        }
        for (String value : wwwAuthenticateValues) {
            if (value != null) {
                parseValue(value, out);
            }
        }
        return List.copyOf(out);
    }

    private static void parseValue(String value, List<Challenge> out) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (String element : splitElements(value)) {
            current = absorb(element.strip(), current, drafts);
        }
        drafts.forEach(d -> out.add(d.build()));
    }

    /** Adds one list element to the drafts; returns the challenge later parameters belong to. */
    private static Draft absorb(String element, Draft current, List<Draft> drafts) {
        if (element.isEmpty()) {
            return current;
        }
        Optional<Param> param = Param.parse(element);
        if (param.isPresent()) {
            if (current != null) {
                current.add(param.get());
            }
            return current;
        }
        int end = Lexer.tokenEnd(element, 0);
        if (end == 0 || (end < element.length() && !Lexer.isSpace(element.charAt(end)))) {
            return null;
        }
        Draft started = startChallenge(element.substring(0, end), element.substring(end).strip());
        drafts.add(started);
        return started.token68 == null ? started : null;
    }

    private static Draft startChallenge(String scheme, String rest) {
        Draft draft = new Draft(scheme);
        if (rest.isEmpty()) {
            return draft;
        }
        Optional<Param> param = Param.parse(rest);
        if (param.isPresent()) {
            draft.add(param.get());
        } else if (TOKEN68.matcher(rest).matches()) {
            draft.token68 = rest;
        }
        return draft;
    }

    /** Splits at commas outside quoted strings (a backslash escapes the next character). */
    static List<String> splitElements(String value) {
        List<String> elements = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                element.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                elements.add(element.toString());
                element.setLength(0);
                continue;
            }
            element.append(c);
        }
        elements.add(element.toString());
        return elements;
    }

    /** A challenge being assembled from list elements. */
    private static final class Draft {
        private final String scheme;
        private final Map<String, String> params = new LinkedHashMap<>();
        private String token68;

        Draft(String scheme) {
            this.scheme = scheme;
        }

        void add(Param param) {
            params.putIfAbsent(param.name().toLowerCase(java.util.Locale.ROOT), param.value());
        }

        Challenge build() {
            return new Challenge(scheme, params, Optional.ofNullable(token68));
        }
    }

    /** {@code name BWS "=" BWS ( token / quoted-string )}, filling a whole element. */
    private record Param(String name, String value) {
        static Optional<Param> parse(String text) {
            int nameEnd = Lexer.tokenEnd(text, 0);
            int eq = Lexer.skipSpace(text, nameEnd);
            if (nameEnd == 0 || eq >= text.length() || text.charAt(eq) != '=') {
                return Optional.empty();
            }
            int start = Lexer.skipSpace(text, eq + 1);
            Optional<Lexer.Value> value = Lexer.value(text, start);
            if (value.isEmpty() || Lexer.skipSpace(text, value.get().end()) != text.length()) {
                return Optional.empty();
            }
            return Optional.of(new Param(text.substring(0, nameEnd), value.get().text()));
        }
    }
}
