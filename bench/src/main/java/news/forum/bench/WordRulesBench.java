package news.forum.bench;

import news.forum.moderation.TextFolding;
import news.forum.moderation.WordMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Workload 7, in a JVM of its own with default settings (as the server runs): checking a 10,000-character comment
 * against 10,000 word rules with the server's own matcher, in microseconds, beside baselines measured in the same
 * run on the same text: a plain scan (one pass reading every character, which no check can beat) and folding alone
 * (the Unicode normalisation every check starts with). Each figure is taken after a warm-up, as the median of many
 * timed batches. A naive check (one search of the folded text per rule) shows what the single pass saves. Prints
 * {@code name=value} lines for bench/run.
 */
public final class WordRulesBench {

    static final int RULES = 10_000;
    static final int TEXT_LENGTH = 10_000;

    /** Keeps results alive so the JIT cannot drop the work that produced them. */
    static volatile long sink;

    public static void main(String[] args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        double warmSeconds = smoke ? 0.3 : 3;
        int batches = smoke ? 15 : 60;
        Random random = new Random(20_240_507L);

        List<WordMatcher.Rule> rules = new ArrayList<>();
        Set<String> ruleWords = new HashSet<>();
        while (rules.size() < RULES) {
            String word = word(random, true);
            if (ruleWords.add(TextFolding.fold(word))) {
                rules.add(new WordMatcher.Rule(word, random.nextInt(4) == 0 ? WordMatcher.Kind.HOLD : WordMatcher.Kind.REJECT));
            }
        }
        String text = text(random, ruleWords);

        double[] compileMs = new double[smoke ? 2 : 5];
        WordMatcher matcher = null;
        for (int i = 0; i < compileMs.length; i++) {
            long t0 = System.nanoTime();
            matcher = WordMatcher.compile(rules);
            compileMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        WordMatcher compiled = matcher;
        String planted = text.substring(0, TEXT_LENGTH - 200) + " " + rules.get(RULES / 2).word().toUpperCase() + " "
                + text.substring(TEXT_LENGTH - 198);
        boolean correct = compiled.find(text).isEmpty()
                && compiled.find(planted).map(r -> r.equals(rules.get(RULES / 2))).orElse(false);

        double scanUs = measure(() -> plainScan(text), warmSeconds, batches);
        double foldUs = measure(() -> TextFolding.fold(text).length(), warmSeconds, batches);
        double checkUs = measure(() -> compiled.find(text).isPresent() ? 1 : 0, warmSeconds, batches);
        double plantedUs = measure(() -> compiled.find(planted).isPresent() ? 1 : 0, warmSeconds / 3, batches / 3);
        String folded = TextFolding.fold(text);
        List<String> foldedRules = new ArrayList<>(ruleWords);
        double naiveUs = measure(() -> naive(folded, foldedRules), warmSeconds / 3, Math.max(5, batches / 6));

        print("rules", RULES);
        print("text_characters", text.length());
        print("correct", correct ? 1 : 0);
        print("compile_ms", median(compileMs));
        print("check_us", checkUs);
        print("check_with_a_hit_us", plantedUs);
        print("fold_only_us", foldUs);
        print("plain_scan_us", scanUs);
        print("check_vs_plain_scan", checkUs / scanUs);
        print("naive_one_search_per_rule_us", naiveUs);
        print("heap_mib_after", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
    }

    /** One pass reading every code point: the least any check of the text can do. */
    private static long plainScan(String text) {
        long letters = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters;
    }

    private static long naive(String folded, List<String> rules) {
        long found = 0;
        for (String rule : rules) {
            if (folded.contains(rule)) {
                found++;
            }
        }
        return found;
    }

    /** Median microseconds per call: warm up, then time batches sized to last about 10 ms each. */
    private static double measure(java.util.function.LongSupplier work, double warmSeconds, int batches) {
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        long calls = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() < warmEnd) {
            sink += work.getAsLong();
            calls++;
        }
        double perCallNs = (System.nanoTime() - t0) / (double) Math.max(1, calls);
        int batch = (int) Math.max(1, Math.min(1_000_000, 10e6 / perCallNs));
        double[] perCallUs = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink += work.getAsLong();
            }
            perCallUs[b] = (System.nanoTime() - start) / 1e3 / batch;
        }
        return median(perCallUs);
    }

    /** Words of 3 to 10 letters; rules get accents and capitals now and then, as administrators write them. */
    private static String word(Random random, boolean rule) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String accented = "éèêáàäöüñçø";
        StringBuilder word = new StringBuilder();
        int length = (rule ? 4 : 3) + random.nextInt(rule ? 7 : 8);
        for (int i = 0; i < length; i++) {
            boolean accent = random.nextInt(rule ? 12 : 30) == 0;
            word.append(accent ? accented.charAt(random.nextInt(accented.length())) : letters.charAt(random.nextInt(26)));
        }
        if (random.nextInt(5) == 0) {
            word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        }
        return word.toString();
    }

    /** A comment of exactly TEXT_LENGTH characters of words, punctuation and line breaks, breaking no rule. */
    private static String text(Random random, Set<String> ruleWords) {
        StringBuilder text = new StringBuilder();
        while (text.length() < TEXT_LENGTH) {
            String word = word(random, false);
            if (ruleWords.contains(TextFolding.fold(word))) {
                continue;
            }
            text.append(word);
            int gap = random.nextInt(20);
            text.append(gap == 0 ? ". " : gap == 1 ? ", " : gap == 2 ? "\n\n" : " ");
        }
        text.setLength(TEXT_LENGTH);
        return text.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void print(String name, double value) {
        System.out.println(name + "=" + value);
    }
}
