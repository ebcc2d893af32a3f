package lvswizard.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lvswizard.model.CheckKind;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.VirtualService;
import lvswizard.ops.Doctor.Check;
import lvswizard.ops.Doctor.Verdict;
import lvswizard.plan.IpAddr;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.plan.ServiceKey;
import lvswizard.text.Message;

/** The doctor's checks of a director in keepalived mode: keepalived, its file, and the IPVS table it keeps. */
final class KeepalivedDoctor {
    private KeepalivedDoctor() {
    }

    static List<Check> keepalived(KeepalivedHost host, String expectedConf) {
        List<Check> checks = new ArrayList<>();
        Message start = Texts.of("doctor.fix-keepalived-start");
        if (!host.installedHere()) {
            checks.add(new Check(Verdict.WRONG, Texts.of("command", "keepalived"), Texts.of("keepalived.not-installed"),
                    Texts.of("keepalived.fix-install", "apt-get install keepalived", "dnf install keepalived")));
            return checks;
        }
        KeepalivedHost.Running elsewhere = host.runningElsewhere();
        if (elsewhere != null) {
            checks.add(new Check(Verdict.WRONG, Texts.of("doctor.keepalived", host.version()),
                    Texts.of("keepalived.runs-other-file", elsewhere.pid(), elsewhere.config()),
                    Texts.of("doctor.fix-keepalived-other")));
        } else {
            checks.add(new Check(host.isRunning(), Texts.of("doctor.keepalived", host.version()),
                    host.isRunning() ? Texts.of("doctor.keepalived-running", host.mainPid())
                            : Texts.of("doctor.keepalived-not-running"), start));
        }
        String installed = host.installed();
        boolean same = sameSettings(expectedConf, installed);
        checks.add(new Check(same, Texts.of("command", IpvsOwner.KEEPALIVED_CONF),
                Texts.of(installed == null ? "doctor.missing" : same ? "doctor.keepalived-file-same"
                        : "doctor.keepalived-file-differs"), start));
        return checks;
    }

    /** keepalived runs this cluster's file as generated: only then is a server out of the table its check's verdict. */
    static boolean healthy(KeepalivedHost host, String expectedConf) {
        return host.isRunning() && host.runningElsewhere() == null && sameSettings(expectedConf, host.installed());
    }

    /** The same but for comments (the generator's version in the header, an operator's note). */
    static boolean sameSettings(String expected, String installed) {
        return installed != null && settings(expected).equals(settings(installed));
    }

    private static List<String> settings(String conf) {
        return conf.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                .toList();
    }

    /** The table against keepalived.conf: the configured services, and each real server in, out or quiesced. */
    static List<Check> table(String ipvsRules, Plan plan, boolean healthy) {
        List<Check> checks = new ArrayList<>();
        Message restart = Texts.of("doctor.fix-keepalived-restart");
        Map<ServiceKey, VirtualService> specs = new HashMap<>();
        plan.services().forEach(s -> specs.put(ServiceKey.of(s), s.spec()));
        Map<String, SavedRules.Entry> want = SavedRules.parse(String.join("\n", Ipvsadm.restoreLines(plan)));
        Map<String, SavedRules.Entry> have = SavedRules.parse(ipvsRules);
        Set<ServiceKey> sorryServing = new HashSet<>();
        for (SavedRules.Entry entry : have.values()) {
            VirtualService spec = specs.get(entry.service());
            if (!entry.isService() && spec != null && isSorryServer(spec, entry.server())) {
                sorryServing.add(entry.service());
            }
        }
        for (SavedRules.Entry entry : want.values()) {
            SavedRules.Entry found = have.get(entry.key());
            Message what = Texts.of(entry.isService() ? "doctor.ipvs-service" : "doctor.ipvs-real-server", entry.key());
            VirtualService spec = specs.get(entry.service());
            boolean checked = healthy && spec != null && checked(spec.healthCheck());
            if (found == null && healthy && !entry.isService() && sorryServing.contains(entry.service())) {
                checks.add(new Check(Verdict.NOTE, what, Texts.of("doctor.quorum-lost"),
                        Texts.of("doctor.fix-check-down")));
            } else if (found == null) {
                checks.add(entry.isService() || !checked
                        ? new Check(Verdict.WRONG, what, Doctor.word("missing"), restart)
                        : new Check(Verdict.NOTE, what, Texts.of("doctor.check-down"),
                        Texts.of("doctor.fix-check-down")));
            } else if (found.options().equals(entry.options())) {
                checks.add(new Check(Verdict.OK, what, Texts.of("command", entry.describe()), null));
            } else if (checked && quiesced(found, entry) && spec.healthCheck().onFailure() == OnFailure.QUIESCE) {
                checks.add(new Check(Verdict.NOTE, what, Texts.of("doctor.check-quiesced", entry.options().get("-w")),
                        Texts.of("doctor.fix-check-down")));
            } else {
                checks.add(new Check(Verdict.WRONG, what, Texts.of("doctor.differs", found.describe(), entry.describe()),
                        restart));
            }
        }
        for (SavedRules.Entry entry : have.values()) {
            if (entry.isService() || want.containsKey(entry.key()) || !want.containsKey(entry.service().toString())) {
                continue;
            }
            VirtualService spec = specs.get(entry.service());
            if (healthy && spec != null && isSorryServer(spec, entry.server())) {
                checks.add(new Check(Verdict.NOTE, Texts.of("doctor.ipvs-real-server", entry.key()),
                        Texts.of("doctor.sorry-serving"), Texts.of("doctor.fix-check-down")));
            } else {
                checks.add(new Check(Verdict.WRONG, Texts.of("doctor.ipvs-real-server", entry.key()),
                        Doctor.word("not-configured-server"), Texts.of("command",
                        String.join(" ", Ipvsadm.deleteServer(entry.service(), entry.server())))));
            }
        }
        return checks;
    }

    private static boolean checked(HealthCheck check) {
        return check != null && check.kind() != CheckKind.NONE;
    }

    /** Found at weight 0 and otherwise as configured. */
    private static boolean quiesced(SavedRules.Entry found, SavedRules.Entry wanted) {
        Map<String, String> options = new HashMap<>(found.options());
        options.put("-w", wanted.options().get("-w"));
        return "0".equals(found.options().get("-w")) && options.equals(wanted.options());
    }

    /** ipvsadm -S spells the sorry server as address:port (port 0 for a fwmark service), IPv6 in brackets. */
    private static boolean isSorryServer(VirtualService spec, String server) {
        return spec.sorryServer() != null
                && server.equals(IpAddr.parse(spec.sorryServer().address()).withPort(spec.sorryServerPort()));
    }
}
