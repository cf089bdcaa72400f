package io.realmcrawl.crawl;

import io.realmcrawl.extract.Link;
import io.realmcrawl.extract.LinkExtractor;
import io.realmcrawl.extract.ParseLimits;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.store.ReceivedBody;
import io.realmcrawl.store.StoredPage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links of a page, whether just saved (its body as received, held in memory when small)
 * or kept from an earlier run (its file on disk: a 304 still has links to follow). HTML pages and CSS style sheets are read, nothing else; the
 * original body is read when the page's links were converted.
 */
final class Links {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    /** One for the process: it remembers resolved hrefs across pages (bounded), which all workers share. */
    private static final LinkExtractor EXTRACTOR = new LinkExtractor();

    private Links() {
    }

    /** The links of a body just saved, read again from memory when the mirror held it, else from its file. */
    static List<URI> ofReceived(ReceivedBody body, ResponseHead head, URI url, ParseLimits limits) throws IOException {
        return extract(body::open, head, url, limits);
    }

    static List<URI> ofStored(StoredPage stored, URI url, ParseLimits limits) throws IOException {
        return extract(() -> Files.newInputStream(stored.path()), stored.head(), url, limits);
    }

    /** Opens a body only when its type has links to find. */
    private interface Body {
        InputStream open() throws IOException;
    }

    /** The links of a response body read straight from the network (the dry run saves nothing). */
    static List<URI> ofBody(InputStream body, ResponseHead head, URI url, ParseLimits limits) throws IOException {
        return isHtml(url, head) ? EXTRACTOR.links(body, charsetOf(head), url, limits).stream().map(Link::url)
                .toList() : List.of();
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The links of an HTML page or a CSS style sheet; nothing for other types. */
    private static List<URI> extract(Body body, ResponseHead head, URI url, ParseLimits limits) throws IOException {
        boolean html = isHtml(url, head);
        if (!html && !isStyleSheet(url, head)) {
            return List.of();
        }
        try (InputStream in = body.open()) {
            List<Link> links = html ? EXTRACTOR.links(in, charsetOf(head), url, limits)
                    : EXTRACTOR.styleSheetLinks(in, charsetOf(head), url);
            return links.stream().map(Link::url).toList();
        }
    }

    /** Whether a page is a style sheet, by its media type or, without one, its extension. */
    static boolean isStyleSheet(URI url, ResponseHead head) {
        Optional<String> type = head.mediaType();
        return type.isPresent() ? type.get().equals("text/css") : url.getPath().toLowerCase(Locale.ROOT).endsWith(".css");
    }

    static boolean isHtml(URI url, ResponseHead head) {
        Optional<String> type = head.mediaType();
        if (type.isPresent()) {
            return HTML_TYPES.contains(type.get());
        }
        String path = url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith("/") || path.endsWith(".html") || path.endsWith(".htm");
    }

    private static Optional<String> charsetOf(ResponseHead head) {
        return head.first("Content-Type").map(CHARSET::matcher).filter(Matcher::find).map(m -> m.group(1));
    }
}
