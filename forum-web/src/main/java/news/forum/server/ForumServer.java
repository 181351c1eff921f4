package news.forum.server;

import io.micronaut.runtime.Micronaut;

/** Starts the forum: the JSON API, the embeddable widget and its pages, on one port. */
public final class ForumServer {

    private ForumServer() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(ForumServer.class)
                .banner(false)
                .start();
    }
}
