package lvswizard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.output.TrustedDirectory;

/**
 * A source file's text: a regular file only (a FIFO or a device would block or never end),
 * bounded (no source is megabytes), strict UTF-8, carriage returns dropped. Run as root, a file
 * another user can write is not read: the configuration made from it would be theirs.
 */
final class SourceText {
    static final int MAX_BYTES = 16 << 20;

    private SourceText() {
    }

    static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (TrustedDirectory.currentUid() == 0) {
            String problem = TrustedDirectory.fileProblem(file.toRealPath(), 0);
            if (problem != null) {
                throw new IOException("not read as root: " + problem);
            }
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB: not an LVS configuration");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\r\n", "\n").replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
