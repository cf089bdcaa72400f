/** Crawl configs: immutable records, YAML loading with line-precise errors, command-line overrides. */
package io.realmcrawl.config;
