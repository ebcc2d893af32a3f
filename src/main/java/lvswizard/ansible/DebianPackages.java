package lvswizard.ansible;

import java.util.ArrayList;
import java.util.List;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.render.Flavour;

/** The Debian packages that hold the commands a host's script (and keepalived) runs. */
final class DebianPackages {
    private DebianPackages() {
    }

    static List<String> of(HostNeeds needs, Flavour flavour, IpvsOwner owner) {
        List<String> packages = new ArrayList<>();
        packages.add(flavour == Flavour.NET_TOOLS ? "net-tools" : "iproute2");
        if (!needs.modules().isEmpty()) {
            packages.add("kmod");
        }
        if (!needs.marks().isEmpty()) {
            packages.add("iptables");
        }
        if (needs.isDirector()) {
            packages.add("ipvsadm");
            if (owner == IpvsOwner.KEEPALIVED) {
                // procps: pkill signals keepalived by its pid file where no init system runs it
                packages.add("keepalived");
                packages.add("procps");
            }
        }
        return packages;
    }
}
