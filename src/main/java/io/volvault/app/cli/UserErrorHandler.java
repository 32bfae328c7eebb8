package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A mistake the user can fix ({@link UserInputException}) is one line on stderr and exit code 2,
 * never a stack trace; picocli reports its own {@link CommandLine.ParameterException}s with exit 2
 * too. Anything else is a failure of ours or of the environment, never dressed up as bad input:
 * exit 1 with the stack trace.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler {

    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof UserInputException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return BAD_INPUT;
        }
        ex.printStackTrace(cmd.getErr());
        return FAILURE;
    }
}
