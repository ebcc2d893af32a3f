package lvswizard.model;

/** Scheduler flags (ipvsadm -b); each belongs to one scheduler. */
public enum SchedulerFlag {
    SH_FALLBACK(Scheduler.SH), SH_PORT(Scheduler.SH), MH_FALLBACK(Scheduler.MH), MH_PORT(Scheduler.MH);

    private final Scheduler scheduler;

    SchedulerFlag(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
