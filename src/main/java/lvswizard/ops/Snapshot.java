package lvswizard.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.exec.Command;
import lvswizard.output.TrustedDirectory;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Names;
import lvswizard.plan.ServiceKey;
import lvswizard.text.Quote;

/**
 * The host as it was before a role's first start: the IPVS table ({@code ipvsadm -S -n}) and the
 * sysctls the role touches. Saved beside the generated files; undo brings the host back to it.
 *
 * @param role      the script it was taken for (director.sh)
 * @param taken     when, ISO-8601
 * @param ipvsRules the IPVS table then, or null on a real server
 * @param sysctls   /proc/sys path to its value then
 * @param keepalivedConf    a keepalived director: the file at /etc/keepalived/keepalived.conf then, or null
 * @param keepalivedRunning a keepalived director: whether keepalived ran then; null in the scripts' mode
 */
public record Snapshot(String role, String taken, String ipvsRules, Map<String, String> sysctls,
                       String keepalivedConf, Boolean keepalivedRunning) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static Snapshot of(HostNeeds needs, HostState state, String taken) {
        return new Snapshot(needs.scriptName(), taken, needs.isDirector() ? state.ipvsRules() : null,
                new TreeMap<>(state.sysctls()), null, null);
    }

    /** The same, with keepalived as it was (a director in keepalived mode). */
    public Snapshot withKeepalived(KeepalivedHost host) {
        return new Snapshot(role, taken, ipvsRules, sysctls, host.installed(), host.isRunning());
    }

    /** snapshots/director.json, snapshots/realserver-rs1.json */
    public static Path file(Path outputDir, HostNeeds needs) {
        return outputDir.resolve("snapshots").resolve(needs.scriptName().replaceFirst("\\.sh$", "") + ".json");
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".snapshot", ".tmp");
        try {
            Files.writeString(temp, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The snapshot start saved for this role, refused in one line when it is not: a file that
     * another user could have written (undo runs as root), another script's, a kernel setting no
     * script of lvs-wizard changes or a value that is not a number, a table line that is not a
     * service or a real server. Undo restores only what start saved; a hand-edited snapshot must not make it
     * write {@code kernel.core_pattern} or load a table of someone else's.
     */
    public static Snapshot load(Path file, HostNeeds needs) throws OpsException {
        int uid = TrustedDirectory.currentUid();
        if (uid >= 0) {
            String untrusted = TrustedDirectory.fileProblem(file, uid);
            if (untrusted != null) {
                throw new OpsException(Texts.of("snapshot.untrusted", untrusted));
            }
        }
        Snapshot snapshot = load(file);
        snapshot.check(file, needs);
        return snapshot;
    }

    /** Every kernel setting a script of lvs-wizard changes (HostNeeds); group 1 is the interface. */
    private static final Pattern WRITTEN = Pattern.compile("/proc/sys/net/(?:ipv4/ip_forward|ipv6/conf/all/forwarding"
            + "|ipv4/conf/([^/]+)/(?:arp_ignore|arp_announce|rp_filter|send_redirects))");

    private static boolean written(String path) {
        Matcher written = WRITTEN.matcher(path);
        return written.matches() && (written.group(1) == null || Names.isInterface(written.group(1)));
    }

    private void check(Path file, HostNeeds needs) throws OpsException {
        if (role == null || taken == null || sysctls == null) {
            throw new OpsException(Texts.of("snapshot.not-ours", file, "role, taken or sysctls missing"));
        }
        if (!role.equals(needs.scriptName())) {
            throw new OpsException(Texts.of("snapshot.other-role", file, Quote.forMessage(role), needs.scriptName()));
        }
        for (Map.Entry<String, String> setting : sysctls.entrySet()) {
            // any setting a role of lvs-wizard changes, not only this configuration's: the snapshot of a
            // NAT director stays good after the cluster turned to DR
            if (!written(setting.getKey())) {
                throw new OpsException(Texts.of("snapshot.foreign-setting", file, Quote.forMessage(setting.getKey())));
            }
            if (setting.getValue() == null || !setting.getValue().matches("-?[0-9]{1,10}")) {
                throw new OpsException(Texts.of("snapshot.bad-value", file, setting.getKey(),
                        Quote.forMessage(String.valueOf(setting.getValue()))));
            }
        }
        if (ipvsRules != null) {
            for (String line : ipvsRules.lines().toList()) {
                if (!line.isBlank() && !line.matches("-[Aa] -[tuf] .*")) {
                    throw new OpsException(Texts.of("snapshot.bad-rule", file, Quote.forMessage(line)));
                }
            }
        }
    }

    static Snapshot load(Path file) throws OpsException {
        try {
            return JSON.readValue(file.toFile(), Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new OpsException(Texts.of("snapshot.not-ours", file, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new OpsException(Texts.of("snapshot.none", file));
        }
    }

    /** The commands that put the kernel settings back, except those another configuration's script {@code held}. */
    public List<Command> restoreCommands(Set<String> held) {
        List<Command> commands = new ArrayList<>();
        sysctls.forEach((path, value) -> {
            if (!held.contains(path)) {
                commands.add(Command.of("sysctl", "-q", "-w", HostNeeds.Setting.sysctlName(path) + "=" + value));
            }
        });
        return commands;
    }

    /**
     * What puts the IPVS table back, given the table now ({@code ipvsadm -S -n} after stop): this
     * configuration's services that the snapshot did not hold are deleted, the snapshot's services
     * missing now are restored; every other service (another cluster's, keepalived's) is left as it
     * is now: a whole-table restore would take them back to the snapshot's time, or away.
     */
    public List<Command> tableRepair(String tableNow, Set<ServiceKey> ours) {
        Set<String> now = serviceKeys(tableNow);
        Set<String> before = serviceKeys(ipvsRules);
        List<Command> commands = new ArrayList<>();
        for (ServiceKey key : ours) {
            if (now.contains(key.toString()) && !before.contains(key.toString())) {
                commands.add(Command.of(Ipvsadm.deleteService(key)));
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String line : ipvsRules.lines().toList()) {
            Optional<ServiceKey.Parsed> key = ServiceKey.fromArguments(List.of(line.strip().split("\\s+")), 1);
            if (key.isPresent() && !now.contains(key.get().key().toString())) {
                missing.append(line).append('\n');
            }
        }
        if (!missing.isEmpty()) {
            commands.add(Command.of(Ipvsadm.restore()).withStdin(missing.toString()));
        }
        return commands;
    }

    private static Set<String> serviceKeys(String rules) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : rules.lines().toList()) {
            List<String> words = List.of(line.strip().split("\\s+"));
            if (!words.isEmpty() && words.get(0).equals("-A")) {
                ServiceKey.fromArguments(words, 1).ifPresent(k -> keys.add(k.key().toString()));
            }
        }
        return keys;
    }
}
