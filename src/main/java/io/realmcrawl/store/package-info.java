/** The mirror on disk: URL to safe relative path, atomic page and header-file writes, the manifest. */
package io.realmcrawl.store;
