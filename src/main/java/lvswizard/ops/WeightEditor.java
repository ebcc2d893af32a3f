package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.ServiceKey;
import java.util.Optional;

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
        Execution saved = runner.run(Command.of(Ipvsadm.save()));
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
        ServiceKey key = ServiceKey.fromListing(serviceKey)
                .orElseThrow(() -> new OpsException(Texts.of("weight.unknown-service", serviceKey)));
        for (String line : savedRules.split("\n")) {
            List<String> words = List.of(line.strip().split("\\s+"));
            Optional<ServiceKey.Parsed> found = ServiceKey.fromArguments(words, 1);
            if (words.get(0).equals("-a") && found.isPresent() && found.get().key().equals(key)) {
                int r = 1 + found.get().words();
                if (words.size() > r + 1 && words.get(r).equals("-r") && words.get(r + 1).equals(server)) {
                    return Command.of(Ipvsadm.editWeight(words, weight));
                }
            }
        }
        throw new OpsException(Texts.of("weight.gone", server, serviceKey));
    }
}
