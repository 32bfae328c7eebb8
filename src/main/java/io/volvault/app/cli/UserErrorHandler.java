package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A mistake the user can fix ({@link UserInputException}, or options the command line cannot
 * parse) is one line on stderr and exit code 2, never a stack trace or a page of usage. Anything
 * else is a failure of ours or of the environment, never dressed up as bad input: exit 1 with the
 * stack trace.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

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
        if (ex instanceof UserInputException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return BAD_INPUT;
        }
        ex.printStackTrace(cmd.getErr());
        return FAILURE;
    }
}
