package io.volvault.app;

import java.util.function.Supplier;

/**
 * A mistake the user can fix: a bad option value, a missing or malformed input file, a chain that
 * does not match the deployment. The CLI reports it as one line and exit code 2, the HTTP servers
 * as 400. Any other exception is a failure of ours or of the environment: exit 1 (HTTP 500) with
 * its stack trace.
 *
 * <p>It extends {@link IllegalArgumentException} so that code validating a row or a request can
 * still catch both its own bad-input errors and those of the pure modules, whose value types
 * reject bad numbers with plain {@code IllegalArgumentException}.
 */
public class UserInputException extends IllegalArgumentException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs {@code check} on values the user gave (an option, a config field): the pure modules reject
     * bad values with a plain {@link IllegalArgumentException} naming the value, which here becomes
     * a user mistake with the same message.
     */
    public static <T> T checking(Supplier<T> check) {
        try {
            return check.get();
        } catch (UserInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
