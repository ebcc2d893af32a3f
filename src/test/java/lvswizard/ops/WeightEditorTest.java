package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import lvswizard.exec.FakeRunner;
import lvswizard.ipvs.Fixtures;
import org.junit.jupiter.api.Test;

class WeightEditorTest {
    private static String saved() throws IOException {
        return Fixtures.listing("save");
    }

    @Test
    void theEditRepeatsTheServersOwnLineWithOnlyTheWeightChanged() throws Exception {
        assertThat(WeightEditor.editCommand(saved(), "TCP 192.168.101.168:80", "10.10.10.11:80", 0).argv())
                .containsExactly("ipvsadm", "-e", "-t", "192.168.101.168:80", "-r", "10.10.10.11:80", "-m", "-w", "0");
        assertThat(WeightEditor.editCommand(saved(), "UDP 192.168.101.168:53", "10.10.10.12:53", 4).argv())
                .as("the tunnel type stays").containsExactly("ipvsadm", "-e", "-u", "192.168.101.168:53", "-r",
                        "10.10.10.12:53", "-i", "-w", "4", "--tun-type", "ipip");
        assertThat(WeightEditor.editCommand(saved(), "FWM 7", "10.10.10.12:0", 0).argv())
                .containsExactly("ipvsadm", "-e", "-f", "7", "-r", "10.10.10.12:0", "-m", "-w", "0");
        assertThat(WeightEditor.editCommand(saved(), "TCP [2001:db8:1::100]:80", "[2001:db8:2::12]:80", 9).argv())
                .containsExactly("ipvsadm", "-e", "-t", "[2001:db8:1::100]:80", "-r", "[2001:db8:2::12]:80", "-m", "-w", "9");
        assertThat(WeightEditor.editCommand("-a -f 7 -6 -r [2001:db8::1]:0 -g -w 1\n", "FWM 7 IPv6", "[2001:db8::1]:0", 0)
                .argv()).containsExactly("ipvsadm", "-e", "-f", "7", "-6", "-r", "[2001:db8::1]:0", "-g", "-w", "0");
    }

    @Test
    void aServerThatLeftTheTableIsAClearError() {
        assertThatThrownBy(() -> WeightEditor.editCommand(saved(), "TCP 192.168.101.168:80", "10.10.10.99:80", 0))
                .hasMessage("real server 10.10.10.99:80 of TCP 192.168.101.168:80 is no longer in the IPVS table");
    }

    @Test
    void setWeightReadsTheRulesThenEdits() throws Exception {
        FakeRunner fake = new FakeRunner().answer("ipvsadm -S -n", 0, saved())
                .answer("ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.12:80 -m -w 0", 0, "");
        new WeightEditor(fake).setWeight("TCP 192.168.101.168:80", "10.10.10.12:80", 0);
        assertThat(fake.displays()).containsExactly("ipvsadm -S -n",
                "ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.12:80 -m -w 0");
        FakeRunner refusing = new FakeRunner().answer("ipvsadm -S -n", 0, saved())
                .answer("ipvsadm", 2, "", "Memory allocation problem\n");
        assertThatThrownBy(() -> new WeightEditor(refusing).setWeight("TCP 192.168.101.168:80", "10.10.10.12:80", 0))
                .hasMessageContaining("failed (exit 2): Memory allocation problem");
    }
}
