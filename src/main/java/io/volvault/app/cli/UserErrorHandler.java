package io.volvault.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can fix (bad input, unreadable files, and options the command line
 * cannot parse) into one line on stderr and exit code 2, never a stack trace or a page of usage.
 * Anything else is a bug: exit 1 with the trace.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final int BAD_INPUT = 2;

    /** A command line with this handler for both kinds of error. */
    public static CommandLine install(CommandLine cl) {
        UserErrorHandler h = new UserErrorHandler();
        return cl.setExecutionExceptionHandler(h).setParameterExceptionHandler(h);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see --help)");
        return BAD_INPUT;
    }

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
