package io.realmcrawl.crawl;

import io.realmcrawl.convert.LinkConverter;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.Mirror;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --convert-links} at the end of a run: reads from the crawl state which URLs have a local
 * copy (the file is still there) and which redirect where, and has the saved HTML and CSS
 * converted.
 */
final class Conversion {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

    private Conversion() {
    }

    static LinkConverter.Result run(CrawlState state, Mirror mirror) throws IOException {
        Map<URI, String> files = new HashMap<>();
        Map<URI, URI> redirects = new HashMap<>();
        List<LinkConverter.Page> pages = new ArrayList<>();
        state.forEachRecord(record -> {
            if (record.change() == Change.REDIRECT) {
                record.detail().ifPresent(to -> redirects.put(record.url(), URI.create(to)));
            } else if (record.file().isPresent() && Files.isRegularFile(mirror.root().resolve(record.file().get()))) {
                files.put(record.url(), record.file().get());
                kind(record).ifPresent(kind -> pages.add(new LinkConverter.Page(record.url(), record.file().get(), kind,
                        record.contentType().map(CHARSET::matcher).filter(Matcher::find).map(m -> m.group(1)))));
            }
        });
        LinkConverter.Result result = new LinkConverter(mirror, files, redirects).convert(pages);
        log.info("convert-links: {} page(s) rewritten, {} left as they were", result.converted(), result.unchanged());
        return result;
    }

    private static Optional<LinkConverter.Kind> kind(UrlRecord record) {
        List<ResponseHead.Header> headers = record.contentType().map(type -> List.of(new ResponseHead.Header(
                "Content-Type", type))).orElse(List.of());
        ResponseHead head = new ResponseHead("HTTP/1.1", record.status(), "", headers);
        if (Links.isStyleSheet(record.url(), head)) {
            return Optional.of(LinkConverter.Kind.CSS);
        }
        return Links.isHtml(record.url(), head) ? Optional.of(LinkConverter.Kind.HTML) : Optional.empty();
    }
}
