/** Reads an output folder for its operator, without disturbing a run: status, explain, and the HTML report. */
package io.realmcrawl.inspect;
