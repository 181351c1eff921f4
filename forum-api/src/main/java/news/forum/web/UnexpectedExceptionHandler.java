package news.forum.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The last resort: an unavailable database is a 503 the client may retry; anything else is a 500 whose
 * detail stays in the log, never in the response.
 */
@Singleton
final class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        if (databaseUnavailable(exception)) {
            LOG.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, new Problem(Problems.typeUri("unavailable"),
                            "Service unavailable", 503, "The database cannot be reached right now; try again shortly.", null))
                    .header("Retry-After", "2");
        }
        if (unstorableText(exception)) {
            // text PostgreSQL cannot hold (NUL) that slipped past validation: the client's fault, logged to be fixed
            LOG.warn("Unstorable text for {} {}: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problems.response(HttpStatus.BAD_REQUEST, new Problem(Problems.typeUri("malformed-request"),
                    "Bad Request", 400, "The request contains characters that are not allowed (such as NUL).", null));
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), request.getPath(), exception);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, new Problem("about:blank",
                "Internal Server Error", 500, "Something went wrong on our side.", null));
    }

    private static boolean unstorableText(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            // 22021: character not in repertoire (NUL in text); 22P05: untranslatable character
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean databaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            // a pooled connection that died with the server, or a transaction that could not begin or end on one
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P0x: the server is shutting down or restarting;
                // 57014: statement timeout; 55P03: lock not available; 53: out of resources;
                // 40001/40P01: serialization failure or deadlock, safe to retry
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("57014")
                        || state.equals("55P03") || state.startsWith("53") || state.startsWith("40")) {
                    return true;
                }
            }
        }
        return false;
    }
}
