package lvswizard.it;

/** The seed's VS/DR cluster with the net-tools (ifconfig/route) scripts, on a real kernel. */
class SeedDrNetToolsVmIT extends SeedDrLab {
    SeedDrNetToolsVmIT() {
        super("net-tools");
    }
}
