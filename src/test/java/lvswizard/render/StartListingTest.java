package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import lvswizard.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * The director's start shows the table it made when an operator can read it, and says how large it
 * is otherwise: 10,000 real servers' lines on the terminal helped nobody and were half a second of
 * the start under emulation.
 */
class StartListingTest {
    @Test
    void theSeedsStartListsItsTable() {
        String script = director(new ScriptsExport().files(Examples.plan("seed-dr"), Export.Options.of(Flavour.IPROUTE2)));
        assertThat(startsEnd(script)).contains("say \"started\"\n    ipvsadm -L -n\n").doesNotContain("in all");
    }

    @Test
    void aLargeTablesStartSaysHowLargeItIs() {
        var plan = Validator.check(Examples.bigCluster(ScriptViews.DirectorView.LISTED_RULES)).plan();
        String script = director(new ScriptsExport().files(plan, Export.Options.of(Flavour.IPROUTE2)));
        assertThat(startsEnd(script)).doesNotContain("ipvsadm -L -n\n")
                .contains("say \"1 IPVS service(s) with " + ScriptViews.DirectorView.LISTED_RULES
                        + " real server(s) in all; ipvsadm -L -n lists them\"");
    }

    @Test
    void theLargestTableStillListedHasOneLinePerRule() {
        var plan = Validator.check(Examples.bigCluster(ScriptViews.DirectorView.LISTED_RULES - 1)).plan();
        String script = director(new ScriptsExport().files(plan, Export.Options.of(Flavour.IPROUTE2)));
        assertThat(startsEnd(script)).contains("say \"started\"\n    ipvsadm -L -n\n");
    }

    private static String director(List<RenderedFile> files) {
        return files.stream().filter(f -> f.name().equals("director.sh")).findFirst().orElseThrow().content();
    }

    /** do_start from "started" on. */
    private static String startsEnd(String script) {
        String start = script.substring(script.indexOf("\ndo_start() {\n"));
        start = start.substring(0, start.indexOf("\n}\n") + 1);
        return start.substring(start.indexOf("say \"started\""));
    }
}
