package io.realmcrawl.auth;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Shows POSIX permissions as chmod takes them ({@code 0644}), for messages about secret files. */
final class FileModes {

    private FileModes() {
    }

    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal()); // the enum runs OWNER_READ … OTHERS_EXECUTE, high bit first
        }
        return String.format("0%03o", mode);
    }
}
