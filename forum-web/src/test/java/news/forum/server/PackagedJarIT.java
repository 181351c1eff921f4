package news.forum.server;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar carries the embedded PostgreSQL for each machine README's first command may run on, under the names
 * zonky's resolver looks for ({@code postgres-<system>-<architecture>.txz}), each a PostgreSQL built for that machine
 * (the macOS ones are universal binaries: each holds the processor of its name).
 */
class PackagedJarIT {

    /** The processors a Mach-O file runs on: one for a thin 64-bit file, each of a universal ("fat") one's. */
    private static List<Long> macArchitectures(byte[] header) {
        ByteBuffer bigEndian = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        if (Integer.toUnsignedLong(bigEndian.getInt(0)) == 0xCAFEBABEL) {
            int count = bigEndian.getInt(4);
            assertThat(count).as("architectures in a universal binary").isBetween(1, 2);
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> Integer.toUnsignedLong(bigEndian.getInt(8 + 20 * i))).toList();
        }
        ByteBuffer littleEndian = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Integer.toUnsignedLong(littleEndian.getInt(0))).as("64-bit Mach-O magic").isEqualTo(0xFEEDFACFL);
        return List.of(Integer.toUnsignedLong(littleEndian.getInt(4)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // entry, executable format, its machine field (ELF e_machine, Mach-O cputype)
            "postgres-linux-x86_64.txz, ELF, 62",
            "postgres-linux-arm_64.txz, ELF, 183",
            "postgres-darwin-x86_64.txz, Mach-O, 16777223",
            "postgres-darwin-arm_64.txz, Mach-O, 16777228"})
    void theJarHoldsThePostgresOfEachPlatform(String entryName, String format, long machine) throws IOException {
        try (ZipFile jar = new ZipFile(System.getProperty("forum.server.jar"))) {
            List<String> sameName = jar.stream().map(ZipEntry::getName).filter(entryName::equals).toList();
            assertThat(sameName).as("exactly one %s (zonky refuses duplicates)", entryName).hasSize(1);
            try (InputStream in = jar.getInputStream(jar.getEntry(entryName));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
                byte[] header = null;
                boolean initdb = false;
                for (TarArchiveEntry file = tar.getNextEntry(); file != null; file = tar.getNextEntry()) {
                    if (file.getName().endsWith("bin/initdb")) {
                        initdb = true;
                    }
                    if (file.getName().endsWith("bin/postgres") && file.isFile()) {
                        header = tar.readNBytes(64);
                    }
                }
                assertThat(initdb).as("bin/initdb in " + entryName).isTrue();
                assertThat(header).as("bin/postgres in " + entryName).isNotNull();
                ByteBuffer bytes = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                if (format.equals("ELF")) {
                    assertThat(new String(header, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
                    assertThat((long) bytes.getShort(18)).as("e_machine of " + entryName).isEqualTo(machine);
                } else {
                    assertThat(macArchitectures(header)).as("processors of " + entryName).contains(machine);
                }
            }
        }
    }
}
