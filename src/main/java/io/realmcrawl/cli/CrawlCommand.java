package io.realmcrawl.cli;

import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.TerminalPrompter;
import io.realmcrawl.config.ConfigLoader;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.crawl.DryRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code realmcrawl crawl CONFIG.yaml | URL... [options]}: one crawl, to its end. */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Crawls a protected realm into a mirror on disk.",
            "Give a crawl config (.yaml) or start URLs; options override the config."})
final class CrawlCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONFIG.yaml|URL", description = "A crawl config file, or start URLs.")
    List<String> targets;

    @Mixin
    CrawlFlags flags;

    @Option(names = "--dry-run", description = {"Show the scope decisions for the start URLs and the links on them, and",
        "which credential entry answers which realm. Fetches only the start URLs; saves nothing, writes no state."})
    boolean dryRun;

    @Mixin
    RunOptions run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        run.applyLogLevel();
        CrawlConfig config = flags.applyTo(baseConfig());
        List<CredentialEntry> credentials = new ArrayList<>(config.credentials());
        credentials.addAll(flags.credentialEntries(config.startUrls()));
        CredentialSource source = CredentialOrder.of(credentials, flags.netrcFile(), flags.netrcLogin(),
                new TerminalPrompter());
        if (dryRun) {
            return new DryRun(config.withCredentials(credentials), source).run(spec.commandLine().getOut());
        }
        return run.crawl(config.withCredentials(credentials), source, flags.cookiesFile(), spec.commandLine().getErr());
    }

    private CrawlConfig baseConfig() throws Exception {
        if (targets.size() == 1 && isConfigFile(targets.get(0))) {
            return ConfigLoader.load(Path.of(targets.get(0)));
        }
        for (String target : targets) {
            if (isConfigFile(target)) {
                throw new UsageException("give either one crawl config or start URLs, not both ('" + target + "')");
            }
        }
        return CrawlFlags.configForUrls(targets);
    }

    private static boolean isConfigFile(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml")
                || (!lower.contains("://") && Files.isRegularFile(Path.of(target)));
    }
}
