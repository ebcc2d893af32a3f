package lvswizard.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.text.Message;

/**
 * Brings an existing LVS setup into a configuration: each source (a file, or this host's running
 * state) is recognised by its content and read into one {@link Assembly}, in the order given, so
 * that a director's script and its real servers' scripts, or a pair's two keepalived.conf, make
 * one cluster. Nothing is invented: a field no source says is reported as missing.
 */
public final class Importer {
    /** The word that names this host's running state as a source. */
    public static final String HOST = "host";

    /**
     * What an import made.
     *
     * @param cluster  the configuration (fields no source said are blank)
     * @param notes    line by line: what each source gave, left out, could not read; the fields missing
     * @param findings the lint rules that fired on the sources' own lines
     * @param missing  the configuration paths no source said (the validator's findings on them are not the source's)
     */
    public record Result(Cluster cluster, List<Note> notes, List<SourceFinding> findings, Set<String> missing) {
    }

    /** A source that cannot be read at all: one line for the operator. */
    public static final class ImportException extends Exception {
        public ImportException(String message) {
            super(message);
        }
    }

    /** The kinds of source, as recognised. */
    enum Kind { KEEPALIVED, LDIRECTORD, RULES, SCRIPT }

    private Importer() {
    }

    /** Imports {@code sources} (file names, or {@link #HOST}); the cluster is named {@code name} when given. */
    public static Result from(List<String> sources, String name, Runner runner) throws ImportException {
        Assembly assembly = new Assembly();
        List<KeepalivedInstance.Vrrp> vrrp = new ArrayList<>();
        List<List<KeepalivedInstance.Vrrp>> sides = new ArrayList<>();
        for (String source : expand(sources)) {
            if (source.equals(HOST)) {
                HostSource.read(runner, assembly);
                continue;
            }
            Path file = Path.of(source);
            String text = read(file);
            switch (kind(source, text)) {
                case KEEPALIVED -> {
                    try {
                        List<KeepalivedInstance.Vrrp> side = KeepalivedSource.read(source, text,
                                file.toAbsolutePath().getParent(), assembly);
                        if (!side.isEmpty()) {
                            sides.add(side);
                        }
                        vrrp.addAll(side);
                    } catch (KeepalivedTree.TreeException e) {
                        throw new ImportException(e.getMessage());
                    }
                }
                case LDIRECTORD -> LdirectordSource.read(source, text, assembly);
                case RULES -> RulesSource.read(source, text, assembly);
                case SCRIPT -> ScriptSource.read(source, text, assembly);
            }
        }
        if (!sides.isEmpty()) {
            Pair.apply(sides, assembly);
        }
        MarkRules.check(sources, assembly);
        assembly.clusterName = name != null ? name : defaultName(sources);
        Cluster cluster = assembly.build();
        return new Result(cluster, List.copyOf(assembly.notes()), List.copyOf(assembly.findings()),
                Set.copyOf(assembly.missing()));
    }

    /** The closing line of an import: what was written and what is left to fill in. */
    public static Message summary(Result result, String file, long unreadable) {
        return Texts.of("summary", file, String.valueOf(result.cluster().services().size()),
                String.valueOf(result.cluster().realServers().size()), String.valueOf(result.missing().size()),
                String.valueOf(unreadable));
    }

    private static String defaultName(List<String> sources) {
        String first = sources.get(0);
        if (first.equals(HOST)) {
            return "imported";
        }
        String base = Path.of(first).getFileName().toString();
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /**
     * A directory stands for the LVS files in it (and in its scripts/, as a lab bundle holds them):
     * ipvsadm.rules, keepalived*.conf, ldirectord.cf, as lvs-wizard generate writes them. Its
     * scripts are not read: their rules are the same as ipvsadm.rules'.
     */
    private static List<String> expand(List<String> sources) throws ImportException {
        List<String> files = new ArrayList<>();
        for (String source : sources) {
            Path path = Path.of(source);
            if (source.equals(HOST) || !Files.isDirectory(path)) {
                files.add(source);
                continue;
            }
            List<String> found = new ArrayList<>();
            for (Path dir : List.of(path, path.resolve("scripts"))) {
                try (var list = Files.list(dir)) {
                    list.filter(f -> f.getFileName().toString().matches("ipvsadm\\.rules|keepalived.*\\.conf|ldirectord\\.cf"))
                            .sorted().forEach(f -> found.add(f.toString()));
                } catch (IOException e) {
                    // a directory without scripts/
                }
            }
            if (found.isEmpty()) {
                throw new ImportException(source + ": a directory without ipvsadm.rules, keepalived*.conf or"
                        + " ldirectord.cf; name the file (a script, for instance)");
            }
            files.addAll(found);
        }
        return files;
    }

    private static String read(Path file) throws ImportException {
        try {
            return SourceText.read(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": " + e.getMessage());
        }
    }

    /** What the text is: by its content, not its name. */
    static Kind kind(String source, String text) throws ImportException {
        if (RulesSource.looksLike(text)) {
            return Kind.RULES;
        }
        if (LdirectordSource.looksLike(text)) {
            return Kind.LDIRECTORD;
        }
        if (KeepalivedSource.looksLike(text) && !text.startsWith("#!")) {
            return Kind.KEEPALIVED;
        }
        if (text.matches("(?s).*\\b(ipvsadm|ifconfig|arp_ignore|arp_announce|ip\\s+(-[46]\\s+)?a(ddr?)?\\s)\\b.*")) {
            return Kind.SCRIPT;
        }
        throw new ImportException(source + ": no LVS configuration found; expected keepalived.conf, ldirectord.cf,"
                + " ipvsadm -S output (ipvsadm.rules) or a shell script with ipvsadm, ifconfig or ip lines");
    }
}
