package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

    @Test
    void everyNodeKnowsItsLine() throws ConfigProblem {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTreeReader.read("""
                # comment
                name: docs
                start:
                  - https://a.example/
                  - https://b.example/
                limits:
                  max-depth: 3
                """).orElseThrow();
        List<YamlNode.Entry> entries = root.entries();
        assertEquals(List.of("name", "start", "limits"), entries.stream().map(YamlNode.Entry::key).toList());
        assertEquals(List.of(2, 3, 6), entries.stream().map(YamlNode.Entry::line).toList());
        YamlNode.Sequence start = (YamlNode.Sequence) entries.get(1).value();
        assertEquals(List.of(4, 5), start.items().stream().map(YamlNode::line).toList());
        YamlNode.Entry depth = ((YamlNode.Mapping) entries.get(2).value()).entries().get(0);
        assertEquals(new YamlNode.Scalar("3", 7), depth.value());
    }

    @Test
    void scalarsKeepTheirTextAsWritten() throws ConfigProblem {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTreeReader.read("a: yes\nb: 0x10\nc: '007'\nd: ~\n")
                .orElseThrow();
        assertEquals(new YamlNode.Scalar("yes", 1), root.entries().get(0).value());
        assertEquals(new YamlNode.Scalar("0x10", 2), root.entries().get(1).value());
        assertEquals(new YamlNode.Scalar("007", 3), root.entries().get(2).value());
        assertInstanceOf(YamlNode.Empty.class, root.entries().get(3).value());
    }
}
