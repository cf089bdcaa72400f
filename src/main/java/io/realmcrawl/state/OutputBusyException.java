package io.realmcrawl.state;

import java.io.IOException;
import java.nio.file.Path;

/** Another realmcrawl run holds the output folder's lock. */
public final class OutputBusyException extends IOException {

    OutputBusyException(Path output, String holder) {
        super(output + " is in use by another realmcrawl run (" + holder + ")");
    }
}
