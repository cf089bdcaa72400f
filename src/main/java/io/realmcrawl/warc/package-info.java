/** WARC files of everything that went over the wire, with a CDXJ index beside each. */
package io.realmcrawl.warc;
