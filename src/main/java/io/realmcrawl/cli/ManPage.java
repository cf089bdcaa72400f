package io.realmcrawl.cli;

import io.realmcrawl.config.Version;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes realmcrawl's manual page in roff (the {@code man(7)} macros) straight from the picocli
 * model, so it lists exactly the commands and options the parser accepts.
 *
 * <p>Why not picocli-codegen's ManPageGenerator: it writes AsciiDoc, and turning that into roff
 * needs Asciidoctor (Ruby) at build time; the page needs only a few macros, written here.
 */
final class ManPage {
    private static final String SECTION = "1";

    private ManPage() {
    }

    static String of(CommandSpec root) {
        StringBuilder s = new StringBuilder();
        s.append(".TH REALMCRAWL ").append(SECTION).append(' ')
                .append(LocalDate.now(ZoneOffset.UTC)).append(" \"realmcrawl ").append(escape(Version.current()))
                .append("\" \"User Commands\"\n");
        s.append(".SH NAME\nrealmcrawl \\- ").append(escape(String.join(" ", root.usageMessage().description())))
                .append('\n');
        s.append(".SH SYNOPSIS\n");
        root.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                s.append(".B realmcrawl ").append(escape(name)).append('\n').append(escape(synopsis(sub.getCommandSpec())))
                        .append("\n.br\n");
            }
        });
        s.append(".SH DESCRIPTION\n").append(escape("realmcrawl mirrors sections of web sites protected by HTTP Basic"
                + " or Digest authentication into a folder, resumably, for cron and systemd timers. Its state lives in"
                + " OUTPUT/.realmcrawl/state.db, one line per run is appended to OUTPUT/history.jsonl.")).append('\n');
        s.append(".SH COMMANDS\n");
        root.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                command(s, name, sub.getCommandSpec());
            }
        });
        s.append(".SH EXIT STATUS\n");
        for (Map.Entry<String, String> code : root.usageMessage().exitCodeList().entrySet()) {
            s.append(".TP\n.B ").append(escape(code.getKey().strip())).append('\n').append(escape(code.getValue()))
                    .append('\n');
        }
        s.append(".SH FILES\n.TP\n.I OUTPUT/.realmcrawl/state.db\nThe crawl state (SQLite): frontier, one record per URL,"
                + " runs.\n.TP\n.I OUTPUT/history.jsonl\nOne JSON line per run.\n.TP\n.I OUTPUT/manifest.jsonl\n"
                + "What the mirror holds.\n");
        s.append(".SH EXAMPLES\n.EX\nrealmcrawl crawl crawl\\-configs/docs.yaml\nrealmcrawl status output/docs\n"
                + "realmcrawl explain output/docs https://intranet.example/docs/old.html\nrealmcrawl report output/docs"
                + " \\-o /tmp/docs\\-report.html\n.EE\n");
        s.append(".SH SEE ALSO\n.BR wget (1),\n.BR httrack (1),\n.BR systemd.timer (5),\n.BR crontab (5)\n");
        return s.toString();
    }

    private static void command(StringBuilder s, String name, CommandSpec spec) {
        s.append(".SS ").append(escape(name)).append('\n');
        s.append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        for (PositionalParamSpec p : spec.positionalParameters()) {
            s.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                    .append(escape(String.join(" ", p.description()))).append('\n');
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            s.append(".TP\n").append(optionName(o)).append('\n').append(escape(String.join(" ", o.description())))
                    .append('\n');
        }
    }

    private static String optionName(OptionSpec o) {
        StringBuilder s = new StringBuilder();
        for (String name : o.names()) {
            s.append(s.length() == 0 ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
        }
        if (o.arity().max() > 0) {
            s.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
        }
        return s.toString();
    }

    private static String synopsis(CommandSpec spec) {
        StringBuilder s = new StringBuilder("[OPTIONS]");
        List<PositionalParamSpec> params = spec.positionalParameters();
        for (PositionalParamSpec p : params) {
            s.append(' ').append(p.paramLabel()).append(p.arity().max() > 1 ? "..." : "");
        }
        return s.toString();
    }

    /** Text safe in roff: backslashes doubled, hyphens as minus signs, no line starting with a control character. */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        t = CommandLine.Help.Ansi.OFF.string(t);
        String[] lines = t.split("\n", -1);
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            s.append(s.length() == 0 ? "" : "\n").append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return s.toString();
    }
}
