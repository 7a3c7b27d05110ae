package dev.winnow.serve;

/** A request whose parameters Winnow cannot use; the message says which and what was expected. */
final class QueryException extends Exception {
    QueryException(String message) {
        super(message);
    }
}
