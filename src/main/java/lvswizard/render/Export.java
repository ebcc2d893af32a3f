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

    /** Whether it can write this plan: a pair of directors needs keepalived, which moves the VIPs between them. */
    default boolean serves(Plan plan) {
        return true;
    }

    /** What every export is asked with: the network tools of the scripts and the templates to use. */
    record Options(Flavour flavour, Templates templates) {
        public static Options of(Flavour flavour) {
            return new Options(flavour, Templates.packaged());
        }
    }
}
