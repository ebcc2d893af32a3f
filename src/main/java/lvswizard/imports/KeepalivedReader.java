package lvswizard.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lvswizard.imports.KeepalivedTree.Node;

/**
 * What every reader of keepalived.conf's blocks shares: the report of each keyword (taken, left out
 * with the reason, not understood), the old keywords' lint, and the words of a line.
 */
abstract class KeepalivedReader {
    /** Old keywords and their current names (keepalived still reads both). */
    static final Map<String, String> DEPRECATED = Map.of("lb_algo", "lvs_sched", "lb_kind", "lvs_method",
            "nb_get_retry", "retry", "lvs_sync_daemon_interface", "lvs_sync_daemon", "nat_mask", "");

    /** Keywords that configure keepalived itself, not the cluster: read and left out. */
    private static final Set<String> KEEPALIVED_ONLY = Set.of("notification_email", "notification_email_from",
            "smtp_server", "smtp_connect_timeout", "smtp_alert", "enable_script_security", "script_user",
            "router_id", "vrrp_skip_check_adv_addr", "vrrp_garp_interval", "vrrp_gna_interval", "notify", "notify_up",
            "notify_down", "notify_master", "notify_backup", "notify_fault", "notify_stop", "smtp_alert_checker",
            "garp_master_delay", "garp_master_refresh", "track_interface", "track_script", "vrrp_script", "ha_suspend",
            "virtualhost", "omega", "quorum_up", "quorum_down", "warmup", "delay_before_retry", "max_auto_priority",
            "dynamic_interfaces", "lvs_timeouts", "lvs_flush", "vrrp_sync_group", "native_ipv6", "version",
            "sorry_server_inhibit", "vrrp_version", "checker_log_all_failures", "log_all_failures");

    protected final Assembly into;

    protected KeepalivedReader(Assembly into) {
        this.into = into;
    }

    protected void at(Node node) {
        into.at(node.file(), node.line());
    }

    protected List<Node> children(Node node) {
        if (!node.isBlock()) {
            at(node);
            into.note(Note.Kind.UNREADABLE, "unreadable.not-a-block", node.keyword());
            return List.of();
        }
        return node.children();
    }

    protected void deprecated(Node node) {
        String current = DEPRECATED.get(node.keyword());
        if (current == null) {
            return;
        }
        if (current.isEmpty()) {
            into.finding(LintRule.DEPRECATED_KEYWORD, "lint.obsolete-keyword", node.keyword());
            into.note(Note.Kind.IGNORED, "ignored.obsolete", text(node));
        } else {
            into.finding(LintRule.DEPRECATED_KEYWORD, "lint.deprecated-keyword", node.keyword(), current);
        }
    }

    /** A keyword this importer knows and leaves out on purpose, or one it does not know. */
    protected void leftOut(Node node) {
        if (KEEPALIVED_ONLY.contains(node.keyword()) || node.keyword().startsWith("vrrp_")
                || node.keyword().startsWith("notify") || node.keyword().startsWith("smtp")) {
            into.note(Note.Kind.IGNORED, "ignored.keepalived-only", node.keyword());
        } else {
            unknown(node);
        }
    }

    protected void unknown(Node node) {
        into.note(Note.Kind.UNREADABLE, "unreadable.keyword", text(node));
    }

    protected <T> T took(Node node, T value) {
        if (value == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(node));
        } else {
            into.took(text(node));
        }
        return value;
    }

    static Integer number(String word) {
        return word != null && word.matches("\\d{1,9}") ? Integer.valueOf(word) : null;
    }

    static String text(Node node) {
        return node.words().isEmpty() ? node.keyword() : node.keyword() + " " + String.join(" ", node.words());
    }
}
