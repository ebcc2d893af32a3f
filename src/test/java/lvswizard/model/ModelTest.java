package lvswizard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void backendDefaultsAreIpvsadmsWeightOneAndDirectRouting() {
        Backend backend = new Backend("rs1", null, null, null, null, null, null, null);
        assertThat(backend.weight()).isEqualTo(1);
        assertThat(backend.forwarding()).isEqualTo(Forwarding.DR);
        assertThat(backend.tunnelType()).isNull();
        assertThat(backend.upperThreshold()).isZero();
        assertThat(backend.lowerThreshold()).isZero();
    }

    @Test
    void tunnelTypeDefaultsToIpipOnlyForTun() {
        assertThat(new Backend("a", null, 1, Forwarding.TUN, null, null, null, null).tunnelType())
                .isEqualTo(TunnelType.IPIP);
        assertThat(new Backend("a", null, 1, Forwarding.NAT, null, null, null, null).tunnelType()).isNull();
    }

    @Test
    void serviceDefaultsAreTcpAndWlc() {
        VirtualService service = new VirtualService(null, null, "10.0.0.1", 80, null, null, null, null, null, null);
        assertThat(service.protocol()).isEqualTo(Protocol.TCP);
        assertThat(service.scheduler()).isEqualTo(Scheduler.WLC);
        assertThat(service.backends()).isEmpty();
        assertThat(service.hasFwmark()).isFalse();
    }

    @Test
    void namesAreWhatIpvsadmAndTheKernelCallThem() {
        assertThat(Scheduler.WLC.moduleName()).isEqualTo("ip_vs_wlc");
        assertThat(Scheduler.TWOS).hasToString("twos");
        assertThat(SchedulerFlag.SH_FALLBACK).hasToString("sh-fallback");
        assertThat(SchedulerFlag.MH_PORT.scheduler()).isEqualTo(Scheduler.MH);
        assertThat(Forwarding.DR.ipvsadmFlag()).isEqualTo("-g");
        assertThat(Forwarding.NAT.ipvsadmFlag()).isEqualTo("-m");
        assertThat(Forwarding.TUN.ipvsadmFlag()).isEqualTo("-i");
        assertThat(Protocol.SCTP.ipvsadmFlag()).isEqualTo("--sctp-service");
    }

    @Test
    void listsAreImmutableCopies() {
        List<String> dips = new java.util.ArrayList<>(List.of("10.0.0.1/24"));
        Director director = new Director(null, "eth0", dips, "eth0", null, null);
        dips.clear();
        assertThat(director.dips()).containsExactly("10.0.0.1/24");
        assertThat(director.name()).isEqualTo("director");
    }

    @Test
    void clusterDefaultsToTheCurrentVersion() {
        assertThat(new Cluster(null, null, null, null, null, null).version()).isEqualTo(Cluster.CURRENT_VERSION);
    }

}
