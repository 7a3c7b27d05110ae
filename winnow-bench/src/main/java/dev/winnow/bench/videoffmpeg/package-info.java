/** Nothing in this package takes or returns null unless marked {@code @Nullable}. */
@NullMarked
package dev.winnow.bench.videoffmpeg;

import org.jspecify.annotations.NullMarked;
