package io.realmcrawl.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ex-0000001 >> Authorization: Basic YWxpY2U6czNjcmV0 | ex-0000001 >> Authorization: <redacted>",
        "http-outgoing-0 >> \"Authorization: Basic YWxpY2U6czNjcmV0[\\r][\\n]\" | http-outgoing-0 >> \"Authorization: <redacted>\"",
        "ex-0000002 >> proxy-authorization: Basic Zm9vOmJhcg== | ex-0000002 >> proxy-authorization: <redacted>",
        "ex-0000003 >> Cookie: session=abc; other=def | ex-0000003 >> Cookie: <redacted>",
        "ex-0000003 << Set-Cookie: session=abc; Path=/ | ex-0000003 << Set-Cookie: <redacted>",
        "ex-0000004 << WWW-Authenticate: Basic realm=\"Docs\" | ex-0000004 << WWW-Authenticate: Basic realm=\"Docs\"",
        "saved http://h/docs/index.html | saved http://h/docs/index.html",
    })
    void credentialHeaderValuesAreRedactedFromLogLines(String line, String expected) {
        assertEquals(expected.replace("[\\r][\\n]", ""), Redaction.redact(line).replace("[\\r][\\n]", ""));
    }
}
