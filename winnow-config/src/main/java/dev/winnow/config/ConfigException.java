package dev.winnow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration value that cannot be used: the message is one sentence a user can act on and
 * names the JSON pointer of the offending place, which {@link #pointer()} also returns. When a
 * configuration has several problems, one exception carries them all ({@link #problems()}), so a
 * user learns of every mistake at once; its message is their messages, one a line.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final transient List<ConfigException> problems;

    public ConfigException(String pointer, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.problems = List.of(this);
    }

    private ConfigException(List<ConfigException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
        this.pointer = problems.get(0).pointer;
        this.problems = List.copyOf(problems);
    }

    /** One exception for {@code problems} (at least one), flattening those that hold several. */
    public static ConfigException of(List<ConfigException> problems) {
        List<ConfigException> flat = new ArrayList<>();
        for (ConfigException problem : problems) {
            for (ConfigException p : problem.problems()) {
                // One mistake found by two checks (an unknown key that is also a missing one) is one problem.
                if (flat.stream()
                        .noneMatch(
                                f -> f.pointer.equals(p.pointer) && Objects.equals(f.getMessage(), p.getMessage()))) {
                    flat.add(p);
                }
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalStateException("no problems to report");
        }
        return flat.size() == 1 ? flat.get(0) : new ConfigException(flat);
    }

    /**
     * The JSON pointer (RFC 6901) of the key or value at fault, for example {@code /selection/n_samples}; the first
     * one's when there are several.
     */
    public String pointer() {
        return pointer;
    }

    /** Every problem, in the order of the configuration; this exception alone when it is one. */
    public List<ConfigException> problems() {
        return problems;
    }
}
