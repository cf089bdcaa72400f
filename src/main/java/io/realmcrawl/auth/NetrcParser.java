package io.realmcrawl.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the text of a netrc file into entries, the way curl reads it: whitespace-separated
 * tokens, {@code "quoted tokens"} with backslash escapes, {@code #} to the end of the line a
 * comment, {@code machine NAME} or {@code default} starting an entry, {@code login} and
 * {@code password} filling it, {@code account} ignored, and a {@code macdef NAME} block skipped
 * up to the next empty line.
 *
 * <p>It is lenient, like curl: an unknown token is skipped, and an entry without a login or a
 * password is dropped. Machine names are lower-cased ({@link java.util.Locale#ROOT}) to match
 * origins.
 */
final class NetrcParser {

    private final List<NetrcEntry> entries = new ArrayList<>();
    private Optional<String> machine;
    private String login;
    private char[] password;
    private boolean inEntry;

    private NetrcParser() {
    }

    static List<NetrcEntry> parse(String text) {
        NetrcParser parser = new NetrcParser();
        parser.read(tokens(text.split("\r?\n", -1)));
        return List.copyOf(parser.entries);
    }

    private void read(List<String> tokens) {
        int i = 0;
        while (i < tokens.size()) {
            String keyword = tokens.get(i++).toLowerCase(Locale.ROOT);
            boolean takesValue = keyword.equals("machine") || keyword.equals("login")
                    || keyword.equals("password") || keyword.equals("account");
            String value = takesValue && i < tokens.size() ? tokens.get(i++) : null;
            apply(keyword, value);
        }
        finish();
    }

    /** Every token of the file in order, comments and macro definitions left out. */
    private static List<String> tokens(String[] lines) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<String> line = tokens(lines[i]);
            int macdef = indexOfMacdef(line);
            all.addAll(line.subList(0, macdef));
            if (macdef < line.size()) {
                i = endOfMacro(lines, i);
            }
        }
        return all;
    }

    private static int indexOfMacdef(List<String> line) {
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).equalsIgnoreCase("macdef")) {
                return i;
            }
        }
        return line.size();
    }

    private void apply(String keyword, String value) {
        switch (keyword) {
            case "machine" -> start(Optional.ofNullable(value).map(v -> v.toLowerCase(Locale.ROOT)));
            case "default" -> start(Optional.empty());
            case "login" -> login = inEntry ? value : login;
            case "password" -> password = inEntry && value != null ? value.toCharArray() : password;
            default -> { } // account, and tokens curl does not know either
        }
    }

    private void start(Optional<String> next) {
        finish();
        inEntry = true;
        machine = next;
    }

    private void finish() {
        if (inEntry && login != null && password != null) {
            entries.add(new NetrcEntry(machine, login, password));
        }
        inEntry = false;
        login = null;
        password = null;
    }

    /** The index of the empty line that ends the macro defined on line {@code start}. */
    private static int endOfMacro(String[] lines, int start) {
        int i = start + 1;
        while (i < lines.length && !lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    /** The tokens of one line, up to a comment. */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else {
                StringBuilder token = new StringBuilder();
                i = c == '"' ? quoted(line, i + 1, token) : plain(line, i, token);
                tokens.add(token.toString());
            }
        }
        return tokens;
    }

    private static int plain(String line, int i, StringBuilder token) {
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            token.append(line.charAt(i++));
        }
        return i;
    }

    /** Reads a quoted token from after its opening quote; returns the index after the closing quote. */
    private static int quoted(String line, int i, StringBuilder token) {
        while (i < line.length() && line.charAt(i) != '"') {
            char c = line.charAt(i++);
            if (c == '\\' && i < line.length()) {
                char e = line.charAt(i++);
                token.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                token.append(c);
            }
        }
        return i + 1;
    }
}
