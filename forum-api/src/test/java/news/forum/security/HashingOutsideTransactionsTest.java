package news.forum.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every password hash (registration, login, a password change, the password confirming a deletion) runs with no
 * transaction open and no pooled connection held: a hash takes tens of milliseconds, and a flood of them must not
 * hold the pool. The real hasher does the work; this one only notes, at each hash, what the thread holds.
 */
@Property(name = "spec.name", value = "HashingOutsideTransactionsTest")
class HashingOutsideTransactionsTest extends ApiTestBase {

    private WatchedHasher hasher() {
        return bean(WatchedHasher.class);
    }

    @Test
    void noPasswordIsHashedInsideATransactionOrWithAConnectionHeld() {
        hasher().seen.clear();
        Api.Session reader = api.newUser();
        Api.Session again = api.login(reader.username(), Api.PASSWORD);
        api.call(c -> c.changePassword(null)).token(again.token()).body(Map.of("current", Api.PASSWORD, "new", "another long passphrase 43")).send()
                .expectStatus(200);
        api.call(c -> c.deleteAccount(null)).token(again.token()).body(api.toJson(Map.of("password", "wrong passphrase of some length"))).send().expectStatus(403);
        String token = api.login(reader.username(), "another long passphrase 43").token();
        api.call(c -> c.deleteAccount(null)).token(token).body(api.toJson(Map.of("password", "another long passphrase 43"))).send().expectStatus(204);

        // register, login, change (check and new hash), wrong confirmation, login, confirmation
        assertThat(hasher().seen).as("hashes seen").hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(held -> assertThat(held).isEqualTo("nothing held"));
    }

    @Singleton
    @Replaces(PasswordHasher.class)
    @Requires(property = "spec.name", value = "HashingOutsideTransactionsTest")
    static class WatchedHasher extends PasswordHasher {

        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        private final TransactionOperations<Connection> transactions;
        private final ConnectionOperations<Connection> connections;

        WatchedHasher(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
            super(16);
            this.transactions = transactions;
            this.connections = connections;
        }

        private void note() {
            boolean inTransaction = transactions.findTransactionStatus().isPresent();
            boolean connection = connections.findConnectionStatus().isPresent();
            seen.add(inTransaction || connection
                    ? "transaction " + inTransaction + ", connection " + connection + " at "
                    + List.of(Thread.currentThread().getStackTrace()).subList(2, 8)
                    : "nothing held");
        }

        @Override
        public String hash(String password) {
            note();
            return super.hash(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            note();
            return super.matches(password, hash);
        }

        @Override
        public void spendTimeOfOneCheck(String password) {
            note();
            super.spendTimeOfOneCheck(password);
        }
    }
}
