package io.volvault.spark;

import java.util.Arrays;

/** Entry point of the Spark engine: {@code sweep ...} or {@code walkforward ...} (scripts/volvault calls it). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String command = args.length == 0 ? "" : args[0];
        return switch (command) {
            case "sweep" -> SparkSweep.run(rest);
            case "walkforward" -> SparkWalkForward.run(rest);
            default -> {
                System.err.println("volvault: --engine spark runs sweep or walkforward, not '" + command + "'");
                yield 2;
            }
        };
    }
}
