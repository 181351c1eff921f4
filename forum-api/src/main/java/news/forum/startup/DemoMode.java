package news.forum.startup;

/**
 * Demo mode: the demo accounts, the demo thread and the demo pages exist only when it is asked for, with {@code --demo}
 * ({@code forum serve --demo}) or FORUM_DEMO=true; every other start keeps the forum to what its operator and readers put in.
 */
public final class DemoMode {

    /** The setting; {@code true} turns it on, anything else leaves it off. */
    public static final String PROPERTY = "forum.demo";

    private DemoMode() {
    }
}
