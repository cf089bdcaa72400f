package io.realmcrawl.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Turns a failed write to the mirror into an outcome, telling a full disk (or an exhausted quota)
 * apart from other file errors: a full disk fails every page after it, so the run stops instead
 * of failing the rest of the site one URL at a time.
 *
 * <p>Java has no exception type for ENOSPC or EDQUOT: the JDK puts the OS's text ("No space left
 * on device", "Disk quota exceeded") in the message, so that is what is matched, through the
 * whole cause chain.
 */
final class DiskErrors {
    private DiskErrors() {
    }

    static Outcome.Failed writeFailed(URI url, IOException e) {
        if (isDiskFull(e)) {
            return new Outcome.Failed(url, ErrorKind.DISK_FULL, "cannot write to the mirror: the disk is full ("
                    + e.getMessage() + ")");
        }
        return new Outcome.Failed(url, ErrorKind.FILE_IO, "cannot write to the mirror: " + e.getMessage());
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
