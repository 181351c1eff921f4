package news.forum.server;

import io.micronaut.runtime.Micronaut;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code forum serve [--demo] [--NAME=VALUE...]}: the server. {@code --demo} (or FORUM_DEMO=true) adds the demo accounts,
 * thread and pages; without it the forum holds only what its operator and readers put in. {@code --NAME=VALUE} sets a
 * configuration property for this run (above the environment), e.g. {@code --micronaut.server.port=9000}.
 */
final class ServeCommand implements Command {

    @Override
    public String summary() {
        return "run the server (the default); --demo adds demo accounts, a demo thread and demo pages";
    }

    @Override
    public void run(String[] args) {
        List<String> properties = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--demo")) {
                properties.add("--forum.demo=true");
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                properties.add(arg);
            } else {
                ForumServer.usage("forum serve: unknown option '" + arg + "'");
                return;
            }
        }
        Micronaut.build(properties.toArray(String[]::new))
                .mainClass(ForumServer.class)
                .banner(false)
                .start();
    }
}
