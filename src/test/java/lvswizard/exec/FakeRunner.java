package lvswizard.exec;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A runner for tests: records every command and answers from a script keyed by the command's
 * display form ("ipvsadm -L -n"). Several answers for one command are given out in order, the last
 * one repeating. A command with no answer fails the test, unless {@link #otherwise} says what to do.
 */
public final class FakeRunner implements Runner {
    private final Map<String, Deque<Function<Command, Execution>>> answers = new HashMap<>();
    private final List<Command> commands = new ArrayList<>();
    private Function<Command, Execution> otherwise;

    public static Execution exit(Command command, int code, String stdout, String stderr) {
        return new Execution(command, code, stdout, stderr, Duration.ofMillis(3), Execution.Ending.EXITED);
    }

    public FakeRunner answer(String display, int exitCode, String stdout) {
        return answer(display, c -> exit(c, exitCode, stdout, ""));
    }

    public FakeRunner answer(String display, int exitCode, String stdout, String stderr) {
        return answer(display, c -> exit(c, exitCode, stdout, stderr));
    }

    public FakeRunner answer(String display, Function<Command, Execution> answer) {
        answers.computeIfAbsent(display, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** What a command without an answer gets (instead of failing the test). */
    public FakeRunner otherwise(Function<Command, Execution> answer) {
        this.otherwise = answer;
        return this;
    }

    public FakeRunner missing(String program) {
        return answer(program, c -> new Execution(c, -1, "", "Cannot run program \"" + program + "\"",
                Duration.ZERO, Execution.Ending.NOT_STARTED));
    }

    @Override
    public synchronized Execution run(Command command, OutputListener listener) {
        commands.add(command);
        Deque<Function<Command, Execution>> queue = answers.get(command.display());
        if (queue == null) {
            queue = answers.get(command.argv().get(0));
        }
        Function<Command, Execution> answer;
        if (queue != null && !queue.isEmpty()) {
            answer = queue.size() > 1 ? queue.poll() : queue.peek();
        } else if (otherwise != null) {
            answer = otherwise;
        } else {
            throw new AssertionError("unexpected command: " + command.display());
        }
        Execution execution = answer.apply(command);
        execution.stdout().lines().forEach(l -> listener.line(OutputListener.Stream.STDOUT, l));
        execution.stderr().lines().forEach(l -> listener.line(OutputListener.Stream.STDERR, l));
        return execution;
    }

    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    public synchronized List<String> displays() {
        return commands.stream().map(Command::display).toList();
    }
}
