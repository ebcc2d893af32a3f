package lvswizard.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a shell script cut into simple commands of words, the way sh would cut it: quotes,
 * backslashes, {@code $VAR} and {@code ${VAR}} replaced by the values assigned plainly earlier in
 * the script, and the operators ; && || | & and redirections kept apart. A variable that was not
 * assigned plainly (or a command substitution) is not guessed: the words that use it are marked.
 */
final class ShellWords {
    /** One simple command: its words, the file a redirection writes to, and what could not be resolved. */
    record SimpleCommand(List<String> words, String writesTo, Set<String> unresolved) {
        /** The command's name without its directory (/sbin/ipvsadm: ipvsadm), after sudo/command/exec. */
        String name() {
            int at = start();
            return at < words.size() ? words.get(at).substring(words.get(at).lastIndexOf('/') + 1) : "";
        }

        /** The words after the command's name. */
        List<String> arguments() {
            int at = start();
            return at < words.size() ? words.subList(at + 1, words.size()) : List.of();
        }

        private int start() {
            int at = 0;
            while (at < words.size() && (words.get(at).equals("sudo") || words.get(at).equals("command")
                    || words.get(at).equals("exec") || words.get(at).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                at++;
            }
            return at;
        }

        /** The words as the operator would read them back. */
        String text() {
            return String.join(" ", words) + (writesTo == null ? "" : " > " + writesTo);
        }
    }

    private ShellWords() {
    }

    /** The simple commands of {@code line}, variables replaced from {@code variables}. */
    static List<SimpleCommand> commands(String line, Map<String, String> variables) {
        List<SimpleCommand> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        String writesTo = null;
        boolean redirect = false;
        // the word after < (or <<) is read from, or ends a here-document: no argument, and not written to
        boolean input = false;
        StringBuilder word = null;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#' && word == null) {
                break;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    if (redirect) {
                        writesTo = input ? writesTo : word.toString();
                        redirect = false;
                        input = false;
                    } else {
                        words.add(word.toString());
                    }
                    word = null;
                }
                i++;
                continue;
            }
            if (c == ';' || c == '|' || c == '&' && !(i + 1 < n && line.charAt(i + 1) == '>')) {
                if (word != null) {
                    if (redirect) {
                        writesTo = input ? writesTo : word.toString();
                    } else {
                        words.add(word.toString());
                    }
                    word = null;
                }
                redirect = false;
                input = false;
                if (!words.isEmpty()) {
                    commands.add(new SimpleCommand(List.copyOf(words), writesTo, Set.copyOf(unresolved)));
                }
                words.clear();
                unresolved.clear();
                writesTo = null;
                i++;
                while (i < n && (line.charAt(i) == '|' || line.charAt(i) == '&')) {
                    i++;
                }
                continue;
            }
            if (c == '>' || c == '<') {
                if (word != null && word.toString().matches("\\d|&")) {
                    word = null; // 2> and &>: the descriptor is not a word
                } else if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                if (i < n && (line.charAt(i) == '>' || line.charAt(i) == '&')) {
                    i++;
                }
                redirect = true;
                input = c == '<';
                while (i < n && line.charAt(i) == '<') {
                    i++;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\\' && i + 1 < n) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                close = close < 0 ? n : close;
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (i < n && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < n) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (line.charAt(i) == '$' || line.charAt(i) == '`') {
                        i = expand(line, i, variables, word, unresolved);
                    } else {
                        word.append(line.charAt(i++));
                    }
                }
                i++;
            } else if (c == '$' || c == '`') {
                i = expand(line, i, variables, word, unresolved);
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            if (redirect) {
                writesTo = input ? writesTo : word.toString();
            } else {
                words.add(word.toString());
            }
        }
        if (!words.isEmpty()) {
            commands.add(new SimpleCommand(List.copyOf(words), writesTo, Set.copyOf(unresolved)));
        }
        return commands;
    }

    /** Replaces the expansion at {@code at}; returns the index after it. */
    private static int expand(String line, int at, Map<String, String> variables, StringBuilder word,
                              Set<String> unresolved) {
        int n = line.length();
        if (line.charAt(at) == '`') {
            int close = line.indexOf('`', at + 1);
            close = close < 0 ? n - 1 : close;
            unresolved.add(line.substring(at, close + 1));
            word.append(line, at, close + 1);
            return close + 1;
        }
        if (at + 1 < n && line.charAt(at + 1) == '(') {
            int depth = 0;
            int i = at + 1;
            for (; i < n; i++) {
                if (line.charAt(i) == '(') {
                    depth++;
                } else if (line.charAt(i) == ')' && --depth == 0) {
                    break;
                }
            }
            int end = Math.min(i + 1, n);
            unresolved.add(line.substring(at, end));
            word.append(line, at, end);
            return end;
        }
        String name;
        int end;
        if (at + 1 < n && line.charAt(at + 1) == '{') {
            int close = line.indexOf('}', at);
            if (close < 0) {
                word.append('$');
                return at + 1;
            }
            name = line.substring(at + 2, close);
            end = close + 1;
        } else {
            int i = at + 1;
            while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                i++;
            }
            if (i == at + 1) {
                word.append('$');
                return at + 1;
            }
            name = line.substring(at + 1, i);
            end = i;
        }
        String value = name.matches("[A-Za-z_][A-Za-z0-9_]*") ? variables.get(name) : null;
        if (value == null) {
            unresolved.add("$" + name);
            word.append('$').append(name);
        } else {
            word.append(value);
        }
        return end;
    }
}
