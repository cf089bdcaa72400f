package io.realmcrawl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    private static final Pattern REFUSAL =
            Pattern.compile("(.*) is in use by another realmcrawl run \\(pid (\\d+), since (\\S+)\\)");

    @TempDir
    Path dir;

    @Test
    void secondLockOnTheSameOutputIsRefusedWithPidAndTime() throws Exception {
        try (ChildJvm holder = ChildJvm.start(LockHolder.class, dir.toString())) {
            assertEquals("locked", holder.readLine());
            OutputBusyException e = assertThrows(OutputBusyException.class, () -> OutputLock.acquire(dir));
            Matcher m = REFUSAL.matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            assertEquals(dir.toString(), m.group(1));
            assertEquals(holder.pid(), Long.parseLong(m.group(2)));
            Instant since = Instant.parse(m.group(3));
            assertTrue(since.isAfter(Instant.now().minusSeconds(120)) && !since.isAfter(Instant.now()), since.toString());
        }
    }

    @Test
    void lockOfADeadProcessDoesNotBlock() throws Exception {
        ChildJvm holder = ChildJvm.start(LockHolder.class, dir.toString());
        assertEquals("locked", holder.readLine());
        holder.kill();
        try (OutputLock lock = OutputLock.acquire(dir)) {
            String content = Files.readString(dir.resolve(".realmcrawl/lock"));
            assertTrue(content.startsWith(ProcessHandle.current().pid() + " "), content);
        }
    }

    @Test
    void secondLockInTheSameProcessIsRefusedAndFreedOnClose() throws Exception {
        OutputLock first = OutputLock.acquire(dir);
        OutputBusyException e = assertThrows(OutputBusyException.class, () -> OutputLock.acquire(dir));
        assertTrue(e.getMessage().contains("(pid " + ProcessHandle.current().pid() + ", since "), e.getMessage());
        first.close();
        OutputLock.acquire(dir).close();
    }
}
