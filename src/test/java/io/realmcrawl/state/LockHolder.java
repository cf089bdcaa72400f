package io.realmcrawl.state;

import java.nio.file.Path;

/** Child JVM: locks the output folder given as its argument, says so, and holds it until killed. */
public final class LockHolder {
    public static void main(String[] args) throws Exception {
        OutputLock lock = OutputLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
