/** Offline browsing: links in saved HTML and CSS pointed at the local copies. */
package io.realmcrawl.convert;
