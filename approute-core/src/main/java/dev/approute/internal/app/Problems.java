package dev.approute.internal.app;

import java.util.List;

/** Thrown when an app cannot be built or served; carries every problem found, not just the first. */
public final class Problems extends RuntimeException {
    private final transient List<Problem> problems;

    public Problems(List<Problem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem, one block each, then a count. */
    public String report() {
        StringBuilder out = new StringBuilder();
        problems.forEach(problem -> out.append(problem.format()).append("\n\n"));
        out.append(summary(problems));
        return out.toString();
    }

    private static String summary(List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found";
    }
}
