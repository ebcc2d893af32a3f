package lvswizard.model;

/**
 * How keepalived finds out that a real server of a service is down, and what it does then.
 *
 * @param kind      none, tcp (connect), http or https (GET), command (MISC_CHECK); default tcp
 * @param port      the port checked; null: the member's own port (not for a command)
 * @param path      http/https: the URL path to GET; default /
 * @param status    http/https: the status a healthy server answers; default 200
 * @param digest    http/https: the MD5 of the body a healthy server answers, or null
 * @param command   command: an absolute path and its arguments; exit 0 means healthy
 * @param interval  seconds between checks (delay_loop); default 5
 * @param timeout   seconds a check may take; default 3
 * @param retries   failed checks in a row before the server is down; default 3
 * @param onFailure remove the server (default), or quiesce it: weight 0 (inhibit_on_failure)
 */
public record HealthCheck(CheckKind kind, Integer port, String path, Integer status, String digest, String command,
                          Integer interval, Integer timeout, Integer retries, OnFailure onFailure) {
    public static final int DEFAULT_INTERVAL = 5;
    public static final int DEFAULT_TIMEOUT = 3;
    public static final int DEFAULT_RETRIES = 3;

    public HealthCheck {
        if (kind == null) {
            kind = CheckKind.TCP;
        }
        boolean http = kind == CheckKind.HTTP || kind == CheckKind.HTTPS;
        if (http && path == null) {
            path = "/";
        }
        if (http && status == null) {
            status = 200;
        }
        if (interval == null) {
            interval = DEFAULT_INTERVAL;
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (retries == null) {
            retries = DEFAULT_RETRIES;
        }
        if (onFailure == null) {
            onFailure = OnFailure.REMOVE;
        }
    }

    public boolean checksHttp() {
        return kind == CheckKind.HTTP || kind == CheckKind.HTTPS;
    }
}
