package news.forum.client;

import news.forum.client.generated.ApiClient;
import news.forum.client.generated.ApiException;
import news.forum.client.generated.ApiResponse;
import news.forum.client.generated.api.AccountsApi;
import news.forum.client.generated.api.ArticlesApi;
import news.forum.client.generated.api.AuthenticationApi;
import news.forum.client.generated.api.CommentsApi;
import news.forum.client.generated.model.ArticleRequest;
import news.forum.client.generated.model.ArticleView;
import news.forum.client.generated.model.CommentPage;
import news.forum.client.generated.model.CommentView;
import news.forum.client.generated.model.LoginRequest;
import news.forum.client.generated.model.PostCommentRequest;
import news.forum.client.generated.model.Problem;
import news.forum.client.generated.model.RegisterRequest;
import news.forum.client.generated.model.TokenResponse;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the OpenAPI document (openapi-generator's Java client, java.net.http; forum-web/pom.xml)
 * against the real server: a reader's journey, a refusal read as a problem, and the proof that the document the
 * server serves is the file the client was generated from (and the one .ci/run lints).
 */
class GeneratedClientTest extends ApiTestBase {

    @Test
    void aReaderRegistersCommentsAndSeesTheReplyUnderIt() throws Exception {
        ApiClient anonymous = client(null);
        TokenResponse admin = new AuthenticationApi(anonymous)
                .login(new LoginRequest().username(Api.ADMIN).password(Api.ADMIN_PASSWORD));
        String key = Api.uniqueName("generated-client-");
        ApiResponse<ArticleView> article = new ArticlesApi(client(admin.getAccessToken())).saveArticleWithHttpInfo(key,
                new ArticleRequest().title("Ceasefire talks resume").url("https://news.example/" + key));
        assertThat(article.getStatusCode()).isEqualTo(201);
        String thread = article.getData().getThread().getId();

        TokenResponse asma = registerAndLogIn(anonymous, Api.uniqueName("asma"));
        TokenResponse bilal = registerAndLogIn(anonymous, Api.uniqueName("bilal"));
        ApiResponse<CommentView> comment = new CommentsApi(client(asma.getAccessToken())).postCommentWithHttpInfo(
                thread, new PostCommentRequest().body("Talks are only worth it if both sides turn up."), null);
        assertThat(comment.getStatusCode()).isEqualTo(201);
        assertThat(header(comment, "Location")).isEqualTo("/api/v1/comments/" + comment.getData().getId());
        ApiResponse<CommentView> reply = new CommentsApi(client(bilal.getAccessToken())).postCommentWithHttpInfo(thread,
                new PostCommentRequest().body("Both did, **this time**.").parentId(comment.getData().getId()), null);
        assertThat(reply.getStatusCode()).isEqualTo(201);

        CommentPage page = new CommentsApi(anonymous).listComments(thread, "oldest", 50, null);
        assertThat(page.getThread().getTitle()).isEqualTo("Ceasefire talks resume");
        assertThat(page.getComments()).extracting(CommentView::getId)
                .containsExactly(comment.getData().getId(), reply.getData().getId());
        CommentView shownReply = page.getComments().get(1);
        assertThat(shownReply.getParentId()).isEqualTo(comment.getData().getId());
        assertThat(shownReply.getDepth()).isEqualTo(1);
        assertThat(shownReply.getAuthor().getUsername()).isEqualTo(bilal.getAccount().getUsername());
        assertThat(shownReply.getBodyHtml()).contains("<strong>this time</strong>");
        assertThat(shownReply.getStatus()).isEqualTo(CommentView.StatusEnum.PUBLISHED);
        assertThat(page.getComments().get(0).getAuthor().getUsername()).isEqualTo(asma.getAccount().getUsername());
    }

    @Test
    void aRefusalIsAProblemTheClientReads() throws Exception {
        TokenResponse reader = registerAndLogIn(client(null), Api.uniqueName("reader"));
        String thread = api.newThread();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new CommentsApi(client(reader.getAccessToken()))
                .postComment(thread, new PostCommentRequest().body("A reply to nothing").parentId("nothing-here"), null));

        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client(null).getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).isEqualTo("/problems/parent-not-found");
        assertThat(problem.getDetail()).isEqualTo("The comment you reply to does not exist in this thread.");
    }

    @Test
    void theServedDocumentIsTheFileTheClientWasGeneratedFrom() throws Exception {
        Path generatedFrom = Path.of(System.getProperty("forum.openapi.document"));
        Response served = api.send(c -> c.openApi());
        served.expectStatus(200);
        assertThat(served.body()).isEqualTo(Files.readString(generatedFrom));
    }

    private TokenResponse registerAndLogIn(ApiClient anonymous, String username) throws ApiException {
        ApiResponse<?> registered = new AccountsApi(anonymous).registerAccountWithHttpInfo(
                new RegisterRequest().username(username).password(Api.PASSWORD));
        assertThat(registered.getStatusCode()).isEqualTo(201);
        return new AuthenticationApi(anonymous).login(new LoginRequest().username(username).password(Api.PASSWORD));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream()).findFirst().orElse(null);
    }

    /** A client of this server, sending the access token when there is one. */
    private ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }
}
