package lvswizard.render;

import java.util.List;
import lvswizard.plan.Plan;

/**
 * One kind of output the product writes from a plan: the director's and real servers' scripts, a
 * lab bundle, and the next ones (keepalived.conf) beside them. Each escapes for its own files
 * (shell quoting is wrong in a keepalived.conf); a name may hold one directory (scripts/x.sh).
 */
public interface Export {
    /** The name generate --format and the wizard's Generate step use. */
    String id();

    List<RenderedFile> files(Plan plan, Options options);

    /**
     * The same files, those that can be rendered as they are read ({@link RenderedFile#onDemand}):
     * for a writer that reads each file once. A template that cannot be rendered fails on that read.
     */
    default List<RenderedFile> filesOnDemand(Plan plan, Options options) {
        return files(plan, options);
    }

    /**
     * Why it cannot write this plan with these network tools (one line, English), or null when it can:
     * every script's alias labels must fit.
     */
    default String refusal(Plan plan, Flavour flavour) {
        return AliasLabels.refusal(plan, flavour);
    }

    /** What every export is asked with: the network tools of the scripts and the templates to use. */
    record Options(Flavour flavour, Templates templates) {
        public static Options of(Flavour flavour) {
            return new Options(flavour, Templates.packaged());
        }
    }
}
