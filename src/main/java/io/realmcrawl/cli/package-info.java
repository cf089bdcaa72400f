/** Command line: parses arguments, loads the crawl config, runs the engine and maps its outcome to wget's exit codes. */
package io.realmcrawl.cli;
