package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;

/** Every example rendered in every flavour, for tests that look at all generated output. */
public final class Generated {
    private Generated() {
    }

    /** One example in one flavour. */
    public record Case(String example, Flavour flavour) {
        public List<RenderedFile> files() {
            return new Renderer(Templates.packaged()).render(Examples.plan(example), flavour);
        }

        @Override
        public String toString() {
            return example + "/" + flavour;
        }
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String example : Examples.names()) {
            for (Flavour flavour : Flavour.values()) {
                cases.add(new Case(example, flavour));
            }
        }
        return cases;
    }
}
