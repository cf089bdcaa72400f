package io.realmcrawl.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Logback's console appender that writes each log line above the live progress line (see
 * {@link StatusLine}) instead of through it; wired in logback.xml.
 */
public class ConsoleLineAppender extends ConsoleAppender<ILoggingEvent> {
    @Override
    protected void subAppend(ILoggingEvent event) {
        StatusLine.aroundLog(() -> super.subAppend(event));
    }
}
