package io.realmcrawl.crawl;

import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.Mirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Power-loss safety: before a batch of done marks is committed, forces those pages, their header
 * files and folders to the disk. One sync per page, but off the workers' path and batched with
 * the commit, never one commit per page.
 */
final class PageSync implements Consumer<List<UrlRecord>> {
    private final Mirror mirror;

    PageSync(Mirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void accept(List<UrlRecord> batch) {
        for (UrlRecord record : batch) {
            record.file().ifPresent(file -> force(file));
        }
    }

    private void force(String file) {
        try {
            mirror.force(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force " + file + " to the disk", e);
        }
    }
}
