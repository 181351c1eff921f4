package news.forum.throttle;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.throttle.TokenBuckets.Budget;
import news.forum.web.ClientAddresses;
import news.forum.web.ProblemException;

/**
 * How often one account, and one client address, may post comments and flag them (and an address preview them): each its own token bucket,
 * shared by every instance. Spent before the request's transaction opens (a bucket takes a pooled connection of
 * its own, so spending inside the transaction would hold two per request). Every attempt counts, refused or not;
 * the address's budget is larger, since readers behind one NAT share it. Over either, 429 with Retry-After, and
 * nobody else's budget moves.
 */
@Singleton
public class WriteBudgets {

    private final TokenBuckets buckets;
    private final ClientAddresses clientAddresses;
    private final Budget postsPerAccount;
    private final Budget postsPerAddress;
    private final Budget flagsPerAccount;
    private final Budget flagsPerAddress;
    private final Budget previewsPerAddress;

    WriteBudgets(TokenBuckets buckets, ClientAddresses clientAddresses,
                 @Value("${forum.throttle.posting.per-account:10}") long postsPerAccount,
                 @Value("${forum.throttle.posting.per-address:60}") long postsPerAddress,
                 @Value("${forum.throttle.posting.period:1m}") java.time.Duration postingPeriod,
                 @Value("${forum.throttle.flagging.per-account:30}") long flagsPerAccount,
                 @Value("${forum.throttle.flagging.per-address:100}") long flagsPerAddress,
                 @Value("${forum.throttle.flagging.period:10m}") java.time.Duration flaggingPeriod,
                 @Value("${forum.throttle.preview.per-address:120}") long previewsPerAddress,
                 @Value("${forum.throttle.preview.period:1m}") java.time.Duration previewPeriod) {
        this.buckets = buckets;
        this.clientAddresses = clientAddresses;
        this.postsPerAccount = new Budget("post-account", postsPerAccount, postingPeriod);
        this.postsPerAddress = new Budget("post-address", postsPerAddress, postingPeriod);
        this.flagsPerAccount = new Budget("flag-account", flagsPerAccount, flaggingPeriod);
        this.flagsPerAddress = new Budget("flag-address", flagsPerAddress, flaggingPeriod);
        this.previewsPerAddress = new Budget("preview-address", previewsPerAddress, previewPeriod);
    }

    /** Spends one post of the signed-in account's and its address's budgets, or refuses with 429. */
    public void spendPost(Authentication authentication, HttpRequest<?> request) {
        spend(postsPerAccount, postsPerAddress, authentication, request, "too-many-comments", "Too many comments",
                "You have posted too many comments in a short time; try again later.",
                "Too many comments came from your network address in a short time; try again later.");
    }

    /** Spends one flag of the signed-in account's and its address's budgets, or refuses with 429. */
    public void spendFlag(Authentication authentication, HttpRequest<?> request) {
        spend(flagsPerAccount, flagsPerAddress, authentication, request, "too-many-flags", "Too many flags",
                "You have flagged too many comments in a short time; try again later.",
                "Too many flags came from your network address in a short time; try again later.");
    }

    /**
     * Spends one preview of the client address's budget, or refuses with 429: a preview costs the server a render
     * and writes nothing, so one address must not be able to keep it rendering for everyone else.
     */
    public void spendPreview(HttpRequest<?> request) {
        ConsumptionProbe probe = buckets.bucket(previewsPerAddress, TokenBuckets.subject(clientAddresses.of(request)))
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests("too-many-previews", "Too many previews",
                    "Too many previews came from your network address in a short time; try again later.",
                    TokenBuckets.retryAfter(probe));
        }
    }

    private void spend(Budget perAccount, Budget perAddress, Authentication authentication, HttpRequest<?> request,
                       String type, String title, String accountDetail, String addressDetail) {
        // the token's subject names the account; whether it still exists is the transaction's business
        BucketProxy account = buckets.bucket(perAccount, authentication.getName());
        ConsumptionProbe accountProbe = account.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            throw ProblemException.tooManyRequests(type, title, accountDetail, TokenBuckets.retryAfter(accountProbe));
        }
        String address = TokenBuckets.subject(clientAddresses.of(request));
        ConsumptionProbe addressProbe = buckets.bucket(perAddress, address).tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            account.addTokens(1);
            throw ProblemException.tooManyRequests(type, title, addressDetail, TokenBuckets.retryAfter(addressProbe));
        }
    }
}
