package dev.podclip.support.auth;

/** The roles the services check (JWT {@code groups} claim). */
public final class Roles {

    /** Writes to the catalog and stored clips. */
    public static final String EDITOR = "editor";
    /** Operations on a service itself, such as rebuilding a read model. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
