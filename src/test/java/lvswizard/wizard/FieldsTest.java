package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import lvswizard.plan.Names;
import lvswizard.model.RealServer;
import lvswizard.model.Cluster;
import lvswizard.validation.Rule;
import lvswizard.validation.Validator;
import org.junit.jupiter.api.Test;

/** The field catalogue: one declaration per field, each with its words in both languages. */
class FieldsTest {
    @Test
    void everyFieldIsDeclaredOnceWithALabelAndHelpInBothLanguages() {
        List<String> ids = Fields.all().stream().map(FieldSpec::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (Language language : Language.values()) {
            Messages m = Messages.of(language);
            for (FieldSpec field : Fields.all()) {
                assertThat(m.get(field.labelKey())).as(language + " label of " + field.id())
                        .isNotEqualTo(field.labelKey());
                assertThat(m.get(field.helpKey())).as(language + " help of " + field.id()).isNotEqualTo(field.helpKey());
            }
        }
    }

    @Test
    void everyFieldReadsBackWhatItWrote() throws Invalid {
        Draft draft = new Draft(Examples.load("fwmark-https"), null, null, null, null);
        for (FieldSpec field : Fields.all()) {
            if (field.kind() == FieldSpec.Kind.LIST) {
                continue;
            }
            At at = switch (field.scope()) {
                case SERVICE, CHECK -> At.service(0);
                case REAL_SERVER -> At.row(1);
                case MEMBER -> At.member(0, 1);
                default -> At.NONE;
            };
            String value = field.get(draft, at);
            assertThat(field.get(field.set(draft, at, value), at)).as(field.id()).isEqualTo(value);
        }
    }

    @Test
    void aNewServiceTakesTheMembersButNotTheirPortMapping() {
        Cluster nat = Examples.load("nat-portmap");
        assertThat(nat.services().get(0).backends()).allSatisfy(b -> assertThat(b.port()).isEqualTo(8080));
        Cluster added = Edits.addService(nat, lvswizard.model.Forwarding.NAT);
        assertThat(added.services().get(1).backends()).hasSize(3).allSatisfy(b -> assertThat(b.port()).isNull());
        assertThat(added.services().get(1).vip()).isEqualTo(nat.services().get(0).vip());
    }

    @Test
    void findingsAboutAWholeThingAreNamedAsThatThing() {
        Cluster c = Examples.load("tun-ipip");
        Messages m = Messages.of(Language.EN);
        assertThat(Fields.locate(c, "services[0]").orElseThrow().where(m)).isEqualTo("Service 1");
        assertThat(Fields.locate(c, "services[0].backends[1]").orElseThrow().where(m))
                .isEqualTo("Real server 2 → Service 1");
        assertThat(Fields.locate(c, "services[0].backends[1].weight").orElseThrow().where(m))
                .isEqualTo("Real server 2 → Service 1 → Weight");
        assertThat(Fields.locate(c, "realServers[1].gateway").orElseThrow().where(m)).isEqualTo("Real server 2 → Gateway");
        assertThat(Fields.locate(c, "director.dips[0]").orElseThrow().where(m)).isEqualTo("Director → DIP(s)");
        // the closest field, not the first whose alias is the whole object
        assertThat(Fields.locate(c, "services[0].healthCheck.retries").orElseThrow().field().id())
                .isEqualTo("check.retries");
        assertThat(Fields.locate(c, "services[0].healthCheck").orElseThrow().field().id()).isEqualTo("check.kind");
        assertThat(Fields.locate(c, "failover.backup.dips").orElseThrow().field().id())
                .isEqualTo("failover.backupDips");
        assertThat(Fields.locate(c, "failover.backup").orElseThrow().field().id()).isEqualTo("failover.backupName");
        assertThat(Fields.locate(c, "version")).as("the wizard refuses another version rather than edit it").isEmpty();
    }

    @Test
    void turningThePairOnNamesTheSecondDirectorAfterTheFirst() throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), null, null, null, null);
        Draft paired = Fields.byId("failover.pair").set(draft, At.NONE, "yes");
        assertThat(paired.cluster().failover().backup().name()).isEqualTo("director2");
        assertThat(Fields.byId("failover.backupName").set(paired, At.NONE, "").cluster().failover().backup().name())
                .as("cleared: the name the pair started with, not the model's \"director\"").isEqualTo("director2");
        assertThat(draft.format()).isEqualTo(Format.SCRIPTS);
        assertThat(paired.format()).as("the scripts format refuses a pair").isEqualTo(Format.KEEPALIVED);
        assertThat(new Draft(Examples.load("ha-nat"), null, null, null, null).format())
                .as("a pair opened from its file").isEqualTo(Format.KEEPALIVED);
        assertThat(Validator.validate(paired.cluster())).noneMatch(f -> f.rule() == Rule.DUPLICATE_NAME);
        Draft off = Fields.byId("failover.pair").set(paired, At.NONE, "no");
        assertThat(off.cluster().failover()).isNull();
        // the dialog refills its fields after the switch: a cleared field must not bring the pair back
        assertThat(Fields.byId("failover.backupName").set(off, At.NONE, "").cluster().failover()).isNull();
        assertThat(Fields.byId("failover.preempt").set(off, At.NONE, "no").cluster().failover()).isNull();
    }

    @Test
    void theSecondDirectorsNameIsNoRealServersName() throws Exception {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/0/name", "\"director2\"");
        Examples.set(tree, "/services/0/backends/0/realServer", "\"director2\"");
        Draft draft = new Draft(Examples.cluster(tree), null, null, null, null);
        Draft paired = Fields.byId("failover.pair").set(draft, At.NONE, "yes");
        assertThat(paired.cluster().failover().backup().name()).isEqualTo("director3");
    }

    @Test
    void theSecondDirectorsNameCountsOnFromTheFirstsNumber() {
        assertThat(Names.next("lb1")).isEqualTo("lb2");
        assertThat(Names.next("lvs-01")).isEqualTo("lvs-02");
        assertThat(Names.next("lb9")).isEqualTo("lb10");
        assertThat(Names.next("director")).isEqualTo("director2");
        assertThat(Names.next("x12345678901")).as("too long to count on").isEqualTo("x123456789012");
    }

    /**
     * NAT real servers route through a director, in a pair through the floating gateway: they follow
     * it once the pair's settings are done, never a half-typed value, and come back to the DIP.
     */
    @Test
    void natRealServersFollowThePairsFloatingGatewayAndComeBackToTheDip() throws Exception {
        Draft draft = new Draft(Examples.load("nat-portmap"), null, null, null, null);
        String dip = draft.cluster().director().dips().get(0);
        String dipHost = dip.substring(0, dip.indexOf('/'));
        Draft paired = Fields.byId("failover.pair").set(draft, At.NONE, "yes");
        Draft typing = paired;
        String typed = "";
        for (char c : "10.10.20.254/24".toCharArray()) {
            typed += c;
            typing = Fields.byId("failover.floatingGateway").set(typing, At.NONE, typed);
            assertThat(typing.cluster().realServers()).as("while typing " + typed).extracting(RealServer::gateway)
                    .containsOnly(dipHost);
        }
        var floating = Edits.followFloatingGateway(paired.cluster(), typing.cluster());
        assertThat(floating.failover().floatingGateway()).isEqualTo("10.10.20.254/24");
        assertThat(floating.realServers()).extracting(RealServer::gateway).containsOnly("10.10.20.254");
        Draft retyped = Fields.byId("failover.floatingGateway").set(draft.with(floating), At.NONE, "10.10.20.250/24");
        assertThat(Edits.followFloatingGateway(floating, retyped.cluster()).realServers())
                .extracting(RealServer::gateway).containsOnly("10.10.20.250");
        Draft cleared = Fields.byId("failover.floatingGateway").set(draft.with(floating), At.NONE, "");
        assertThat(Edits.followFloatingGateway(floating, cleared.cluster()).realServers())
                .as("no floating gateway: the DIP again").extracting(RealServer::gateway).containsOnly(dipHost);
        Draft off = Fields.byId("failover.pair").set(draft.with(floating), At.NONE, "no");
        assertThat(off.cluster().realServers()).extracting(RealServer::gateway).containsOnly(dipHost);
    }
}
