package io.realmcrawl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unresolved links of one page and its first {@code <base href>}, gathered element by element
 * from either reader (jsoup's tree or {@link TagScanner}); the rules of what is a link live here
 * once.
 */
final class RawLinks {
    /** Which attributes of which elements hold a URL ({@code srcset} holds several). */
    static final Map<String, List<String>> URL_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", List.of("href")),
            Map.entry("area", List.of("href")),
            Map.entry("link", List.of("href")),
            Map.entry("iframe", List.of("src")),
            Map.entry("frame", List.of("src")),
            Map.entry("img", List.of("src", "srcset")),
            Map.entry("script", List.of("src")),
            Map.entry("source", List.of("src", "srcset")),
            Map.entry("video", List.of("src")),
            Map.entry("audio", List.of("src")),
            Map.entry("embed", List.of("src")),
            Map.entry("object", List.of("data")));

    /** The rules of the elements that hold more than a style attribute's links, made once. */
    private static final Map<String, TagRule> RULES = rules();

    private static Map<String, TagRule> rules() {
        Map<String, TagRule> rules = new HashMap<>();
        for (String tag : URL_ATTRIBUTES.keySet()) {
            rules.put(tag, new TagRule(tag));
        }
        rules.put("meta", new TagRule("meta"));
        rules.put("base", new TagRule("base"));
        return Map.copyOf(rules);
    }

    /**
     * What is read of the elements of one name: the attributes that hold a URL with the source
     * of each ({@code a[href]}), the source of a {@code style} attribute's URLs, and whether it is
     * a {@code meta} (a refresh) or a {@code base}.
     */
    static final class TagRule {
        private final String tag;
        /** Arrays, not lists: read for every tag, and a list's calls are megamorphic under C1. */
        private final String[] urlAttributes;
        private final String[] sources;
        private final String styleSource;
        private final boolean meta;
        private final boolean base;

        private TagRule(String tag) {
            this.tag = tag;
            this.urlAttributes = URL_ATTRIBUTES.getOrDefault(tag, List.of()).toArray(String[]::new);
            this.sources = new String[urlAttributes.length];
            for (int i = 0; i < urlAttributes.length; i++) {
                sources[i] = tag + "[" + urlAttributes[i] + "]";
            }
            this.styleSource = tag + "[style]";
            this.meta = tag.equals("meta");
            this.base = tag.equals("base");
        }

        /** Every attribute {@link #add} reads of these elements. */
        List<String> attributesRead() {
            List<String> read = new ArrayList<>(List.of(urlAttributes));
            read.add("style");
            if (meta) {
                read.addAll(List.of("http-equiv", "content"));
            }
            if (base) {
                read.add("href");
            }
            return read;
        }
    }

    /** The rule of elements named {@code tag} (lower case). */
    static TagRule ruleOf(String tag) {
        TagRule rule = RULES.get(tag);
        return rule != null ? rule : new TagRule(tag);
    }

    /** An element's attribute values, decoded; null when the element has no such attribute. */
    interface Element {
        String attribute(String name);
    }

    private final List<RawLink> links = new ArrayList<>();
    private String baseHref;

    /** Adds what an element named {@code tag} (lower case) links to. */
    void add(String tag, Element element) {
        add(ruleOf(tag), element);
    }

    /** Adds what an element of {@code rule}'s name links to. */
    void add(TagRule rule, Element element) {
        for (int i = 0; i < rule.urlAttributes.length; i++) {
            String attribute = rule.urlAttributes[i];
            String value = element.attribute(attribute);
            if (value == null) {
                continue;
            }
            String source = rule.sources[i];
            if (attribute.equals("srcset")) {
                Srcset.urls(value).forEach(url -> links.add(new RawLink(url, source)));
            } else {
                links.add(new RawLink(value.strip(), source));
            }
        }
        String style = element.attribute("style");
        if (style != null && !style.isEmpty()) {
            CssReferences.urls(style).forEach(url -> links.add(new RawLink(url.strip(), rule.styleSource)));
        }
        if (rule.meta && isRefresh(element)) {
            String content = element.attribute("content");
            MetaRefresh.url(content == null ? "" : content).ifPresent(url -> links.add(new RawLink(url, "meta[refresh]")));
        }
        if (rule.base && baseHref == null) {
            baseHref = element.attribute("href");
        }
    }

    /** A URL a style sheet loads ({@code url()}, {@code @import}). */
    void addStyleSheetUrl(String url, boolean isImport) {
        if (!url.isEmpty()) {
            links.add(new RawLink(url, isImport ? "css[@import]" : "css[url]"));
        }
    }

    /** The text of a {@code <style>} element: the URLs it loads. */
    void addStyleElement(String css) {
        CssReferences.urls(css).forEach(url -> links.add(new RawLink(url.strip(), "style")));
    }

    private static boolean isRefresh(Element meta) {
        String equiv = meta.attribute("http-equiv");
        return equiv != null && equiv.strip().equalsIgnoreCase("refresh");
    }

    List<RawLink> links() {
        return links;
    }

    /** The href of the first {@code <base>} that has one. */
    Optional<String> baseHref() {
        return Optional.ofNullable(baseHref);
    }
}
