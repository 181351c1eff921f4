package news.forum.transfer;

/** A file that is not what its format says: where (line and column) and what was expected there. */
final class MalformedFile extends RuntimeException {

    private final int line;
    private final int column;

    MalformedFile(int line, int column, String expected) {
        super(expected);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    String describe() {
        return "line " + line + ", column " + column + ": " + getMessage();
    }
}
