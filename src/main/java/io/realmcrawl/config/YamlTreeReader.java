package io.realmcrawl.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree where every node knows its line.
 *
 * <p>Why the streaming parser: Jackson's databind trees drop token locations, and every config
 * error must name its line; {@code currentTokenLocation()} gives it for each token. Aliases and
 * explicit tags are refused: a crawl config is short enough to write out, and an alias would make
 * a value's line point at a different place than where it is used. Anchors are refused where the
 * parser reports them (on lists and mappings); it does not report them on single values, which is
 * harmless since nothing can refer to them. Duplicate keys are refused too (the parser would
 * silently keep the last one).
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTreeReader() {
    }

    /** The single document of {@code text}, or empty when it holds none (blank or comments only). */
    static Optional<YamlNode> read(String text) throws ConfigProblem {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                return document((YAMLParser) parser);
            } catch (JsonProcessingException e) {
                throw syntaxError(e, parser.currentLocation().getLineNr());
            }
        } catch (IOException e) {
            throw new ConfigProblem(0, "cannot be parsed: " + e.getClass().getSimpleName());
        }
    }

    private static Optional<YamlNode> document(YAMLParser parser) throws IOException, ConfigProblem {
        if (parser.nextToken() == null) {
            return Optional.empty();
        }
        YamlNode root = node(parser);
        if (parser.nextToken() != null) {
            throw new ConfigProblem(line(parser), "a second YAML document starts here ('---');"
                    + " a crawl config is one document");
        }
        return root instanceof YamlNode.Empty ? Optional.empty() : Optional.of(root);
    }

    private static YamlNode node(YAMLParser parser) throws IOException, ConfigProblem {
        refuseAliasesAnchorsAndTags(parser);
        int line = line(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, line);
            case START_ARRAY -> sequence(parser, line);
            case VALUE_NULL -> new YamlNode.Empty(line);
            default -> new YamlNode.Scalar(parser.getText(), line);
        };
    }

    private static YamlNode.Mapping mapping(YAMLParser parser, int line) throws IOException, ConfigProblem {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            Integer first = seen.putIfAbsent(key, keyLine);
            if (first != null) {
                throw new ConfigProblem(keyLine, "duplicate key '" + key + "' (first on line " + first + ")");
            }
            parser.nextToken();
            entries.add(new YamlNode.Entry(key, keyLine, node(parser)));
        }
        return new YamlNode.Mapping(entries, line);
    }

    private static YamlNode.Sequence sequence(YAMLParser parser, int line) throws IOException, ConfigProblem {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(parser));
        }
        return new YamlNode.Sequence(items, line);
    }

    private static void refuseAliasesAnchorsAndTags(YAMLParser parser) throws IOException, ConfigProblem {
        if (parser.isCurrentAlias()) {
            throw new ConfigProblem(line(parser), "YAML aliases (*name) are not supported in crawl configs;"
                    + " write the value out");
        }
        if (parser.getObjectId() != null) {
            throw new ConfigProblem(line(parser), "YAML anchors (&name) are not supported in crawl configs;"
                    + " write the value out");
        }
        if (parser.getTypeId() != null) {
            throw new ConfigProblem(line(parser), "YAML tags (!!type) are not supported in crawl configs;"
                    + " quote the value if it must stay text");
        }
    }

    /**
     * A syntax error with the parser's line and problem. SnakeYAML's full message quotes the
     * offending line of the file, which could hold a password written by mistake, so only its
     * problem and context are kept, and the exception is not attached as a cause.
     */
    private static ConfigProblem syntaxError(JsonProcessingException e, int parserLine) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new ConfigProblem(marked.getProblemMark().getLine() + 1,
                    "YAML syntax error: " + marked.getProblem() + context);
        }
        int line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? parserLine : e.getLocation().getLineNr();
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Expected a field name")) {
            return new ConfigProblem(line, "YAML syntax error: a key must be a single value, not a list or mapping");
        }
        return new ConfigProblem(line, "YAML syntax error: " + message.lines().findFirst().orElse(""));
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
