package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class Int8StoreTest {

    @Test
    void quantisedDistances_areCloseToExactOnes() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(700, 24, 21);
        Int8Store store = new Int8Store(m, PassKernel.SCALAR);
        float[] center = m.row(5);
        float[] out = new float[store.blocks() * EmbeddingStore.BLOCK];
        store.squaredDistances(center, 0, store.blocks(), out);
        for (int i = 0; i < m.count(); i++) {
            double exact = KCenterGreedyTest.distance(m, i, 5);
            assertThat(Math.sqrt(out[i])).isCloseTo(exact, within(0.01));
        }
    }

    @Test
    void decodedRow_isScaleTimesQuantisedValue() {
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {0.5f, -0.3f, 0.1f}, 3);
        Int8Store store = new Int8Store(m, PassKernel.SCALAR);
        assertThat(store.row(0)).containsExactly(0.5f, -0.3f, 0.1f);
        float[] row = store.decodedRow(0);
        float scale = 0.5f / 127;
        assertThat(row[0]).isEqualTo(scale * 127);
        assertThat(row[1]).isEqualTo(scale * -76);
        assertThat(row[2]).isEqualTo(scale * 25);
        double error = Math.sqrt(Math.pow(0.5 - row[0], 2) + Math.pow(-0.3 - row[1], 2) + Math.pow(0.1 - row[2], 2));
        assertThat((double) store.rowError(0)).isGreaterThanOrEqualTo(error).isCloseTo(error, within(1e-6));
    }

    @Test
    void approximateDistances_stayWithinTheRowErrorOfExactOnes() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(600, 48, 23);
        Int8Store store = new Int8Store(m, PassKernel.best());
        float[] out = new float[store.blocks() * EmbeddingStore.BLOCK];
        for (int center : new int[] {0, 77, 599}) {
            store.squaredDistances(m.row(center), 0, store.blocks(), out);
            for (int i = 0; i < m.count(); i++) {
                double exact = Math.sqrt(store.exactSquaredDistance(i, m.row(center)));
                assertThat(Math.abs(Math.sqrt(out[i]) - exact)).isLessThanOrEqualTo(store.rowError(i) + 1e-4);
            }
        }
    }

    @Test
    void vectorKernel_matchesTheScalarKernel() {
        PassKernel vector = PassKernel.best();
        Assumptions.assumeTrue(vector != PassKernel.SCALAR, "the JVM runs without jdk.incubator.vector");
        assertThat(vector.name()).isEqualTo("vector");
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(1000, 64, 22);
        Int8Store scalarStore = new Int8Store(m, PassKernel.SCALAR);
        Int8Store vectorStore = new Int8Store(m, vector);
        float[] center = m.row(17);
        float[] a = new float[scalarStore.blocks() * EmbeddingStore.BLOCK];
        float[] b = new float[a.length];
        scalarStore.squaredDistances(center, 0, scalarStore.blocks(), a);
        vectorStore.squaredDistances(center, 0, vectorStore.blocks(), b);
        for (int i = 0; i < m.count(); i++) {
            assertThat((double) b[i]).isCloseTo(a[i], within(1e-5));
        }
        // Through the vector kernel the int8 picks still equal the exact float32 ones.
        KCenterGreedy int8 = new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 2);
        assertThat(int8.storageDescription()).isEqualTo("int8/vector");
        int[] exactPicks = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2)
                .select(30, EmbeddingMatrix.empty(64), 0, 3)
                .picks();
        assertThat(int8.select(30, EmbeddingMatrix.empty(64), 0, 3).picks()).containsExactly(exactPicks);
    }

    @Test
    void quantisingOnSeveralThreads_givesTheStoreOneThreadGives() {
        // 1,000 rows: three whole blocks and a partial one, split into ranges over 3 threads.
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(1000, 20, 24);
        Int8Store one = new Int8Store(m, PassKernel.SCALAR, 1);
        Int8Store three = new Int8Store(m, PassKernel.SCALAR, 3);
        assertThat(three.maxRowError()).isEqualTo(one.maxRowError()).isPositive();
        assertThat(three.roundingMargin(1f)).isEqualTo(one.roundingMargin(1f));
        for (int i = 0; i < m.count(); i++) {
            assertThat(three.decodedRow(i)).containsExactly(one.decodedRow(i));
            assertThat(three.rowError(i)).isEqualTo(one.rowError(i));
        }
        float[] center = m.row(999);
        float[] a = new float[one.blocks() * EmbeddingStore.BLOCK];
        float[] b = new float[a.length];
        one.squaredDistances(center, 0, one.blocks(), a);
        three.squaredDistances(center, 0, three.blocks(), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void copyingFloat32RowsOnSeveralThreads_keepsEveryRow() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(1000, 20, 25);
        Float32Store store = new Float32Store(m, PassKernel.SCALAR, 3);
        for (int i = 0; i < m.count(); i++) {
            assertThat(store.row(i)).containsExactly(m.row(i));
        }
    }
}
