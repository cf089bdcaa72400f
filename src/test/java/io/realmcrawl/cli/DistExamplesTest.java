package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The ready examples under src/dist/ and in the README: the systemd units parse (systemd-analyze
 * when the machine has it, a structural check always), carry the hardening the README promises,
 * and every example command line is one the parser accepts.
 */
class DistExamplesTest {
    private static final Path DIST = Path.of("src", "dist");
    private static final Path SERVICE = DIST.resolve("systemd/realmcrawl-docs.service");
    private static final Path TIMER = DIST.resolve("systemd/realmcrawl-docs.timer");
    private static final Path CRON = DIST.resolve("cron/realmcrawl");

    @TempDir
    Path tmp;

    /** key -> values of a unit file's section (a key may repeat). */
    static Map<String, List<String>> section(Path unit, String name) throws Exception {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("[")) {
                assertTrue(l.endsWith("]"), unit + ": bad section header " + l);
                current = l.substring(1, l.length() - 1);
                continue;
            }
            assertTrue(current != null && l.contains("="), unit + ": not a key=value line in a section: " + l);
            if (current.equals(name)) {
                keys.computeIfAbsent(l.substring(0, l.indexOf('=')), k -> new ArrayList<>())
                        .add(l.substring(l.indexOf('=') + 1));
            }
        }
        return keys;
    }

    /** Parses a realmcrawl command line as the CLI would, without running it. */
    static CommandLine.ParseResult parse(List<String> args) {
        return Main.commandLine().parseArgs(args.toArray(String[]::new));
    }

    private static List<String> execStart() throws Exception {
        List<String> words = PackagingTest.words(section(SERVICE, "Service").get("ExecStart").get(0));
        assertEquals("/opt/realmcrawl/realmcrawl", words.get(0));
        return words.subList(1, words.size());
    }

    @Test
    void theServiceRunsAsADedicatedUserWithTheRecommendedHardening() throws Exception {
        Map<String, List<String>> service = section(SERVICE, "Service");
        for (String[] kv : new String[][] {{"User", "realmcrawl"}, {"NoNewPrivileges", "yes"},
            {"ProtectSystem", "strict"}, {"ProtectHome", "yes"}, {"PrivateTmp", "yes"}, {"CapabilityBoundingSet", ""},
            {"Type", "oneshot"}, {"SuccessExitStatus", "10"}}) {
            assertEquals(List.of(kv[1]), service.get(kv[0]), kv[0]);
        }
        assertTrue(service.get("LoadCredential").get(0).startsWith("docs-pass:/etc/realmcrawl/"));
        List<String> args = execStart();
        assertEquals("%d/docs-pass", args.get(args.indexOf("--password-file") + 1),
                "the password comes from the credential systemd hands over");
        assertEquals(List.of(args.get(args.indexOf("-o") + 1)), service.get("ReadWritePaths"),
                "the only folder the crawl may write (besides its LogsDirectory) is its output");
        assertTrue(args.get(args.indexOf("--log-file") + 1).startsWith("/var/log/" + service.get("LogsDirectory").get(0)
                + "/"), "the log goes to the folder systemd makes writable for it");
    }

    @Test
    void theTimerStartsTheServiceNightlyAndCatchesUpMissedRuns() throws Exception {
        Map<String, List<String>> timer = section(TIMER, "Timer");
        assertEquals(List.of("*-*-* 02:15:00"), timer.get("OnCalendar"));
        assertEquals(List.of("true"), timer.get("Persistent"));
        assertEquals(List.of("timers.target"), section(TIMER, "Install").get("WantedBy"));
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitsWithoutAWord() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
                "skipped: systemd-analyze is not installed (the structural checks above still ran)");
        // The launcher's install path does not exist on a build machine: point it at the repo's copy.
        Path dir = Files.createDirectories(tmp.resolve("units"));
        String service = Files.readString(SERVICE).replace("/opt/realmcrawl/realmcrawl",
                Path.of("bin/realmcrawl").toAbsolutePath().toString());
        Files.writeString(dir.resolve("realmcrawl-docs.service"), service);
        Files.copy(TIMER, dir.resolve("realmcrawl-docs.timer"));

        PackagingTest.Result r = PackagingTest.exec(tmp, List.of("systemd-analyze", "verify", "--man=no",
                dir.resolve("realmcrawl-docs.service").toString(), dir.resolve("realmcrawl-docs.timer").toString()));

        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err() + r.out(), "systemd-analyze found something to say");
    }

    @Test
    void theServiceCommandLineIsAcceptedByTheParser() throws Exception {
        CommandLine.ParseResult parsed = parse(execStart());
        CommandLine.ParseResult crawl = parsed.subcommand();
        assertEquals("crawl", crawl.commandSpec().name());
        assertEquals("json", crawl.matchedOption("--log-format").stringValues().get(0));
        assertTrue(crawl.hasMatchedOption("-q"));
    }

    @Test
    void theCronLineRunsAsTheDedicatedUserWithACommandTheParserAccepts() throws Exception {
        List<String> lines = Files.readAllLines(CRON).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.contains("=")).toList();
        assertEquals(1, lines.size(), lines.toString());
        List<String> fields = PackagingTest.words(lines.get(0));
        assertEquals(List.of("15", "2", "*", "*", "*", "realmcrawl", "/opt/realmcrawl/realmcrawl"), fields.subList(0, 7));
        assertEquals("crawl", parse(fields.subList(7, fields.size())).subcommand().commandSpec().name());
    }

    @Test
    void everyCommandLineInTheReadmesOperatingSectionIsAcceptedByTheParser() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Operating realmcrawl");
        assertTrue(start >= 0, "README has an 'Operating realmcrawl' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> commands = section.lines().map(String::strip).filter(l -> l.startsWith("realmcrawl ")).toList();
        assertTrue(commands.size() >= 6, "examples found: " + commands);
        assertTrue(section.contains("ExecStart=" + section(SERVICE, "Service").get("ExecStart").get(0) + "\n"),
                "the README shows the service's ExecStart as it is");
        String cron = Files.readAllLines(CRON).stream().filter(l -> l.startsWith("15 2 ")).findFirst().orElseThrow();
        assertTrue(section.contains(cron + "\n"), "the README shows the cron line as it is");
        for (String command : commands) {
            List<String> words = PackagingTest.words(command.replaceAll("\\s+#.*$", "").replaceAll("\\s*[>|].*$", ""));
            CommandLine.ParseResult parsed = parse(words.subList(1, words.size()));
            assertFalse(parsed.subcommand() == null, command);
        }
    }
}
