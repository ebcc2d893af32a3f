package lvswizard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.ops.Doctor;
import lvswizard.ops.OpsException;
import lvswizard.plan.IpvsOwner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this host against what its role needs, each check OK or WRONG with the fix.",
                "It looks at the ARP sysctls, the VIP on lo or tunl0 with the right mask, rp_filter,"
                        + " ip_forward, the kernel modules, the default gateway, the MARK rules and the IPVS rules.",
                "Exit 0 when all pass, 1 otherwise, 2 on unusable input."})
final class DoctorCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Mixin
    HostRoleOptions host;

    @CommandLine.Mixin
    TableOwnerOption table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostRoleOptions.Resolved resolved;
        IpvsOwner owner;
        try {
            owner = table.owner(err);
            resolved = host.resolve(main.runner(), err);
        } catch (ConfigOption.Refused refused) {
            return refused.exitCode;
        }
        List<Doctor.Check> checks;
        try {
            checks = Doctor.examine(main.runner(), resolved.needs(), resolved.plan(), owner);
        } catch (OpsException e) {
            err.println("lvs-wizard: " + e.getMessage());
            return ExitCodes.VALIDATION_ERRORS;
        }
        out.println("doctor: " + resolved.needs().scriptName() + " (" + resolved.needs().name() + ")");
        checks.forEach(c -> out.println(c.toLine()));
        long wrong = checks.stream().filter(Doctor.Check::wrong).count();
        long notes = checks.stream().filter(c -> c.verdict() == Doctor.Verdict.NOTE).count();
        String noted = notes == 0 ? "" : ", " + notes + (notes == 1 ? " NOTE" : " NOTEs");
        out.println(wrong > 0 ? wrong + " of " + checks.size() + " checks WRONG" + noted
                : notes == 0 ? "all " + checks.size() + " checks passed"
                : "no check WRONG" + noted + " (of " + checks.size() + ")");
        return wrong == 0 ? ExitCodes.OK : ExitCodes.VALIDATION_ERRORS;
    }
}
