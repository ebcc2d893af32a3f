package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;

/**
 * Changes one real server's weight live with {@code ipvsadm -e}. The edit repeats the server's
 * own line from {@code ipvsadm -S -n} with only the weight changed: an edit that left out the
 * forwarding flag (or the tunnel type, or a threshold) would reset it to ipvsadm's default.
 */
public final class WeightEditor {
    private final Runner runner;

    public WeightEditor(Runner runner) {
        this.runner = runner;
    }

    /**
     * @param serviceKey as ipvsadm lists it: "TCP 192.168.101.168:80", "FWM 7"
     * @param server     the real server's address:port as listed
     * @return the command that ran
     */
    public Command setWeight(String serviceKey, String server, int weight) throws OpsException {
        Execution saved = runner.run(Command.of("ipvsadm", "-S", "-n"));
        if (!saved.succeeded()) {
            throw new OpsException(Texts.of("host.command-failed", "ipvsadm -S -n", saved.ended(),
                    IpvsReader.firstLine(saved.stderr())));
        }
        Command edit = editCommand(saved.stdout(), serviceKey, server, weight);
        Execution run = runner.run(edit);
        if (!run.succeeded()) {
            throw new OpsException(Texts.of("host.command-failed", edit.display(), run.ended(),
                    IpvsReader.firstLine(run.stderr())));
        }
        return edit;
    }

    /** Pure: the edit for one server, from the saved rules. */
    static Command editCommand(String savedRules, String serviceKey, String server, int weight) throws OpsException {
        List<String> selector = selector(serviceKey);
        for (String line : savedRules.split("\n")) {
            List<String> words = List.of(line.strip().split("\\s+"));
            int r = 1 + selector.size();
            if (words.size() < r + 2 || !words.get(0).equals("-a") || !words.subList(1, r).equals(selector)
                    || !words.get(r).equals("-r") || !words.get(r + 1).equals(server)) {
                continue;
            }
            List<String> argv = new ArrayList<>(List.of("ipvsadm", "-e"));
            argv.addAll(words.subList(1, words.size()));
            int w = argv.indexOf("-w");
            if (w < 0) {
                argv.addAll(List.of("-w", Integer.toString(weight)));
            } else {
                argv.set(w + 1, Integer.toString(weight));
            }
            return Command.of(argv);
        }
        throw new OpsException(Texts.of("weight.gone", server, serviceKey));
    }

    /** "TCP 1.2.3.4:80" to [-t, 1.2.3.4:80]; "FWM 7" to [-f, 7]; "FWM 7 IPv6" to [-f, 7, -6]. */
    static List<String> selector(String serviceKey) throws OpsException {
        String[] parts = serviceKey.split(" ");
        if (parts.length == 3 && parts[0].equals("FWM") && parts[2].equals("IPv6")) {
            return List.of("-f", parts[1], "-6");
        }
        if (parts[0].equals("FWM")) {
            return List.of("-f", parts[1]);
        }
        try {
            return List.of(lvswizard.model.Protocol.valueOf(parts[0]).ipvsadmFlag(), parts[1]);
        } catch (IllegalArgumentException e) {
            throw new OpsException(Texts.of("weight.unknown-service", serviceKey));
        }
    }
}
