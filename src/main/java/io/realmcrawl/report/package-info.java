/** The HTML crawl report: one self-contained page (inline CSS, JS and data) with charts of the last runs. */
package io.realmcrawl.report;
