package news.forum.support;

import news.forum.account.AccountOperations;
import news.forum.account.AuthOperations;
import news.forum.article.ArticleOperations;
import news.forum.comment.CommentOperations;
import news.forum.embed.EmbedOperations;
import news.forum.live.ThreadEventOperations;
import news.forum.moderation.BanOperations;
import news.forum.moderation.FlagOperations;
import news.forum.moderation.ModerationOperations;
import news.forum.moderation.ReviewOperations;
import news.forum.moderation.WordRuleOperations;
import news.forum.privacy.PrivacyOperations;
import news.forum.sso.SsoOperations;
import news.forum.thread.ThreadOperations;
import news.forum.version.VersionOperations;
import news.forum.web.OpenApiOperations;

/**
 * The whole API as one typed client: every route is a method of the *Operations interface its controller implements,
 * so a route, its parameters and its types are written once, in the interface, and the tests call them as a client
 * would. {@link Api} makes one, signed in or not, and sends any call raw when a test wants the status and headers.
 */
public interface ForumClient extends AccountOperations, AuthOperations, ArticleOperations, ThreadOperations,
        CommentOperations, ThreadEventOperations, EmbedOperations, ReviewOperations, FlagOperations, BanOperations,
        ModerationOperations, WordRuleOperations, OpenApiOperations, VersionOperations,
        PrivacyOperations, SsoOperations {
}
