package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of the edits the wizards make (fields set to good and bad text, services and
 * real servers added and removed, memberships toggled): the draft always saves and loads back as
 * itself, every finding has a field, and removing what was just added gives the draft back.
 */
class EditProperties {
    /** Texts an operator might type into any field: good ones, bad ones, empty. */
    private static final List<String> TEXTS = List.of("", "-", "web", "rs9", "eth0", "ens3:1", "10.1.0.100/24",
            "10.1.0.10/24", "10.2.0.11/24", "10.1.0.1", "10.2.0.1", "2001:db8::10/64", "192.168.101.300", "80", "443",
            "0", "65536", "99999999999", "x1", "80,443", "300", "255.255.255.0", "sh-port", "nonsense", "tun-gue",
            "rr", "sh", "yes", "no", "nat", "tun", "dr");

    /** One edit: what it does, given the draft and a few random numbers. */
    record Edit(int kind, int a, int b, String text) {
        Draft apply(Draft draft) {
            Cluster c = draft.cluster();
            return switch (kind) {
                case 0 -> draft.with(Edits.addService(c, draft.forwarding()));
                case 1 -> c.services().isEmpty() ? draft : draft.with(Edits.removeService(c, a % c.services().size()));
                case 2 -> draft.with(Edits.addRealServer(c, Edits.newServer(draft), draft.forwarding()));
                case 3 -> Roster.rows(c).isEmpty() ? draft : draft.with(Edits.removeRow(c, a % Roster.rows(c).size()));
                default -> setField(draft);
            };
        }

        private Draft setField(Draft draft) {
            List<FieldSpec> fields = Fields.all().stream().filter(f -> f.kind() != FieldSpec.Kind.LIST).toList();
            FieldSpec field = fields.get(a % fields.size());
            At at = switch (field.scope()) {
                case SERVICE, CHECK -> draft.cluster().services().isEmpty() ? null
                        : At.service(b % draft.cluster().services().size());
                case REAL_SERVER -> Roster.rows(draft.cluster()).isEmpty() ? null
                        : At.row(b % Roster.rows(draft.cluster()).size());
                case MEMBER -> draft.cluster().services().isEmpty() || Roster.rows(draft.cluster()).isEmpty() ? null
                        : At.member(b % draft.cluster().services().size(), (b / 7) % Roster.rows(draft.cluster()).size());
                default -> At.NONE;
            };
            if (at == null) {
                return draft;
            }
            List<String> choices = field.choices(draft);
            String value = choices.isEmpty() || b % 5 == 0 ? text : choices.get(b % choices.size());
            try {
                return field.set(draft, at, value);
            } catch (Invalid refused) {
                return draft;
            }
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(TEXTS)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Draft> starts() {
        return Arbitraries.of(Opening.newConfiguration(null),
                new Draft(Examples.load("seed-dr"), null, null, null, null),
                new Draft(Examples.load("tun-ipip"), null, null, null, null),
                new Draft(Examples.load("nat-portmap"), null, null, null, null),
                new Draft(Examples.load("fwmark-https"), null, null, null, null));
    }

    @Property(tries = 300)
    void theDraftAlwaysSavesAndLoadsBackAndEveryFindingHasAField(@ForAll("starts") Draft start,
                                                                 @ForAll("edits") List<Edit> edits)
            throws ConfigException {
        Draft draft = start;
        for (Edit edit : edits) {
            draft = edit.apply(draft);
            Cluster c = draft.cluster();
            assertThat(ConfigFile.parse(ConfigFile.toJson(c), "property")).as(edit.toString()).isEqualTo(c);
            for (Finding finding : Validator.validate(c)) {
                assertThat(Fields.locate(c, finding.path())).as(finding.toLine()).isPresent();
            }
        }
    }

    @Property(tries = 200)
    void removingWhatWasAddedGivesTheDraftBack(@ForAll("starts") Draft start, @ForAll("edits") List<Edit> edits) {
        Draft draft = start;
        for (Edit edit : edits) {
            draft = edit.apply(draft);
        }
        Cluster before = draft.cluster();
        Cluster withService = Edits.addService(before, draft.forwarding());
        assertThat(Edits.removeService(withService, withService.services().size() - 1)).isEqualTo(before);
        var server = Edits.newServer(draft);
        Cluster withServer = Edits.addRealServer(before, server, draft.forwarding());
        assertThat(Edits.removeRow(withServer, Roster.rowOf(withServer, server.name()))).isEqualTo(before);
        for (int s = 0; s < before.services().size(); s++) {
            for (int row = 0; row < Roster.rows(before).size(); row++) {
                boolean member = Roster.backendIndex(before, s, Roster.rows(before).get(row).name()) >= 0;
                if (!member) {
                    Cluster joined = Edits.membership(before, s, row, true, draft.forwarding());
                    assertThat(Edits.membership(joined, s, row, false, draft.forwarding())).isEqualTo(before);
                }
            }
        }
    }
}
