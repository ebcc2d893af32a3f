package lvswizard.it;

/** The seed's VS/DR cluster with the default iproute2 scripts, on a real kernel. */
class SeedDrVmIT extends SeedDrLab {
    SeedDrVmIT() {
        super("iproute2");
    }
}
