package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.CopyInstructions;
import lvswizard.render.Flavour;
import lvswizard.plan.IpvsOwner;
import org.junit.jupiter.api.Test;

/** The wizard's closing report: the copy lines' headings speak the wizard's language; copy-to-hosts.sh's stay English. */
class GenerationReportTest {
    private static final Draft SEED = new Draft(Examples.load("seed-dr"), HostRole.ALL, Path.of("saved.json"),
            Path.of("out"), Flavour.IPROUTE2);

    @Test
    void theCopyLinesAreHeadedInChineseInTheChineseWizard() {
        List<String> report = Generation.report(SEED, List.of(), Messages.of(Language.ZH));
        assertThat(report).contains("# 真实服务器 rs1", "# 真实服务器 rs2", "# 调度器 director（在真实服务器之后）")
                .noneMatch(line -> line.startsWith("# real server") || line.startsWith("# director"));
    }

    @Test
    void englishAndTheGeneratedFileKeepTheEnglishHeadings() {
        assertThat(Generation.report(SEED, List.of(), Messages.of(Language.EN)))
                .contains("# real server rs1", "# director director (after the real servers)");
        assertThat(CopyInstructions.lines(Examples.plan("seed-dr"), "", IpvsOwner.SCRIPT))
                .contains("# real server rs1", "# director director (after the real servers)");
    }

    /** The wizard has no --force: a file no longer generated is the operator's to delete, and the report says when. */
    @Test
    void aStaleFileTellsTheWizardsOperatorWhatToDo() {
        List<OutputDirectory.Written> written = List.of(
                new OutputDirectory.Written(Path.of("out/realserver-rs3.sh"), OutputDirectory.Outcome.STALE));
        assertThat(Generation.report(SEED, written, Messages.of(Language.EN))).contains("  stale out/realserver-rs3.sh:"
                + " no longer generated, unchanged since it was; delete it once no host needs it"
                + " (lvs-wizard generate --force deletes such files)");
        assertThat(Generation.report(SEED, written, Messages.of(Language.ZH)))
                .anyMatch(line -> line.contains("过期 out/realserver-rs3.sh：不再生成") && line.contains("可删除"));
    }

    /** The closing summary names each director of a pair, with its own script and keepalived file. */
    @Test
    void theSummaryNamesBothDirectorsOfAPair() {
        Draft pair = new Draft(Examples.load("ha-nat"), HostRole.ALL, Path.of("saved.json"), Path.of("out"),
                Flavour.IPROUTE2).with(Format.KEEPALIVED);
        String summary = Generation.summary(pair, List.of(), Messages.of(Language.EN));
        assertThat(summary).contains("director director (10.10.20.2): install keepalived, then director.sh and its unit, start it,"
                + " then keepalived-director.conf as /etc/keepalived/keepalived.conf (keepalived -t -f"
                + " keepalived-director.conf first)")
                .contains("director director2 (10.10.20.3): install keepalived, then director-director2.sh and its unit, start it,"
                + " then keepalived-director2.conf as /etc/keepalived/keepalived.conf");
    }

    /** Yes to replacing also deletes an earlier set's files that this one does not make: the question names them. */
    @Test
    void theReplaceQuestionNamesTheFilesAYesDeletes() {
        var conflict = new OutputException.Conflict("unused", List.of(Path.of("out/director.sh"), Path.of("out/README.txt")),
                List.of(Path.of("out/keepalived-lb1.conf"), Path.of("out/realserver-app1.sh")));
        assertThat(Generation.conflictText(conflict, Messages.of(Language.EN))).isEqualTo("out/director.sh and 1 more"
                + " files exist with other content than lvs-wizard would write. Replacing also deletes 2 files an earlier"
                + " write made there that this configuration does not make: keepalived-lb1.conf, realserver-app1.sh.");
    }
}
