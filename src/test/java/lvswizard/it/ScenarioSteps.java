package lvswizard.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.Tools;

/**
 * The steps a test's shell scenario printed ("=== NAME", its output, "=== NAME exit CODE"), by name,
 * each with its exit code and output: the protocol of src/test/resources/deb/private-install.sh and
 * src/test/resources/ansible/namespace-run.sh.
 */
final class ScenarioSteps {
    private static final Pattern STEP = Pattern.compile("(?ms)^=== (\\S+)\\n(.*?)^=== \\1 exit (\\d+)$");

    private ScenarioSteps() {
    }

    static Map<String, Tools.Result> parse(String output) {
        Map<String, Tools.Result> found = new LinkedHashMap<>();
        Matcher step = STEP.matcher(output);
        while (step.find()) {
            found.put(step.group(1), new Tools.Result(Integer.parseInt(step.group(3)), step.group(2)));
        }
        return found;
    }
}
