package io.volvault.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can fix (bad input, unreadable files) into one line on stderr and exit
 * code 2, never a stack trace. Anything else is a bug: exit 1 with the trace.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler {

    public static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof IllegalArgumentException
                || ex instanceof IOException
                || ex instanceof UncheckedIOException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return BAD_INPUT;
        }
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
