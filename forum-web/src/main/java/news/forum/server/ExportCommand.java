package news.forum.server;

import news.forum.transfer.TransferCommand;

/** {@code forum export FILE.jsonl}: the whole site out as JSON Lines (news.forum.transfer). */
final class ExportCommand implements Command {

    @Override
    public String summary() {
        return "FILE.jsonl: the whole site as JSON Lines, for import forum";
    }

    @Override
    public void run(String[] args) {
        System.exit(TransferCommand.run("export", args));
    }
}
