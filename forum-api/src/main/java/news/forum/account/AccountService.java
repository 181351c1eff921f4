package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.audit.AuditLog;
import news.forum.security.PasswordHasher;
import news.forum.web.ProblemException;


import java.net.InetAddress;
import java.util.Optional;

@Singleton
public class AccountService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final AuditLog audit;
    private final Callers callers;
    private final LocalAccounts localAccounts;
    private final AccountThrottle throttle;

    AccountService(AccountRepository accounts, PasswordHasher hasher, TokenIssuer tokens, AuditLog audit,
                   Callers callers, LocalAccounts localAccounts, AccountThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.localAccounts = localAccounts;
        this.callers = callers;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Validates and hashes outside the transaction: Argon2 takes tens of milliseconds and needs no connection. */
    public Caller register(RegisterRequest request) {
        if (!localAccounts.enabled()) {
            throw localAccountsOff("Registration is closed here: readers sign in with their account at the publisher's site.");
        }
        Optional<Caller> created = create(request.username(), request.password(), request.displayName(), Role.USER);
        if (created.isPresent()) {
            return created.get();
        }
        if (findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("username-taken", "Username taken",
                    "The username is already taken (names are compared ignoring case and width).");
        }
        String name = UsernameRules.normalize(request.username());
        String shownName = shownName(name, request.displayName(), Role.USER);
        if (!shownName.equals(name) && displayNameLooksTaken(nameKeys(name, shownName))) {
            throw ProblemException.unprocessable("display-name-taken", "Display name taken",
                    "The display name is, or looks like, another account's display name or username.");
        }
        throw ProblemException.conflict("username-confusable", "Username too similar",
                "The username looks like one that is already taken (letters of other scripts or shapes that read alike).");
    }

    /** Empty when the name, or a name that looks like it, is taken. */
    public Optional<Caller> create(String username, String password, String displayName, Role role) {
        String name = UsernameRules.normalize(username);
        PasswordPolicy.check(password, name);
        String shownName = shownName(name, displayName, role);
        return insert(name, UsernameRules.key(name), UsernameRules.skeleton(name), shownName, nameKeys(name, shownName),
                hasher.hash(password), role);
    }

    /**
     * None given, or only plain spaces: the username; either passes the display name's rules (so no reader is shown
     * as "Moderator" by choosing it as a username instead).
     */
    private static String shownName(String username, String displayName, Role role) {
        return DisplayNameRules.normalize(displayName == null || displayName.chars().allMatch(c -> c == ' ')
                ? username : displayName, role);
    }

    private static AccountRepository.NameKeys nameKeys(String username, String displayName) {
        return new AccountRepository.NameKeys(DisplayNameRules.key(displayName),
                DisplayNameRules.usernameLookAlikes(displayName), DisplayNameRules.key(username));
    }

    @Transactional
    protected Optional<Caller> insert(String name, String key, String skeleton, String displayName,
                                      AccountRepository.NameKeys displayKeys, String hash, Role role) {
        return accounts.insert(name, key, skeleton, displayName, displayKeys, hash, role);
    }

    @ReadOnly
    protected boolean displayNameLooksTaken(AccountRepository.NameKeys keys) {
        return accounts.displayNameLooksTaken(keys);
    }

    /**
     * The password is checked between two short database steps, never inside a transaction: a hash takes tens of
     * milliseconds, and a flood of logins must not hold pooled connections meanwhile (the hasher bounds how many
     * run at once, see {@link PasswordHasher}).
     */
    public TokenResponse login(LoginRequest request) {
        Optional<AccountRepository.StoredAccount> stored = findForLogin(UsernameRules.key(request.username()));
        if (stored.isEmpty()) {
            hasher.spendTimeOfOneCheck(request.password());
            throw wrongCredentials();
        }
        if (!hasher.matches(request.password(), stored.get().passwordHash())) {
            throw wrongCredentials();
        }
        if (!localAccounts.enabled() && !stored.get().caller().role().moderates()) {
            throw localAccountsOff("Readers sign in here with their account at the publisher's site, not with a password.");
        }
        return issueTokens(stored.get().caller().id());
    }

    @ReadOnly
    protected Optional<AccountRepository.StoredAccount> findForLogin(String usernameKey) {
        return accounts.findForLogin(usernameKey);
    }

    /** The account as it is now (it may have changed while its password was checked). */
    @Transactional
    protected TokenResponse issueTokens(long accountId) {
        Caller caller = accounts.findCaller(accountId).orElseThrow(AccountService::wrongCredentials);
        return tokens.issueWithRefresh(caller);
    }

    /**
     * A refresh token is good once: it is exchanged for a new access token and a new refresh token of its family.
     * Presenting one that was already exchanged means two parties hold it, one of them a thief: the whole family is
     * revoked (committed, then 401), so whoever holds its newest token must sign in again too.
     */
    public TokenResponse refresh(RefreshRequest request) {
        return rotate(TokenIssuer.hash(request.refreshToken()))
                .orElseThrow(() -> ProblemException.unauthorized("The refresh token is unknown, expired or revoked."));
    }

    @Transactional
    protected Optional<TokenResponse> rotate(byte[] tokenHash) {
        Optional<AccountRepository.PresentedRefreshToken> presented = accounts.lockRefreshToken(tokenHash);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        AccountRepository.PresentedRefreshToken token = presented.get();
        if (token.rotated()) {
            if (accounts.revokeRefreshFamily(token.family()) > 0) {
                LOG.warn("A replaced refresh token of account {} was presented again: its sessions are revoked",
                        token.accountId());
            }
            return Optional.empty();
        }
        if (!token.live()) {
            return Optional.empty();
        }
        Optional<Caller> caller = accounts.findCaller(token.accountId());
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        accounts.markRotated(token.id());
        return Optional.of(tokens.issueWithRefresh(caller.get(), token.family()));
    }

    /** Ends the session: the presented token and every other of its family. */
    @Transactional
    public void logout(RefreshRequest request) {
        accounts.revokeRefreshFamilyOf(TokenIssuer.hash(request.refreshToken()));
    }

    /**
     * The last ADMIN keeps the role (409): with none left nobody could appoint moderators or change word rules. A
     * demotion locks every ADMIN row first and reads the caller's own role again under that lock, so of two
     * administrators demoting each other at once the second sees the first one's change (403 or 409), and one stays.
     */
    @Transactional
    public Caller changeRole(Authentication authentication, String username, Role role) {
        Caller admin = requireAdmin(authentication);
        String key = UsernameRules.key(username);
        if (role != Role.ADMIN) {
            int admins = accounts.lockAdmins();
            admin = requireAdmin(authentication);
            Caller target = accounts.findCallerByKey(key).orElseThrow(() -> ProblemException.notFound("The account"));
            if (target.role() == Role.ADMIN && admins <= 1) {
                throw ProblemException.conflict("last-admin", "The last administrator",
                        "This is the only administrator: appoint another before changing this account's role.");
            }
        }
        Caller changed = accounts.updateRole(key, role)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        audit.record(admin.id(), "account.role." + role.name().toLowerCase(java.util.Locale.ROOT), "account", changed.id(), null);
        return changed;
    }

    private Caller requireAdmin(Authentication authentication) {
        Caller admin = callers.require(authentication);
        if (admin.role() != Role.ADMIN) {
            throw ProblemException.forbidden("Only administrators may change roles.");
        }
        return admin;
    }

    /**
     * The recovery of the configured administrator at start (FORUM_ADMIN_USERNAME with FORUM_ADMIN_PASSWORD): an
     * existing account of that name becomes an ADMIN again, audited as an action of the forum itself, when the
     * password is its own; one whose password differs is somebody else's and stays as it is. Returns whether the
     * role changed; 429 should the hashing be busy (it is not, at start).
     */
    public boolean restoreAdmin(String username, String password) {
        Optional<AccountRepository.StoredAccount> stored = findForLogin(UsernameRules.key(username));
        if (stored.isEmpty() || stored.get().caller().role() == Role.ADMIN
                || !hasher.matches(password, stored.get().passwordHash())) {
            return false;
        }
        return promoteToAdmin(stored.get().caller().id());
    }

    @Transactional
    protected boolean promoteToAdmin(long accountId) {
        boolean changed = accounts.promoteToAdmin(accountId);
        if (changed) {
            audit.recordAutomatic("account.role.admin", "account", accountId,
                    "FORUM_ADMIN_USERNAME and FORUM_ADMIN_PASSWORD at start");
        }
        return changed;
    }

    @ReadOnly
    public Caller me(Authentication authentication) {
        return callers.requireSignedIn(authentication);
    }

    @ReadOnly
    public Optional<Caller> findByUsername(String username) {
        return accounts.findCallerByKey(UsernameRules.key(username));
    }

    // ---- the owner's own account

    /**
     * A new password for a local account: the current one must match (checked outside any transaction, as a login is),
     * the new one follows the password rules. Every session's refresh token is revoked, this one's included, and the
     * caller gets a fresh pair: whoever else held a session must sign in again.
     */
    public TokenResponse changePassword(Authentication authentication, PasswordChangeRequest request,
                                        InetAddress client) {
        Caller caller = requireOwnPassword(authentication);
        String hash = throttle.confirmation(client, UsernameRules.key(caller.username()),
                () -> checkPassword(caller, request.current()));
        PasswordPolicy.check(request.newPassword(), caller.username());
        return replacePassword(caller.id(), hash, hasher.hash(request.newPassword()));
    }

    @Transactional
    protected TokenResponse replacePassword(long accountId, String checkedHash, String newHash) {
        if (!accounts.updatePassword(accountId, checkedHash, newHash)) {
            throw ProblemException.conflict("password-changed", "Password changed meanwhile",
                    "The password was changed by another request at the same time; sign in again.");
        }
        accounts.revokeRefreshTokens(accountId);
        audit.record(accountId, "account.password", "account", accountId, null);
        return tokens.issueWithRefresh(accounts.findCaller(accountId).orElseThrow());
    }

    /**
     * The display name's rules as at registration (none given: the username); a name that is, or looks like, another
     * account's display name or username is a 422, also when a look-alike was committed at the same moment.
     */
    @Transactional
    public Caller changeDisplayName(Authentication authentication, ProfileRequest request) {
        Caller caller = callers.require(authentication);
        if (caller.signIn() == SignIn.SSO) {
            throw ProblemException.conflict("name-from-publisher", "Name kept by the publisher",
                    "Your display name comes from your account at the publisher's site; change it there.");
        }
        String shownName = shownName(caller.username(), request.displayName(), caller.role());
        AccountRepository.NameKeys keys = nameKeys(caller.username(), shownName);
        Optional<Caller> changed = accounts.updateDisplayName(caller.id(), shownName, keys);
        if (changed.isPresent()) {
            return changed.get();
        }
        if (accounts.displayNameLooksTakenByOther(caller.id(), keys)) {
            throw displayNameTaken();
        }
        throw ProblemException.unauthorized("Sign in again: this token does not belong to an existing account.");
    }

    private static ProblemException displayNameTaken() {
        return ProblemException.unprocessable("display-name-taken", "Display name taken",
                "The display name is, or looks like, another account's display name or username.");
    }

    /**
     * The signed-in account, confirmed for its deletion: a local account by its password (checked outside any
     * transaction), one signed in by the publisher by its token alone. Banned accounts may leave too.
     */
    public Caller confirmDeletion(Authentication authentication, @Nullable String password, InetAddress client) {
        Caller caller = readOnlyCaller(authentication);
        if (caller.signIn() == SignIn.PASSWORD) {
            if (password == null || password.isEmpty()) {
                throw ProblemException.invalidField("password", "is required to delete an account that has one");
            }
            throttle.confirmation(client, UsernameRules.key(caller.username()),
                    () -> checkPassword(caller, password));
        }
        return caller;
    }

    /** Wrong passwords get 401 here, which the login budgets count; callers turn it into a 403. */
    private String checkPassword(Caller caller, String password) {
        String hash = storedHash(caller.id()).orElseThrow(AccountService::wrongCredentials);
        if (password.length() > 4 * PasswordPolicy.MAXIMUM_LENGTH || !hasher.matches(password, hash)) {
            throw wrongCredentials();
        }
        return hash;
    }

    @ReadOnly
    protected Optional<String> storedHash(long accountId) {
        return accounts.passwordHash(accountId);
    }

    @ReadOnly
    protected Caller readOnlyCaller(Authentication authentication) {
        return callers.requireSignedIn(authentication);
    }

    private Caller requireOwnPassword(Authentication authentication) {
        Caller caller = readOnlyCaller(authentication);
        if (caller.signIn() != SignIn.PASSWORD) {
            throw ProblemException.conflict("no-password", "No password here",
                    "This account signs in through the publisher's site and has no password here; change it there.");
        }
        return caller;
    }

    // ---- readers the publisher signs in

    /**
     * Signs in the publisher's reader, inside the caller's transaction: found by issuer and subject, else created
     * under a free username made from the wished-for one. The display name follows the token at every sign-in (when
     * it follows the display-name rules), the e-mail too when the token has one. The role is never taken from the
     * token, and a ban stays as it is.
     */
    public TokenResponse signInExternal(ExternalIdentity identity) {
        Optional<Caller> known = accounts.lockBySso(identity.issuer(), identity.subject());
        Caller caller = known.map(existing -> {
                    // a look-alike taken at this moment keeps the name shown so far (never a 500)
                    publisherName(identity.name(), existing.id()).ifPresent(followed -> accounts.updateDisplayName(
                            existing.id(), followed, displayNameKeys(followed)));
                    return accounts.updateSsoEmail(existing.id(), identity.email());
                })
                .orElseGet(() -> createExternal(identity));
        return tokens.issueWithRefresh(caller);
    }

    private Caller createExternal(ExternalIdentity identity) {
        for (String candidate : SsoUsernames.candidates(identity.username(), identity.name())) {
            String name;
            try {
                name = UsernameRules.normalize(candidate);
            } catch (ProblemException e) {
                // a suffix of ASCII digits after digits of another system: the next candidate has random ones
                continue;
            }
            String shownName = publisherName(identity.name(), 0).orElse(name);
            Optional<Caller> created = accounts.insertSso(name, UsernameRules.key(name), UsernameRules.skeleton(name),
                    shownName, nameKeys(name, shownName), identity.issuer(), identity.subject(), identity.email());
            if (created.isPresent()) {
                return created.get();
            }
            // the same reader's first sign-in in another request, committed meanwhile
            Optional<Caller> concurrent = accounts.lockBySso(identity.issuer(), identity.subject());
            if (concurrent.isPresent()) {
                return concurrent.get();
            }
        }
        throw ProblemException.conflict("username-unavailable", "No username available",
                "No free username could be made for this reader; try another username in the token.");
    }

    /**
     * The token's name when the display-name rules take it (a reader's rules: no staff names) and it passes for no
     * other account's name than this one's (0: a new account); else empty, and the name kept is shown.
     */
    private Optional<String> publisherName(@Nullable String name, long accountId) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String shown;
        try {
            shown = DisplayNameRules.normalize(name, Role.USER);
        } catch (ProblemException e) {
            return Optional.empty();
        }
        return accounts.displayNameLooksTakenByOther(accountId, displayNameKeys(shown)) ? Optional.empty() : Optional.of(shown);
    }

    private static AccountRepository.NameKeys displayNameKeys(String shown) {
        return new AccountRepository.NameKeys(DisplayNameRules.key(shown),
                DisplayNameRules.usernameLookAlikes(shown), DisplayNameRules.key(shown));
    }

    private static ProblemException localAccountsOff(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "local-accounts-off", "Sign in at the publisher's site", detail);
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The username or password is wrong.");
    }
}
