package io.realmcrawl.crawl;

import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.Mirror;
import java.io.IOException;
import java.util.List;

/**
 * Power-loss safety: before a batch of done marks is committed, forces those pages, their header
 * files and folders to the disk. It runs on the state's flusher thread, off the workers' path,
 * and the batch commits once: never one commit per page.
 */
final class PageSync implements CrawlState.FlushListener {
    private final Mirror mirror;

    PageSync(Mirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void beforeCommit(List<UrlRecord> records) throws IOException {
        for (UrlRecord record : records) {
            if (record.file().isPresent()) {
                mirror.force(record.file().get());
            }
        }
    }
}
