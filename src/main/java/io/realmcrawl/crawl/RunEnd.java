package io.realmcrawl.crawl;

import io.realmcrawl.state.Change;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.RunInfo;
import io.realmcrawl.state.RecordText;
import io.realmcrawl.store.Manifest;
import io.realmcrawl.store.ManifestLine;
import io.realmcrawl.store.Mirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once the workers are done: the manifest is written from the crawl state (the
 * state, not the manifest, is what survives a crash), removed pages go to the attic when asked
 * and only after a complete run, and the URL lists of the report are read back.
 */
final class RunEnd {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    /** {@code _} never starts a host folder (the mirror writes it {@code %5F}), so no page can land here. */
    static final String ATTIC = "_attic";
    private static final List<Change> LISTED = List.of(Change.NEW, Change.CHANGED, Change.UNCHANGED, Change.REMOVED,
            Change.FAILED, Change.DISALLOWED);

    private final CrawlState state;
    private final Mirror mirror;
    private final RunInfo run;
    /** The report's URL lists, gathered while the manifest is written (one pass over the records). */
    private Map<String, List<String>> listed;

    RunEnd(CrawlState state, Mirror mirror, RunInfo run) {
        this.state = state;
        this.mirror = mirror;
        this.run = run;
    }

    /**
     * Writes the manifest, and gathers the report's URL lists on the way: both read every record
     * of the run, which costs a row read and a record per URL (~2% of a crawl's CPU when done twice).
     * The records are read as texts ({@link RecordText}) and written as such: nothing is parsed
     * only to be printed again.
     */
    void writeManifest() throws IOException {
        Map<Change, List<String>> lists = new EnumMap<>(Change.class);
        for (Change change : LISTED) {
            lists.put(change, new ArrayList<>());
        }
        try (Manifest manifest = Manifest.open(mirror.root())) {
            state.forEachRecordText(record -> {
                append(manifest, record);
                List<String> list = lists.get(record.change());
                if (list != null) {
                    list.add(record.url());
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Change change : LISTED) {
            byKey.put(key(change), lists.get(change));
        }
        listed = byKey;
    }

    void moveRemovedToAttic() throws IOException {
        String folder = ATTIC + "/run-" + run.id();
        List<String> files = new ArrayList<>();
        state.forEachRecord(Change.REMOVED, record -> record.file().ifPresent(files::add));
        for (String file : files) {
            mirror.moveToAttic(file, folder);
        }
        if (!files.isEmpty()) {
            log.info("moved {} page(s) the site no longer has to {}/", files.size(), folder);
        }
    }

    /** The URLs of the run by what became of them, each list in discovery order. */
    Map<String, List<String>> urlsByChange() throws IOException {
        if (listed != null) {
            return listed;
        }
        Map<Change, List<String>> found = state.urlsByChange(LISTED);
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (Change change : LISTED) {
            urls.put(key(change), found.get(change));
        }
        return urls;
    }

    private static String key(Change change) {
        return change.name().toLowerCase(Locale.ROOT);
    }

    private static void append(Manifest manifest, RecordText r) {
        try {
            manifest.append(lineOf(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The manifest line of a record: a redirect's detail is its target (checked to be a URI, as
     * it always was), any other detail an error.
     */
    static ManifestLine lineOf(RecordText r) {
        boolean redirect = r.change() == Change.REDIRECT;
        Optional<String> target = redirect ? r.detail().map(d -> URI.create(d).toString()) : Optional.empty();
        Optional<String> error = redirect ? Optional.empty() : r.detail();
        return new ManifestLine(r.url(), r.status(), r.file(), r.size(), r.contentType(), r.checksum(), r.fetchedAt(),
                error, target);
    }
}
