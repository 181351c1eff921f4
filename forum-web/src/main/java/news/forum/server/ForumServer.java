package news.forum.server;

import io.micronaut.runtime.Micronaut;
import news.forum.transfer.TransferCommand;

import java.util.Arrays;

/**
 * Starts the forum: the JSON API, the embeddable widget and its pages, on one port. A first argument names a
 * command instead (each in its own class): {@code import} and {@code export} move a site in and out; none, or
 * {@code serve}, runs the server.
 */
public final class ForumServer {

    private ForumServer() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && TransferCommand.handles(args[0])) {
            System.exit(TransferCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("serve")) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        Micronaut.build(args)
                .mainClass(ForumServer.class)
                .banner(false)
                .start();
    }
}
