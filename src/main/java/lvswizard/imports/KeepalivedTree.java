package lvswizard.imports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * keepalived.conf read as keepalived's own parser reads it: words, quoted strings, blocks in
 * braces, comments after # or !, {@code $NAME=value} definitions replaced where used, and
 * {@code include} files (globs allowed, a relative name from the including file's directory)
 * followed in place. Each keyword keeps its file and line for the report.
 */
final class KeepalivedTree {
    /** A keyword with its words and, for a block, its children. */
    record Node(String keyword, List<String> words, List<Node> children, String file, int line) {
        boolean isBlock() {
            return children != null;
        }

        String word(int index) {
            return index < words.size() ? words.get(index) : null;
        }
    }

    /** One word of the input, where it came from. */
    private record Token(String text, String file, int line, boolean lineStart) {
    }

    /** Why the files could not be read as a whole. */
    static final class TreeException extends Exception {
        TreeException(String message) {
            super(message);
        }
    }

    private static final int MAX_INCLUDE_DEPTH = 8;
    /** Deeper than any keepalived.conf (real_server in virtual_server is 3): a runaway is refused, not recursed. */
    private static final int MAX_BLOCK_DEPTH = 32;

    private final List<Token> tokens = new ArrayList<>();
    private final Map<String, String> definitions = new HashMap<>();
    private final List<Note> includes = new ArrayList<>();
    private int at;

    private KeepalivedTree() {
    }

    /** The top-level nodes of {@code text} (named {@code name}; includes resolved from {@code dir}). */
    static List<Node> parse(String name, String text, Path dir, List<Note> report) throws TreeException {
        KeepalivedTree tree = new KeepalivedTree();
        tree.tokenize(name, text, dir, 0);
        report.addAll(tree.includes);
        List<Node> nodes = tree.nodes(0);
        return nodes;
    }

    private void tokenize(String name, String text, Path dir, int depth) throws TreeException {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> words = words(lines[i]);
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).startsWith("$") && words.get(0).contains("=")) {
                String definition = String.join(" ", words);
                int eq = definition.indexOf('=');
                definitions.put(definition.substring(1, eq).strip(), definition.substring(eq + 1).strip());
                includes.add(new Note(name, i + 1, Note.Kind.TOOK, Texts.of("took", definition)));
                continue;
            }
            if (words.get(0).equals("include") && words.size() == 2) {
                include(name, i + 1, words.get(1), dir, depth);
                continue;
            }
            boolean first = true;
            for (String word : words) {
                tokens.add(new Token(substitute(word), name, i + 1, first));
                first = false;
            }
        }
    }

    /** ${NAME} anywhere in a word, $NAME as a whole word: keepalived's parameter substitution. */
    private String substitute(String word) {
        if (word.indexOf('$') < 0) {
            return word;
        }
        if (word.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
            return definitions.getOrDefault(word.substring(1), word);
        }
        Matcher braced = BRACED.matcher(word);
        StringBuilder out = new StringBuilder();
        while (braced.find()) {
            braced.appendReplacement(out, Matcher.quoteReplacement(definitions.getOrDefault(braced.group(1),
                    braced.group())));
        }
        braced.appendTail(out);
        return out.toString();
    }

    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private void include(String name, int line, String pattern, Path dir, int depth) throws TreeException {
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw new TreeException(name + ":" + line + ": include nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        Path glob = Path.of(pattern);
        Path base = glob.isAbsolute() ? glob.getParent() : dir.resolve(glob).getParent();
        String filePattern = glob.getFileName().toString();
        TreeSet<Path> files = new TreeSet<>();
        if (base != null && Files.isDirectory(base)) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(base, filePattern)) {
                matches.forEach(files::add);
            } catch (IOException e) {
                throw new TreeException(name + ":" + line + ": include " + pattern + ": " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            includes.add(new Note(name, line, Note.Kind.UNREADABLE, Texts.of("unreadable.include", pattern)));
            return;
        }
        for (Path file : files) {
            try {
                includes.add(new Note(name, line, Note.Kind.TOOK, Texts.of("took.include", file.toString())));
                tokenize(file.toString(), SourceText.read(file), file.getParent(), depth + 1);
            } catch (IOException e) {
                throw new TreeException(name + ":" + line + ": include " + file + ": " + e.getMessage());
            }
        }
    }

    /** A line's words: comments cut, quoted strings one word, braces words of their own. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '#' || c == '!') && word == null) {
                break;
            }
            if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                        i++;
                    }
                    quoted.append(line.charAt(i++));
                }
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                words.add(quoted.toString());
                continue;
            }
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{' && line.indexOf('}', i) > 0) {
                // ${NAME}: a parameter, not a block
                int close = line.indexOf('}', i);
                word = word == null ? new StringBuilder() : word;
                word.append(line, i, close + 1);
                i = close;
                continue;
            }
            if (Character.isWhitespace(c) || c == '{' || c == '}') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c != '{' && c != '}') {
                    continue;
                }
                words.add(String.valueOf(c));
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Nodes until the end, or until the brace that closes the current block. */
    private List<Node> nodes(int depth) throws TreeException {
        boolean inBlock = depth > 0;
        if (depth > MAX_BLOCK_DEPTH) {
            Token token = tokens.get(Math.max(0, at - 1));
            throw new TreeException(token.file() + ":" + token.line() + ": blocks nested deeper than "
                    + MAX_BLOCK_DEPTH);
        }
        List<Node> nodes = new ArrayList<>();
        while (at < tokens.size()) {
            Token token = tokens.get(at);
            if (token.text().equals("}")) {
                if (!inBlock) {
                    throw new TreeException(token.file() + ":" + token.line() + ": a '}' closes no block");
                }
                at++;
                return nodes;
            }
            if (token.text().equals("{")) {
                // a block with no keyword (keepalived's virtual_ipaddress lists are words, not blocks)
                at++;
                nodes.add(new Node("{", List.of(), nodes(depth + 1), token.file(), token.line()));
                continue;
            }
            at++;
            List<String> words = new ArrayList<>();
            while (at < tokens.size() && !tokens.get(at).lineStart() && !tokens.get(at).text().equals("{")
                    && !tokens.get(at).text().equals("}")) {
                words.add(tokens.get(at++).text());
            }
            List<Node> children = null;
            if (at < tokens.size() && tokens.get(at).text().equals("{")) {
                at++;
                children = nodes(depth + 1);
            }
            nodes.add(new Node(token.text(), List.copyOf(words), children, token.file(), token.line()));
        }
        if (inBlock) {
            Token last = tokens.get(tokens.size() - 1);
            throw new TreeException(last.file() + ":" + last.line() + ": a block is not closed with '}'");
        }
        return nodes;
    }
}
