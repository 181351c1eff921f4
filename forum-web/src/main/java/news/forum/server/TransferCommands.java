package news.forum.server;

import news.forum.transfer.TransferCommand;

/** {@code forum import ...} and {@code forum export ...}: moving a site in and out (news.forum.transfer). */
final class TransferCommands implements Command {

    private final String name;
    private final String summary;

    TransferCommands(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public void run(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        System.exit(TransferCommand.run(all));
    }
}
