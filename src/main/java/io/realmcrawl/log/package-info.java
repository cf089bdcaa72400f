/** Logging set-up and redaction of credentials from every log line. */
package io.realmcrawl.log;
