package news.forum.server;

import news.forum.transfer.TransferCommand;

/** {@code forum import disqus|wordpress|forum FILE ...}: moving a site in (news.forum.transfer). */
final class ImportCommand implements Command {

    @Override
    public String summary() {
        return "disqus|wordpress FILE.xml [--key-from identifier|url] [--dry-run], or forum FILE.jsonl: move a site in";
    }

    @Override
    public void run(String[] args) {
        System.exit(TransferCommand.run("import", args));
    }
}
