package lvswizard.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files a generated set wrote into a directory, each with the SHA-256 of what was written:
 * {@value #FILE_NAME}, in sha256sum's format, so that {@code sha256sum -c .lvs-wizard-manifest}
 * shows an operator which generated files were edited since. Knowing both lets the next write
 * remove a file it made and no longer makes, and leave alone one a human changed.
 */
final class Manifest {
    static final String FILE_NAME = ".lvs-wizard-manifest";

    private final Map<String, String> hashes;

    private Manifest(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    /** The manifest of a set about to be written: each file's name and hash, in the set's order. */
    static Manifest of(Map<String, String> hashes) {
        return new Manifest(new LinkedHashMap<>(hashes));
    }

    /** The directory's manifest; empty when there is none or it cannot be read (nothing is then known). */
    static Manifest read(Path directory) {
        Map<String, String> hashes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap == 64 && line.length() > 66) {
                    hashes.put(line.substring(66), line.substring(0, 64));
                }
            }
        } catch (IOException e) {
            // no manifest: a directory written before there were manifests, or by hand
        }
        return new Manifest(hashes);
    }

    Set<String> names() {
        return hashes.keySet();
    }

    String hash(String name) {
        return hashes.get(name);
    }

    Manifest with(String name, String hash) {
        Map<String, String> more = new LinkedHashMap<>(hashes);
        more.put(name, hash);
        return new Manifest(more);
    }

    /** The text of the file it is written to: the generated files, as they are, in sha256sum's format. */
    String text() {
        StringBuilder text = new StringBuilder();
        hashes.forEach((name, hash) -> text.append(hash).append("  ").append(name).append('\n'));
        return text.toString();
    }

    /** The SHA-256 of a file's bytes, or "" when it cannot be read (then it matches no recorded hash). */
    static String hash(Path file) {
        try {
            return hash(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** The SHA-256 of the bytes written, in hexadecimal. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
