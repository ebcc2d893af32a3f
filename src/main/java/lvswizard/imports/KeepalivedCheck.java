package lvswizard.imports;

import lvswizard.imports.KeepalivedTree.Node;
import lvswizard.model.CheckKind;
import lvswizard.model.HealthCheck;

/**
 * A real server's checker block (TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK) as the configuration's
 * health check: retries are keepalived's retry plus the first try, the interval its delay_loop.
 */
final class KeepalivedCheck extends KeepalivedReader {
    /** keepalived's defaults where a file says nothing (keepalived.conf(5)). */
    private static final int DEFAULT_CONNECT_TIMEOUT = 5;
    private static final int DEFAULT_RETRY = 1;
    /** MISC_CHECK retries nothing by default, and its timeout is the delay_loop. */
    private static final int DEFAULT_MISC_RETRY = 0;

    KeepalivedCheck(Assembly into) {
        super(into);
    }

    HealthCheck read(Node node, int delayLoop) {
        CheckKind kind = switch (node.keyword()) {
            case "HTTP_GET" -> CheckKind.HTTP;
            case "SSL_GET" -> CheckKind.HTTPS;
            case "MISC_CHECK" -> CheckKind.COMMAND;
            default -> CheckKind.TCP;
        };
        into.took(node.keyword());
        Integer port = null;
        String path = null;
        Integer status = null;
        String digest = null;
        String command = null;
        Integer timeout = null;
        Integer retry = null;
        for (Node child : children(node)) {
            at(child);
            switch (child.keyword()) {
                case "connect_port" -> port = took(child, number(child.word(0)));
                case "connect_timeout", "misc_timeout" -> timeout = took(child, number(child.word(0)));
                case "retry", "nb_get_retry" -> {
                    deprecated(child);
                    retry = took(child, number(child.word(0)));
                }
                case "misc_path" -> {
                    command = child.word(0);
                    into.took(text(child));
                }
                case "url" -> {
                    if (path != null) {
                        into.note(Note.Kind.IGNORED, "ignored.second-url", text(child));
                        continue;
                    }
                    for (Node url : children(child)) {
                        at(url);
                        switch (url.keyword()) {
                            case "path" -> path = took(url, url.word(0));
                            case "status_code" -> status = took(url, number(url.word(0)));
                            case "digest" -> digest = took(url, url.word(0));
                            default -> leftOut(url);
                        }
                    }
                }
                default -> leftOut(child);
            }
        }
        return new HealthCheck(kind, port, path, status, digest, command, delayLoop,
                timeout != null ? timeout : kind == CheckKind.COMMAND ? delayLoop : DEFAULT_CONNECT_TIMEOUT,
                (retry != null ? retry : kind == CheckKind.COMMAND ? DEFAULT_MISC_RETRY : DEFAULT_RETRY) + 1, null);
    }
}
