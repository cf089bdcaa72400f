package io.realmcrawl.extract;

import java.util.ArrayList;
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

    /** "a[href]" and the like, made once: tag, then attribute, to source. */
    private static final Map<String, Map<String, String>> SOURCES = sources();

    private static Map<String, Map<String, String>> sources() {
        Map<String, Map<String, String>> sources = new java.util.HashMap<>();
        URL_ATTRIBUTES.forEach((tag, attributes) -> {
            Map<String, String> byAttribute = new java.util.HashMap<>();
            attributes.forEach(a -> byAttribute.put(a, tag + "[" + a + "]"));
            sources.put(tag, Map.copyOf(byAttribute));
        });
        return Map.copyOf(sources);
    }

    /** An element's attribute values, decoded; null when the element has no such attribute. */
    interface Element {
        String attribute(String name);
    }

    private final List<RawLink> links = new ArrayList<>();
    private String baseHref;

    /** Adds what an element named {@code tag} (lower case) links to. */
    void add(String tag, Element element) {
        for (String attribute : URL_ATTRIBUTES.getOrDefault(tag, List.of())) {
            String value = element.attribute(attribute);
            if (value == null) {
                continue;
            }
            String source = SOURCES.get(tag).get(attribute);
            if (attribute.equals("srcset")) {
                Srcset.urls(value).forEach(url -> links.add(new RawLink(url, source)));
            } else {
                links.add(new RawLink(value.strip(), source));
            }
        }
        String style = element.attribute("style");
        if (style != null && !style.isEmpty()) {
            CssReferences.urls(style).forEach(url -> links.add(new RawLink(url.strip(), tag + "[style]")));
        }
        if (tag.equals("meta") && isRefresh(element)) {
            String content = element.attribute("content");
            MetaRefresh.url(content == null ? "" : content).ifPresent(url -> links.add(new RawLink(url, "meta[refresh]")));
        }
        if (tag.equals("base") && baseHref == null) {
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
