package org.pfptracker.launcher;

/** Something the user can fix (a port in use, a registry that refuses a schema): printed as one line. */
public final class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
