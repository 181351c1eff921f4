package news.forum.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return Problems.response(exception);
    }
}
