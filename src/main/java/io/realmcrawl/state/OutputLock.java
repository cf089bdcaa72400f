package io.realmcrawl.state;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * An operating-system lock on {@code OUTPUT/.realmcrawl/lock}, so that two runs of the same
 * crawl (say, cron starting the next one while the last is still going) never share an output
 * folder.
 *
 * <p>The OS releases the lock when its process ends, however it ends, so a crashed run never
 * blocks the next one and there is no stale lock to clean up. The file holds "pid started-at" of
 * the holder, only to name it in the refusal; the file itself is never deleted (deleting it would
 * let a second run lock a new file while the first still holds the old one).
 *
 * <p>Locks belong to the process, and closing any channel on the file may drop them all, so
 * within one JVM the held locks are remembered here and the file is not opened a second time.
 */
public final class OutputLock implements Closeable {
    private static final Map<Path, String> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code output} for this process, or says who holds it. */
    public static OutputLock acquire(Path output) throws OutputBusyException, IOException {
        Path folder = Files.createDirectories(output.resolve(".realmcrawl"));
        Path file = folder.toRealPath().resolve("lock");
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                throw new OutputBusyException(output, HELD.get(file));
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = describe(readHolder(channel));
                channel.close(); // this process holds no lock on the file, so closing drops none
                throw new OutputBusyException(output, holder);
            }
            String holder = ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            writeHolder(channel, holder);
            HELD.put(file, describe(holder));
            return new OutputLock(file, channel, lock);
        }
    }

    /**
     * Who holds {@code output}'s lock ("pid N, since T"), or empty when no run does. Reads only:
     * it tries a shared lock on the file for an instant (a run's lock is exclusive) and so works
     * for a user who may read the folder but not write it. Never creates the file.
     */
    public static java.util.Optional<String> holder(Path output) throws IOException {
        Path file = output.resolve(".realmcrawl").resolve("lock");
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        Path real = file.toRealPath();
        synchronized (HELD) {
            if (HELD.containsKey(real)) {
                return java.util.Optional.of(HELD.get(real));
            }
            try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) {
                    return java.util.Optional.of(describe(readHolder(channel)));
                }
                probe.release();
                return java.util.Optional.empty();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void writeHolder(FileChannel channel, String holder) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    }

    /** "pid N, since T" from the lock file's "N T"; the holder may not have written it yet. */
    private static String describe(String holder) {
        String[] parts = holder.split(" ", 2);
        if (parts.length < 2) {
            return "pid unknown";
        }
        return "pid " + parts[0] + ", since " + parts[1];
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD.remove(file);
            }
        }
    }
}
