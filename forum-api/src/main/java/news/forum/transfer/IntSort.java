package news.forum.transfer;

/** Sorts record numbers by a comparison, without boxing a million of them (a stable merge sort). */
final class IntSort {

    @FunctionalInterface
    interface Comparison {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    static void sort(int[] values, int length, Comparison comparison) {
        int[] buffer = new int[length];
        for (int width = 1; width < length; width *= 2) {
            for (int from = 0; from < length; from += 2 * width) {
                int middle = Math.min(from + width, length);
                int to = Math.min(from + 2 * width, length);
                int a = from;
                int b = middle;
                int out = from;
                while (a < middle && b < to) {
                    buffer[out++] = comparison.compare(values[a], values[b]) <= 0 ? values[a++] : values[b++];
                }
                while (a < middle) {
                    buffer[out++] = values[a++];
                }
                while (b < to) {
                    buffer[out++] = values[b++];
                }
            }
            System.arraycopy(buffer, 0, values, 0, length);
        }
    }
}
