package io.realmcrawl.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CdxjIndexTest {

    /** pywb's keys (Python surt): host reversed, www. dropped, IPv4 reversed, no trailing slash, query sorted. */
    @ParameterizedTest
    @CsvSource({
        "http://www.example.org/docs/, 'org,example)/docs'",
        "https://intranet.example/a.html?b=2&a=1, 'example,intranet)/a.html?a=1&b=2'",
        "http://127.0.0.1:8080/docs/, '1,0,0,127:8080)/docs'",
        "http://192.168.1.254/info/, '254,1,168,192)/info'",
        "http://example.org/, 'org,example)/'",
    })
    void surtKeysAreThoseOfPywb(String url, String surt) {
        assertEquals(surt, CdxjIndex.surt(url));
    }

    @ParameterizedTest
    @CsvSource({
        "/w/site.warc.gz, /w/site-00003.warc.gz, /w/site-00003.cdxj",
        "/w/site.warc, /w/site-00003.warc.gz, /w/site-00003.cdxj",
        "/w/site, /w/site-00003.warc.gz, /w/site-00003.cdxj",
    })
    void seriesNamesNumberTheFilesAndPutTheIndexBeside(String given, String third, String index) {
        SeriesFiles files = SeriesFiles.of(Path.of(given));
        assertEquals(Path.of(third), files.warc(3));
        assertEquals(Path.of(index), SeriesFiles.indexOf(files.warc(3)));
    }
}
