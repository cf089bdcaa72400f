/** An embedded protected site on loopback, used by the demo command and by tests to record what the crawler sent. */
package io.realmcrawl.demo;
