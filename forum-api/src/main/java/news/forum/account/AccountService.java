package news.forum.account;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.audit.AuditLog;
import news.forum.security.PasswordHasher;
import news.forum.web.ProblemException;

import java.util.Optional;

@Singleton
public class AccountService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final AuditLog audit;
    private final Callers callers;

    AccountService(AccountRepository accounts, PasswordHasher hasher, TokenIssuer tokens, AuditLog audit,
                   Callers callers) {
        this.accounts = accounts;
        this.callers = callers;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Validates and hashes outside the transaction: Argon2 takes tens of milliseconds and needs no connection. */
    public Caller register(RegisterRequest request) {
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

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The username or password is wrong.");
    }
}
