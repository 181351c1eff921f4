package news.forum.server;

/** One thing the forum's executable does: {@code forum COMMAND ARGS...}. */
interface Command {

    /** One line for {@code forum help}. */
    String summary();

    /** Runs with the arguments after the command's name; returns only when the command is done. */
    void run(String[] args);
}
